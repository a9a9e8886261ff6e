pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import TechRace
import TechRace.Ui

// The baseline model against every knowledge-base observation it has a counterpart for: overall errors, a log-log
// scatter of observed against model with the 45° line, and the table of points.
Item {
    id: root

    property alias calibration: calibration
    property int hoveredRow: -1

    CalibrationModel {
        id: calibration

        controller: ScenarioController
        onReportChanged: calibration.fillScatter(fittedSeries, testedSeries, identitySeries)
    }

    component Figure: Pane {
        id: figure

        required property string value
        required property string caption

        padding: Theme.spacing
        background: Rectangle {
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
        }
        ColumnLayout {
            spacing: 0
            Label {
                objectName: "figureValue"
                text: figure.value
                font.pixelSize: 32
                font.bold: true
            }
            Label {
                text: figure.caption
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Figure {
                objectName: "mapeAll"
                value: calibration.mapeAllText
                caption: qsTr("mean absolute % error, all %1 points").arg(calibration.count)
            }
            Figure {
                objectName: "mapeOutOfSample"
                value: calibration.mapeOutOfSampleText
                caption: qsTr("out of sample (%1 points no parameter was fitted to)").arg(calibration.outOfSampleCount)
            }
            Figure {
                value: calibration.maePointsText
                caption: qsTr("mean absolute error of the share series")
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("The baseline run beside every observation in the knowledge base it has a counterpart for (%1 more have none). In-sample points set a parameter, so they do not test the model. Points with a value of 0 (%2) cannot be drawn on log scales.").arg(calibration.skippedCount).arg(calibration.unplottedCount)
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontSmall
                color: Theme.mutedText
            }
        }
        Label {
            Layout.fillWidth: true
            visible: calibration.error.length > 0
            text: calibration.error
            color: Theme.fall
            wrapMode: Text.WordWrap
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            ChartView {
                id: scatter

                objectName: "calibrationScatter"
                Layout.fillHeight: true
                Layout.preferredWidth: Math.min(440, root.width * 0.36)
                antialiasing: true
                legend.alignment: Qt.AlignBottom
                title: qsTr("Observed vs model (log scales)")
                margins.top: 4
                margins.bottom: 4

                // Exponents of ten: the scatter's points are log10 values (CalibrationModel::fillScatter).
                ValueAxis {
                    id: observedAxis

                    min: calibration.scatterMinimum
                    max: calibration.scatterMaximum
                    tickCount: calibration.scatterMaximum - calibration.scatterMinimum + 1
                    labelFormat: "1e%.0f"
                    titleText: qsTr("observed")
                }
                // Exponents of ten: the scatter's points are log10 values (CalibrationModel::fillScatter).
                ValueAxis {
                    id: modelAxis

                    min: calibration.scatterMinimum
                    max: calibration.scatterMaximum
                    tickCount: calibration.scatterMaximum - calibration.scatterMinimum + 1
                    labelFormat: "1e%.0f"
                    titleText: qsTr("model")
                }
                LineSeries {
                    id: identitySeries

                    name: qsTr("45° line")
                    axisX: observedAxis
                    axisY: modelAxis
                    color: Theme.baselineMark
                    style: Qt.DashLine
                    width: 1
                }
                ScatterSeries {
                    id: fittedSeries

                    name: qsTr("in sample")
                    axisX: observedAxis
                    axisY: modelAxis
                    color: Theme.baselineMark
                    borderColor: Theme.baselineMark
                    markerSize: 9
                    onHovered: (point, state) => root.hoveredRow = state ? calibration.rowNear(point.x, point.y) : -1
                }
                ScatterSeries {
                    id: testedSeries

                    name: qsTr("out of sample")
                    axisX: observedAxis
                    axisY: modelAxis
                    color: Theme.accent
                    borderColor: Theme.accent
                    markerSize: 9
                    onHovered: (point, state) => root.hoveredRow = state ? calibration.rowNear(point.x, point.y) : -1
                }
                Component.onCompleted: calibration.fillScatter(fittedSeries, testedSeries, identitySeries)
            }

            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: 6
                background: Rectangle {
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius
                }

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 4

                    Row {
                        spacing: 6

                        Repeater {
                            model: [qsTr("Series"), qsTr("Year"), qsTr("Observed"), qsTr("Model"), qsTr("Unit"), qsTr("Error"), qsTr("Sample"), qsTr("Source")]

                            Label {
                                required property string modelData
                                required property int index

                                width: table.columnWidth(index)
                                text: modelData
                                font.pixelSize: Theme.fontSmall
                                font.bold: true
                                horizontalAlignment: index >= 1 && index <= 3 || index === 5 ? Text.AlignRight : Text.AlignLeft
                            }
                        }
                    }
                    ListView {
                        id: table

                        // Fixed widths for year, observed, model, unit, error, sample and source; the series takes the rest.
                        readonly property var fixedWidths: [40, 64, 64, 80, 60, 50, 96]
                        readonly property real seriesWidth: Math.max(100, width - fixedWidths.reduce((a, b) => a + b, 0) - 7 * 6)

                        function columnWidth(column: int): real {
                            return column === 0 ? seriesWidth : fixedWidths[column - 1];
                        }

                        objectName: "calibrationTable"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: calibration
                        boundsBehavior: Flickable.StopAtBounds
                        currentIndex: root.hoveredRow
                        onCurrentIndexChanged: if (currentIndex >= 0)
                            positionViewAtIndex(currentIndex, ListView.Contain)
                        ScrollBar.vertical: ScrollBar {
                        }

                        delegate: Rectangle {
                            id: row

                            required property int index
                            required property string series
                            required property string subject
                            required property int year
                            required property string observedText
                            required property string modelText
                            required property string unit
                            required property string errorText
                            required property real errorPercent
                            required property bool fitted
                            required property string sourceId

                            objectName: "calibrationRow"
                            width: ListView.view.width
                            height: cells.implicitHeight + 6
                            color: index === root.hoveredRow ? Qt.lighter(Theme.accent, 1.9) : (index % 2 ? Theme.background : Theme.surface)

                            Row {
                                id: cells

                                anchors.verticalCenter: parent.verticalCenter
                                spacing: 6

                                Label {
                                    width: table.columnWidth(0)
                                    text: row.subject.length > 0 ? row.series + " · " + row.subject : row.series
                                    elide: Text.ElideRight
                                    font.pixelSize: Theme.fontSmall
                                }
                                Label {
                                    width: table.columnWidth(1)
                                    horizontalAlignment: Text.AlignRight
                                    text: row.year
                                    font.pixelSize: Theme.fontSmall
                                }
                                Label {
                                    width: table.columnWidth(2)
                                    horizontalAlignment: Text.AlignRight
                                    text: row.observedText
                                    font.pixelSize: Theme.fontSmall
                                }
                                Label {
                                    width: table.columnWidth(3)
                                    horizontalAlignment: Text.AlignRight
                                    text: row.modelText
                                    font.pixelSize: Theme.fontSmall
                                }
                                Label {
                                    width: table.columnWidth(4)
                                    text: row.unit
                                    elide: Text.ElideRight
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.mutedText
                                }
                                Label {
                                    width: table.columnWidth(5)
                                    horizontalAlignment: Text.AlignRight
                                    text: row.errorText
                                    font.pixelSize: Theme.fontSmall
                                    color: Math.abs(row.errorPercent) > 25 ? Theme.fall : Theme.text
                                }
                                Label {
                                    width: table.columnWidth(6)
                                    text: row.fitted ? qsTr("in") : qsTr("out")
                                    font.pixelSize: Theme.fontSmall
                                    color: row.fitted ? Theme.mutedText : Theme.text
                                }
                                Label {
                                    width: table.columnWidth(7)
                                    text: row.sourceId
                                    elide: Text.ElideRight
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.mutedText
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
