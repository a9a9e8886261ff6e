pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

// What the knowledge base and the model say about one region: its series, companies, facilities and policies.
Pane {
    id: root

    // MapController.regionDetail(...) result.
    required property var detail
    property int year: 0

    signal closed

    padding: Theme.spacing
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
                objectName: "regionDetailTitle"
                Layout.fillWidth: true
                text: root.detail.name ?? ""
                font.pixelSize: Theme.fontLarge
                font.bold: true
                elide: Text.ElideRight
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Close the region detail")
                onClicked: root.closed()
            }
        }

        ScrollView {
            id: scroll

            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: scroll.availableWidth
                spacing: Theme.spacing / 2

                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 (%2)").arg(root.detail.metricLabel ?? "").arg(root.detail.unit ?? "")
                    font.bold: true
                    wrapMode: Text.Wrap
                }
                // Scenario bars with the baseline as a tick; the shared year highlighted.
                Item {
                    id: bars

                    readonly property var series: root.detail.series ?? []
                    readonly property real maxValue: series.reduce((m, p) => Math.max(m, p.baseline ?? 0, p.scenario ?? 0), 1e-9)

                    Layout.fillWidth: true
                    Layout.preferredHeight: 90

                    Repeater {
                        model: bars.series

                        Item {
                            id: bar

                            required property var modelData
                            required property int index
                            readonly property real slot: bars.width / Math.max(1, bars.series.length)

                            x: index * slot
                            width: slot
                            height: bars.height

                            Rectangle {
                                anchors.bottom: parent.bottom
                                x: 1
                                width: Math.max(1, bar.slot - 2)
                                height: (bar.modelData.scenario ?? 0) / bars.maxValue * (bars.height - 4)
                                color: bar.modelData.year === root.year ? Theme.accent : "#9ecae1"
                            }
                            Rectangle {
                                x: 0
                                width: bar.slot
                                height: 2
                                y: bars.height - (bar.modelData.baseline ?? 0) / bars.maxValue * (bars.height - 4) - 1
                                color: Theme.baselineMark
                            }
                        }
                    }
                }
                Label {
                    text: qsTr("Bars: scenario; grey ticks: baseline; blue: %1").arg(root.year)
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                }

                Label {
                    text: qsTr("Policies (%1)").arg((root.detail.policies ?? []).length)
                    font.bold: true
                    topPadding: Theme.spacing / 2
                }
                Repeater {
                    model: root.detail.policies ?? []

                    Label {
                        required property var modelData

                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        textFormat: Text.StyledText
                        text: qsTr("<b>%1</b> — %2, %3 (%4)<br><i>“%5”</i> [%6]").arg(modelData.title).arg(modelData.role).arg(modelData.period).arg(modelData.status.replace(/_/g, " ")).arg(modelData.quote).arg(modelData.source)
                    }
                }

                Label {
                    text: qsTr("Companies headquartered here (%1)").arg((root.detail.companies ?? []).length)
                    font.bold: true
                    topPadding: Theme.spacing / 2
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    text: (root.detail.companies ?? []).map(c => c.name).join(", ")
                }

                Label {
                    text: qsTr("Facilities (%1)").arg((root.detail.facilities ?? []).length)
                    font.bold: true
                    topPadding: Theme.spacing / 2
                }
                Repeater {
                    model: root.detail.facilities ?? []

                    Label {
                        required property var modelData

                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("%1 — %2%3, %4%5").arg(modelData.name).arg(modelData.company).arg(modelData.location ? " (" + modelData.location + ")" : "").arg(modelData.status.replace(/_/g, " ")).arg(modelData.located ? qsTr(", on the map") : "")
                    }
                }
            }
        }
    }
}
