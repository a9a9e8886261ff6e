pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// Any model output for chosen regions and segment: baseline dashed, scenario solid, KB targets as markers.
Item {
    id: root

    RowLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing / 2

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                ComboBox {
                    id: metricPicker

                    objectName: "metricPicker"
                    Layout.fillWidth: true
                    Layout.maximumWidth: 260
                    Layout.minimumWidth: 120
                    model: ScenarioController.metricChoices
                    textRole: "name"
                    valueRole: "id"
                    font.pixelSize: Theme.fontNormal
                    Accessible.name: qsTr("Metric")
                }
                ComboBox {
                    id: segmentPicker

                    objectName: "segmentPicker"
                    Layout.fillWidth: true
                    Layout.maximumWidth: 260
                    Layout.minimumWidth: 120
                    model: ScenarioController.segmentChoices
                    textRole: "name"
                    valueRole: "id"
                    font.pixelSize: Theme.fontNormal
                    Accessible.name: qsTr("Segment")
                }
                // Only metrics with company series (market share within one segment) can show a company.
                ComboBox {
                    id: companyPicker

                    objectName: "companyPicker"
                    Layout.fillWidth: true
                    Layout.maximumWidth: 220
                    Layout.minimumWidth: 120
                    enabled: shownData.companyApplies
                    model: shownData.companyApplies ? shownData.companyChoices : [
                        {
                            "id": "",
                            "name": qsTr("Company: n/a")
                        }
                    ]
                    textRole: "name"
                    valueRole: "id"
                    font.pixelSize: Theme.fontNormal
                    Accessible.name: qsTr("Company")
                    ToolTip.visible: hovered && !enabled
                    ToolTip.text: qsTr("Companies have series for market share within one segment")
                }
                ExportMenu {
                    objectName: "exportMenuButton"
                    exporter: ChartExporter {
                        chartData: scenarioChart.chartData
                    }
                }
            }
            Flow {
                id: regionPicker

                property var selected: ["CN", "US", "TW"]

                Layout.fillWidth: true
                spacing: 4
                enabled: (companyPicker.currentValue ?? "") === ""

                Repeater {
                    model: ScenarioController.regionChoices

                    CheckBox {
                        required property var modelData

                        text: modelData.name
                        font.pixelSize: Theme.fontNormal
                        checked: regionPicker.selected.includes(modelData.id)
                        onToggled: {
                            const others = regionPicker.selected.filter(id => id !== modelData.id);
                            regionPicker.selected = checked ? others.concat([modelData.id]) : others;
                        }
                    }
                }
            }

            ScenarioChart {
                id: scenarioChart

                objectName: "scenarioChart"
                Layout.fillWidth: true
                Layout.fillHeight: true
                chartData: ChartData {
                    id: shownData

                    controller: ScenarioController
                    metric: metricPicker.currentValue ?? "self_sufficiency"
                    segment: segmentPicker.currentValue ?? ""
                    regions: regionPicker.selected
                    company: companyPicker.enabled ? companyPicker.currentValue ?? "" : ""
                }
            }
            Label {
                objectName: "differingLevers"
                Layout.fillWidth: true
                visible: ScenarioController.comparing
                text: ScenarioController.differingLevers.length === 0 ? qsTr("Compared with %1: every lever is the same.").arg(ScenarioController.comparisonName) : qsTr("Compared with %1, levers that differ (this scenario → %1): %2").arg(ScenarioController.comparisonName).arg(ScenarioController.differingLevers.map(l => l.label + " " + l.value + " → " + l.other).join("; "))
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontNormal
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Dashed: baseline. Solid: this scenario. Squares: targets from the knowledge base. Shaded: p10–p90 over the model's uncertain parameters. Hover a line for its value; click it for its provenance.")
                wrapMode: Text.WordWrap
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
            }
        }

        LeversPanel {
            Layout.preferredWidth: Math.min(360, root.width * 0.36)
            Layout.fillHeight: true
        }
    }
}
