pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// Where a chart point comes from, as `techrace explain` tells it: the equation, the inputs that move it with
// their values now and the output over each input's range, and the KB rows and sources behind them.
Popup {
    id: root

    required property ChartData chartData
    readonly property var provenance: chartData.provenance
    readonly property alias equationText: equationLabel.text

    padding: Theme.spacing
    modal: false
    focus: true
    closePolicy: Popup.CloseOnEscape | Popup.CloseOnPressOutside
    onClosed: chartData.clearProvenance()

    background: Rectangle {
        color: Theme.surface
        border.color: Theme.border
        radius: Theme.radius
    }

    contentItem: ColumnLayout {
        spacing: Theme.spacing / 2

        RowLayout {
            Layout.fillWidth: true

            Label {
                objectName: "provenanceTitle"
                Layout.fillWidth: true
                text: root.provenance.title ?? ""
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.WordWrap
            }
            ToolButton {
                text: "✕"
                Accessible.name: qsTr("Close")
                onClicked: root.close()
            }
        }
        RowLayout {
            visible: root.chartData.provenanceLoading
            spacing: Theme.spacing / 2

            BusyIndicator {
                implicitWidth: 24
                implicitHeight: 24
                running: root.chartData.provenanceLoading
            }
            Label {
                text: qsTr("Tracing the inputs…")
                color: Theme.mutedText
                font.pixelSize: Theme.fontNormal
            }
        }
        Label {
            Layout.fillWidth: true
            visible: (root.provenance.error ?? "") !== ""
            text: root.provenance.error ?? ""
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontNormal
        }
        Label {
            objectName: "provenanceValue"
            visible: text !== ""
            text: root.provenance.value !== undefined ? qsTr("%1 = %2").arg(root.provenance.output).arg(root.provenance.value) : ""
            font.pixelSize: Theme.fontNormal
        }
        Label {
            id: equationLabel

            objectName: "provenanceEquation"
            Layout.fillWidth: true
            visible: text !== ""
            text: root.provenance.equation !== undefined ? qsTr("Equation %1 (docs/MODEL.md)").arg(root.provenance.equation) : ""
            wrapMode: Text.WordWrap
            font.family: "monospace"
            font.pixelSize: Theme.fontNormal
        }
        Label {
            visible: (root.provenance.inputs ?? []).length > 0
            text: qsTr("Inputs that move it, largest first (value now; input range → output range):")
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
        }
        ListView {
            objectName: "provenanceInputs"
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 120
            clip: true
            model: root.provenance.inputs ?? []
            spacing: 6
            ScrollBar.vertical: ScrollBar {}

            delegate: ColumnLayout {
                id: input

                required property var modelData

                width: ListView.view.width - 12
                spacing: 0

                Label {
                    Layout.fillWidth: true
                    text: qsTr("<b>%1</b> = %2   <i>%3</i>").arg(input.modelData.label || input.modelData.id).arg(input.modelData.value).arg(input.modelData.range)
                    textFormat: Text.StyledText
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontNormal
                }
                Label {
                    Layout.fillWidth: true
                    text: qsTr("%1 — from %2").arg(input.modelData.id).arg(input.modelData.source)
                    wrapMode: Text.WordWrap
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontSmall
                }
            }
        }
    }
}
