pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

// One bar of a tornado: the output with one input at its low and at its high end, drawn from the scenario's value.
// The input's name and range stand on the left; clicking the row selects it.
ItemDelegate {
    id: root

    required property int index
    required property var modelData
    // The axis, in the output's display units, and the scenario's value the bars start from.
    required property real minimum
    required property real maximum
    required property real centre
    required property int labelWidth
    property bool selected: false

    readonly property string label: modelData.label
    readonly property string rangeText: modelData.rangeText

    // The bars' track: the row's width after the label column (no id inside the deferred contentItem).
    readonly property real trackWidth: availableWidth - labelWidth - Theme.spacing

    function xOf(value: real): real {
        return (value - minimum) / Math.max(1e-12, maximum - minimum) * trackWidth;
    }

    objectName: "tornadoBar"
    padding: 2
    highlighted: selected
    Accessible.name: qsTr("%1 from %2: output %3 to %4").arg(label).arg(rangeText).arg(modelData.lowOutputText).arg(modelData.highOutputText)

    contentItem: RowLayout {
        spacing: Theme.spacing

        ColumnLayout {
            Layout.preferredWidth: root.labelWidth
            Layout.maximumWidth: root.labelWidth
            spacing: 0

            Label {
                objectName: "tornadoLabel"
                Layout.fillWidth: true
                text: root.label
                elide: Text.ElideMiddle
                font.pixelSize: Theme.fontSmall
                font.bold: root.selected
            }
            Label {
                Layout.fillWidth: true
                text: root.rangeText
                elide: Text.ElideRight
                font.pixelSize: Theme.fontSmall - 1
                color: Theme.mutedText
            }
        }

        Item {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.minimumHeight: 28

            Rectangle {
                readonly property real from: root.xOf(root.centre)
                readonly property real to: root.xOf(root.modelData.outputAtLow)

                x: Math.min(from, to)
                width: Math.max(1, Math.abs(to - from))
                anchors.verticalCenter: parent.verticalCenter
                height: 16
                color: Theme.lowInput
            }
            Rectangle {
                readonly property real from: root.xOf(root.centre)
                readonly property real to: root.xOf(root.modelData.outputAtHigh)

                x: Math.min(from, to)
                width: Math.max(1, Math.abs(to - from))
                anchors.verticalCenter: parent.verticalCenter
                height: 16
                color: Theme.highInput
            }
            Label {
                readonly property bool lowIsLeft: root.modelData.outputAtLow <= root.modelData.outputAtHigh

                text: lowIsLeft ? root.modelData.lowOutputText : root.modelData.highOutputText
                anchors.verticalCenter: parent.verticalCenter
                x: Math.max(0, root.xOf(Math.min(root.modelData.outputAtLow, root.modelData.outputAtHigh)) - width - 4)
                font.pixelSize: Theme.fontSmall - 1
                color: Theme.mutedText
            }
            Label {
                readonly property bool lowIsLeft: root.modelData.outputAtLow <= root.modelData.outputAtHigh

                text: lowIsLeft ? root.modelData.highOutputText : root.modelData.lowOutputText
                anchors.verticalCenter: parent.verticalCenter
                x: Math.min(root.trackWidth - width, root.xOf(Math.max(root.modelData.outputAtLow, root.modelData.outputAtHigh)) + 4)
                font.pixelSize: Theme.fontSmall - 1
                color: Theme.mutedText
            }
        }
    }
}
