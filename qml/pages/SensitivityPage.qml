pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// What moves one headline output of the current scenario: a tornado of every lever and parameter over its range, and
// waterfalls of what each lever adds to the change from the baseline and what each active policy contributes.
Item {
    id: root

    property alias analysis: analysis
    property int selectedBar: -1
    readonly property var selected: selectedBar >= 0 && selectedBar < analysis.bars.length ? analysis.bars[selectedBar] : null

    SensitivityController {
        id: analysis

        controller: ScenarioController
        // A hidden page does not recompute; it catches up when shown again.
        active: root.visible
        onOutputIndexChanged: root.selectedBar = -1
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                text: qsTr("Output")
                font.pixelSize: Theme.fontNormal
            }
            ComboBox {
                objectName: "outputChoice"
                Layout.preferredWidth: 420
                model: analysis.outputs
                textRole: "label"
                currentIndex: analysis.outputIndex
                onActivated: index => analysis.outputIndex = index
            }
            Label {
                objectName: "outputValue"
                Layout.fillWidth: true
                text: analysis.revision > 0 ? qsTr("%1 in %2 · baseline %3").arg(analysis.valueText).arg(ScenarioController.displayName).arg(analysis.baselineText) : ""
                font.pixelSize: Theme.fontLarge
                font.bold: true
                elide: Text.ElideRight
            }
            BusyIndicator {
                objectName: "busy"
                Layout.preferredWidth: 32
                Layout.preferredHeight: 32
                running: analysis.busy
                visible: running
            }
        }
        Label {
            Layout.fillWidth: true
            visible: analysis.error.length > 0
            text: analysis.error
            color: Theme.fall
            wrapMode: Text.WordWrap
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 3
                padding: Theme.spacing
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
                        text: qsTr("What moves it: each input over its range, all else as in the scenario")
                        elide: Text.ElideRight
                        font.pixelSize: Theme.fontNormal
                        font.bold: true
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing

                        Rectangle {
                            implicitWidth: 14
                            implicitHeight: 14
                            color: Theme.lowInput
                        }
                        Label {
                            text: qsTr("input at its low end")
                            font.pixelSize: Theme.fontSmall
                        }
                        Rectangle {
                            implicitWidth: 14
                            implicitHeight: 14
                            color: Theme.highInput
                        }
                        Label {
                            text: qsTr("input at its high end")
                            font.pixelSize: Theme.fontSmall
                        }
                        Label {
                            Layout.fillWidth: true
                            text: qsTr("· from the scenario's value (the line); click a bar for its source")
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                        }
                    }
                    ListView {
                        id: tornado

                        objectName: "tornado"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: analysis.bars
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar {}

                        delegate: TornadoRow {
                            width: ListView.view.width
                            minimum: analysis.barMinimum
                            maximum: analysis.barMaximum
                            centre: analysis.value
                            labelWidth: Math.min(280, ListView.view.width * 0.38)
                            selected: index === root.selectedBar
                            onClicked: root.selectedBar = selected ? -1 : index
                        }

                        // The scenario's value: where every bar starts.
                        Rectangle {
                            readonly property real labelWidth: Math.min(280, tornado.width * 0.38)
                            readonly property real trackWidth: tornado.width - labelWidth - Theme.spacing - 4

                            visible: analysis.bars.length > 0
                            x: labelWidth + Theme.spacing + 2 + (analysis.value - analysis.barMinimum) / Math.max(1e-12, analysis.barMaximum - analysis.barMinimum) * trackWidth
                            y: 0
                            z: 2
                            width: 1
                            height: Math.min(tornado.height, tornado.contentHeight)
                            color: Theme.text
                        }
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: analysis.revision > 0 && analysis.bars.length === 0
                        text: qsTr("No input moves this output.")
                        color: Theme.mutedText
                    }
                }
            }

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                Layout.preferredWidth: 2
                spacing: Theme.spacing

                Pane {
                    Layout.fillWidth: true
                    padding: Theme.spacing
                    background: Rectangle {
                        color: Theme.surface
                        border.color: Theme.border
                        radius: Theme.radius
                    }

                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 4

                        Label {
                            text: qsTr("Change from the baseline, lever by lever")
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                        }
                        WaterfallChart {
                            objectName: "changeWedges"
                            Layout.fillWidth: true
                            steps: analysis.changeWedges
                            startLabel: qsTr("Baseline")
                            startValue: analysis.baseline
                            startText: analysis.baselineText
                            endLabel: qsTr("Scenario")
                            endValue: analysis.value
                            endText: analysis.valueText
                            minimum: analysis.wedgeMinimum
                            maximum: analysis.wedgeMaximum
                            labelWidth: 170
                            emptyText: qsTr("The scenario moves no lever from the baseline: move one, or load a preset, to see what each adds.")
                        }
                    }
                }
                Pane {
                    Layout.fillWidth: true
                    padding: Theme.spacing
                    background: Rectangle {
                        color: Theme.surface
                        border.color: Theme.border
                        radius: Theme.radius
                    }

                    ColumnLayout {
                        anchors.fill: parent
                        spacing: 4

                        Label {
                            text: qsTr("What each active policy contributes")
                            font.pixelSize: Theme.fontNormal
                            font.bold: true
                        }
                        WaterfallChart {
                            objectName: "policyWedges"
                            Layout.fillWidth: true
                            steps: analysis.policyWedges
                            startLabel: qsTr("Without these policies")
                            startValue: analysis.noPolicyValue
                            startText: analysis.noPolicyText
                            endLabel: qsTr("Scenario")
                            endValue: analysis.value
                            endText: analysis.valueText
                            minimum: analysis.wedgeMinimum
                            maximum: analysis.wedgeMaximum
                            labelWidth: 170
                            emptyText: qsTr("No subsidy, export control or countermeasure is active.")
                        }
                    }
                }
                Pane {
                    objectName: "barSource"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    padding: Theme.spacing
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
                            text: root.selected ? root.selected.label : qsTr("Click a bar to see where its input comes from.")
                            font.pixelSize: Theme.fontNormal
                            font.bold: root.selected !== null
                            color: root.selected ? Theme.text : Theme.mutedText
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: root.selected !== null
                            text: root.selected ? qsTr("%1 over %2 – %3 moves the output from %4 to %5 (%6)").arg(root.selected.isLever ? qsTr("Lever") : qsTr("Parameter")).arg(root.selected.lowInputText).arg(root.selected.highInputText).arg(root.selected.lowOutputText).arg(root.selected.highOutputText).arg(root.selected.swingText) : ""
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            objectName: "barQuote"
                            Layout.fillWidth: true
                            visible: root.selected !== null && root.selected.quote.length > 0
                            text: root.selected ? "“" + root.selected.quote + "”" : ""
                            font.pixelSize: Theme.fontSmall
                            font.italic: true
                            wrapMode: Text.WordWrap
                        }
                        Label {
                            Layout.fillWidth: true
                            visible: root.selected !== null
                            text: root.selected ? qsTr("Source %1 · KB rows %2").arg(root.selected.sourceId).arg(root.selected.kbRows) : ""
                            font.pixelSize: Theme.fontSmall
                            color: Theme.mutedText
                            wrapMode: Text.WordWrap
                        }
                        Item {
                            Layout.fillHeight: true
                        }
                        Label {
                            visible: analysis.revision > 0
                            text: qsTr("Computed in %1 ms on a worker thread").arg(analysis.lastComputeMs.toFixed(0))
                            font.pixelSize: Theme.fontSmall - 1
                            color: Theme.mutedText
                        }
                    }
                }
            }
        }
    }
}
