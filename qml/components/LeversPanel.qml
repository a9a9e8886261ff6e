pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// Every lever of the scenario, grouped (Subsidies, Export controls, Countermeasures, Shocks, Assumptions).
Pane {
    id: root

    padding: Theme.spacing / 2
    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true

            Label {
                Layout.fillWidth: true
                text: qsTr("Levers")
                font.pixelSize: Theme.fontLarge
                font.bold: true
            }
            Label {
                text: ScenarioController.changedLeverCount > 0 ? qsTr("%n changed", "", ScenarioController.changedLeverCount) : qsTr("all at baseline")
                color: ScenarioController.changedLeverCount > 0 ? Theme.accent : Theme.mutedText
                font.pixelSize: Theme.fontSmall
            }
        }

        ListView {
            id: list

            objectName: "leversList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: Theme.spacing / 2
            model: ScenarioController.levers
            ScrollBar.vertical: ScrollBar {
                policy: ScrollBar.AsNeeded
            }
            Accessible.name: qsTr("Levers")

            // The group heading sits in the first lever of each group (a Bound section delegate fails on Qt 6.4).
            delegate: ColumnLayout {
                id: row

                required property var model
                required property int index

                width: ListView.view.width - Theme.spacing
                spacing: 2

                Label {
                    Layout.fillWidth: true
                    visible: row.model.firstInGroup
                    topPadding: row.index > 0 ? Theme.spacing : 0
                    text: row.model.group
                    font.pixelSize: Theme.fontNormal
                    font.bold: true
                    font.capitalization: Font.AllUppercase
                    color: Theme.mutedText
                }
                LeverSlider {
                    objectName: "lever:" + row.model.leverId
                    Layout.fillWidth: true
                    label: row.model.label
                    value: row.model.value
                    from: row.model.minimum
                    to: row.model.maximum
                    baselineValue: row.model.baseline
                    unit: row.model.unit
                    stepSize: row.model.step
                    valueText: row.model.valueText
                    baselineText: row.model.baselineText
                    description: row.model.description
                    sources: row.model.sources
                    onMoved: newValue => ScenarioController.dragLever(row.model.leverId, newValue)
                    onReleased: ScenarioController.finishDrag()
                }
            }
        }
    }
}
