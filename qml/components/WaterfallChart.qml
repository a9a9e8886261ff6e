pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

// A waterfall: a starting value, one step per contribution (rises and falls), and the value they add up to.
ColumnLayout {
    id: root

    // [{id, label, contribution, from, to, text}] in display units (SensitivityController's wedges).
    required property var steps
    required property string startLabel
    required property real startValue
    required property string startText
    required property string endLabel
    required property real endValue
    required property string endText
    required property real minimum
    required property real maximum
    property string emptyText
    property int labelWidth: 200

    function xOf(value: real, width: real): real {
        return (value - minimum) / Math.max(1e-12, maximum - minimum) * width;
    }

    spacing: 2

    // A running total: a grey bar from the axis' start to the value.
    component TotalRow: RowLayout {
        id: totalRow

        required property string label
        required property string valueText
        required property int labelWidth
        required property real fraction

        spacing: Theme.spacing
        Label {
            Layout.preferredWidth: totalRow.labelWidth
            text: totalRow.label
            elide: Text.ElideRight
            font.pixelSize: Theme.fontSmall
            font.bold: true
        }
        Item {
            Layout.fillWidth: true
            Layout.preferredHeight: 20

            Rectangle {
                width: Math.max(1, totalRow.fraction * parent.width)
                height: parent.height - 6
                anchors.verticalCenter: parent.verticalCenter
                color: Theme.baselineMark
            }
        }
        Label {
            Layout.preferredWidth: 90
            horizontalAlignment: Text.AlignRight
            text: totalRow.valueText
            font.pixelSize: Theme.fontSmall
            font.bold: true
        }
    }

    TotalRow {
        label: root.startLabel
        valueText: root.startText
        labelWidth: root.labelWidth
        fraction: root.xOf(root.startValue, 1)
    }
    Repeater {
        model: root.steps

        RowLayout {
            id: stepRow

            required property var modelData

            objectName: "waterfallStep"
            spacing: Theme.spacing
            Label {
                Layout.preferredWidth: root.labelWidth
                text: stepRow.modelData.label
                elide: Text.ElideMiddle
                font.pixelSize: Theme.fontSmall
            }
            Item {
                id: stepTrack

                Layout.fillWidth: true
                Layout.preferredHeight: 20

                Rectangle {
                    readonly property real from: root.xOf(stepRow.modelData.from, stepTrack.width)
                    readonly property real to: root.xOf(stepRow.modelData.to, stepTrack.width)

                    x: Math.min(from, to)
                    width: Math.max(1, Math.abs(to - from))
                    height: parent.height - 6
                    anchors.verticalCenter: parent.verticalCenter
                    color: stepRow.modelData.contribution >= 0 ? Theme.rise : Theme.fall
                }
            }
            Label {
                Layout.preferredWidth: 90
                horizontalAlignment: Text.AlignRight
                text: stepRow.modelData.text
                font.pixelSize: Theme.fontSmall
            }
        }
    }
    Label {
        Layout.fillWidth: true
        visible: root.steps.length === 0 && root.emptyText.length > 0
        text: root.emptyText
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontSmall
        color: Theme.mutedText
    }
    TotalRow {
        label: root.endLabel
        valueText: root.endText
        labelWidth: root.labelWidth
        fraction: root.xOf(root.endValue, 1)
    }
}
