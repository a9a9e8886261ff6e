pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// The headline indicators of the current scenario against the baseline, beside the levers that drive them.
Item {
    id: root

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: ScenarioController.description.length > 0 ? ScenarioController.description : qsTr("Move a lever: every number below is the scenario, compared with the baseline.")
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontNormal
                color: Theme.mutedText
            }
            GridLayout {
                objectName: "headlines"
                Layout.fillWidth: true
                Layout.fillHeight: true
                columns: width > 700 ? 2 : 1
                rowSpacing: Theme.spacing
                columnSpacing: Theme.spacing

                Repeater {
                    model: ScenarioController.headlines

                    HeadlineTile {
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                    }
                }
            }
        }

        LeversPanel {
            Layout.preferredWidth: Math.min(360, root.width * 0.36)
            Layout.fillHeight: true
        }
    }
}
