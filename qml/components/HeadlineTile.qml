pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

// One headline indicator: the scenario's value, its change from the baseline, and a sparkline of both.
Pane {
    id: root

    required property string title
    required property int year
    required property string valueText
    required property string deltaText
    required property string baselineText
    required property real delta
    required property var sparkline
    required property var baselineSparkline
    required property int firstYear

    padding: Theme.spacing
    Accessible.role: Accessible.StaticText
    Accessible.name: qsTr("%1 in %2: %3, %4").arg(title).arg(year).arg(valueText).arg(deltaText)
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 4

        Label {
            Layout.fillWidth: true
            text: qsTr("%1, %2").arg(root.title).arg(root.year)
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontNormal
            color: Theme.mutedText
        }
        RowLayout {
            spacing: Theme.spacing

            Label {
                objectName: "headlineValue"
                text: root.valueText
                font.pixelSize: 40
                font.bold: true
            }
            Label {
                objectName: "headlineDelta"
                Layout.alignment: Qt.AlignBottom
                bottomPadding: 6
                text: root.deltaText
                font.pixelSize: Theme.fontLarge
                font.bold: Math.abs(root.delta) > 0
                color: Math.abs(root.delta) > 0 ? Theme.accent : Theme.mutedText
            }
        }
        Label {
            text: root.baselineText
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
        Sparkline {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 40
            values: root.sparkline
            baselineValues: root.baselineSparkline
        }
        Label {
            text: qsTr("%1–%2").arg(root.firstYear).arg(root.firstYear + root.sparkline.length - 1)
            font.pixelSize: Theme.fontSmall
            color: Theme.mutedText
        }
    }
}
