pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// The world map: any region series as a choropleth by year, baseline/scenario/difference, arrows for the export
// controls and countermeasures in force; hover for a value, click a region for its detail.
Item {
    id: root

    readonly property var metric: MapController.metrics[metricBox.currentIndex] ?? ({})
    property alias worldMap: map
    property var detail: ({})

    function showDetail(regionId: string) {
        detail = MapController.regionDetail(regionId, map.metric);
    }

    Connections {
        target: MapController

        function onDataChanged() {
            if (map.selectedRegion !== "")
                root.showDetail(map.selectedRegion);
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                text: qsTr("Metric")
            }
            ComboBox {
                id: metricBox

                objectName: "metricBox"
                Layout.preferredWidth: 380
                model: MapController.metrics
                textRole: "label"
                valueRole: "id"
                Accessible.name: qsTr("Metric shown on the map")
            }
            Item {
                Layout.fillWidth: true
            }
            ButtonGroup {
                id: modeGroup
            }
            Repeater {
                model: [
                    {
                        "mode": "baseline",
                        "label": qsTr("Baseline")
                    },
                    {
                        "mode": "scenario",
                        "label": qsTr("Scenario")
                    },
                    {
                        "mode": "difference",
                        "label": qsTr("Difference")
                    }
                ]

                Button {
                    required property var modelData

                    objectName: "mode:" + modelData.mode
                    text: modelData.label
                    checkable: true
                    checked: map.mode === modelData.mode
                    ButtonGroup.group: modeGroup
                    onClicked: map.mode = modelData.mode
                }
            }
            CheckBox {
                text: qsTr("Arrows")
                checked: map.arrows
                onToggled: map.arrows = checked
            }
            ExportMenu {
                objectName: "mapExportMenuButton"
                exporter: MapExporter {
                    map: map
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing

                WorldMap {
                    id: map

                    objectName: "worldMap"
                    Layout.fillWidth: true
                    // Takes the height the page leaves; MapPainter fits the world, legend and source line into it.
                    Layout.fillHeight: true
                    Layout.minimumHeight: 240
                    metric: root.metric.id ?? ""
                    year: YearCursor.year
                    onRegionClicked: regionId => root.showDetail(regionId)
                    onMetricChanged: if (map.selectedRegion !== "") root.showDetail(map.selectedRegion)

                    HoverHandler {
                        id: hover
                    }

                    Rectangle {
                        objectName: "hoverLabel"
                        visible: map.hoveredRegion !== ""
                        x: Math.min(hover.point.position.x + 14, map.width - width - 4)
                        y: Math.max(4, hover.point.position.y - height - 8)
                        width: hoverText.implicitWidth + 16
                        height: hoverText.implicitHeight + 10
                        radius: Theme.radius
                        color: "#f01d1d1b"

                        Label {
                            id: hoverText

                            objectName: "hoverText"
                            anchors.centerIn: parent
                            color: "white"
                            text: {
                                const value = map.hoveredRegion === "" ? "" : MapController.revision >= 0 ? MapController.valueText(map.metric, map.hoveredRegion, map.year, map.mode) : "";
                                return map.hoveredFacility === "" ? value : map.hoveredFacility + "\n" + value;
                            }
                        }
                    }

                    Label {
                        anchors.centerIn: parent
                        visible: map.errorText !== ""
                        text: map.errorText
                        color: Theme.mutedText
                    }
                }
                Label {
                    Layout.fillWidth: true
                    text: root.metric.description ?? ""
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap
                }

                YearBar {
                    Layout.fillWidth: true
                }
            }

            RegionDetail {
                objectName: "regionDetail"
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                visible: map.selectedRegion !== ""
                detail: root.detail
                year: map.year
                onClosed: map.selectedRegion = ""
            }
        }

    }
}
