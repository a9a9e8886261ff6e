import QtQuick
import QtQuick.Controls
import TechRace.Ui

// A small coloured label ("Your edit", "Conflict", a reliability grade) that reads at a glance.
Rectangle {
    id: root

    required property string text
    property color tint: Theme.accent

    implicitWidth: label.implicitWidth + 2 * Theme.spacing / 2
    implicitHeight: label.implicitHeight + 4
    radius: height / 2
    color: Qt.rgba(tint.r, tint.g, tint.b, 0.12)
    border.color: tint
    Accessible.role: Accessible.StaticText
    Accessible.name: text

    Label {
        id: label

        anchors.centerIn: parent
        text: root.text
        color: root.tint
        font.pixelSize: Theme.fontSmall
        font.bold: true
    }
}
