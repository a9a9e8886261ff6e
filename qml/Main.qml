pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

ApplicationWindow {
    id: root

    width: 1280
    height: 800
    minimumWidth: 800
    minimumHeight: 520
    visible: true
    title: qsTr("TechRace")
    color: Theme.background

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: Theme.spacing
            anchors.rightMargin: Theme.spacing

            Label {
                text: qsTr("TechRace")
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("The geopolitical race for chips and AI compute")
                color: Theme.mutedText
                font.pixelSize: Theme.fontNormal
                elide: Text.ElideRight
            }
        }
    }

    OverviewPage {
        anchors.fill: parent
        anchors.margins: Theme.spacing
    }
}
