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
            reuseItems: true
            ScrollBar.vertical: ScrollBar {
                policy: ScrollBar.AsNeeded
            }
            Accessible.name: qsTr("Levers")

            section.property: "group"
            section.delegate: Label {
                required property string section

                width: ListView.view.width
                topPadding: Theme.spacing
                text: section
                font.pixelSize: Theme.fontNormal
                font.bold: true
                font.capitalization: Font.AllUppercase
                color: Theme.mutedText
            }

            delegate: LeverSlider {
                id: lever

                required property var model
                required property string leverId

                objectName: "lever:" + leverId
                width: ListView.view.width - Theme.spacing
                from: model.minimum
                to: model.maximum
                baselineValue: model.baseline
                unit: model.unit
                stepSize: model.step
                valueText: model.valueText
                baselineText: model.baselineText
                description: model.description
                sources: model.sources
                onMoved: newValue => ScenarioController.dragLever(lever.leverId, newValue)
                onReleased: ScenarioController.finishDrag()
            }
        }
    }
}
