pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

// A policy lever: label, value in its unit, a mark at the baseline, reset, numeric entry, and an info popup
// with what the lever means and the knowledge-base rows it comes from. Arrow keys move it by one step.
ColumnLayout {
    id: root

    required property string label
    required property real from
    required property real to
    required property real baselineValue
    required property real value
    property string sourceText
    // The lever's unit as the model states it: "fraction" is shown and typed as a percentage.
    property string unit: "fraction"
    property real stepSize: 0.05
    property string valueText: root.unit === "fraction" ? qsTr("%1%").arg(Math.round(root.value * 100)) : root.value.toString()
    property string baselineText: root.unit === "fraction" ? qsTr("%1%").arg(Math.round(root.baselineValue * 100)) : root.baselineValue.toString()
    property string description
    property var sources: []
    readonly property bool changed: Math.abs(root.value - root.baselineValue) > 1e-9

    // Every move (drag, key, typed value, reset); `released` ends a drag so it becomes one undo step.
    signal moved(real newValue)
    signal released

    // Typed text to a lever value: percentages for fractions, plain numbers otherwise. NaN when unreadable.
    function parseEntry(text: string): real {
        const number = Number.fromLocaleString(Qt.locale(), text.replace("%", "").replace("×", "").trim());
        if (isNaN(number))
            return NaN;
        return root.unit === "fraction" ? number / 100 : number;
    }

    spacing: 2

    RowLayout {
        Layout.fillWidth: true
        spacing: 4

        Label {
            Layout.fillWidth: true
            text: root.label
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontNormal
        }
        TextField {
            id: entry

            objectName: "leverEntry"
            Layout.preferredWidth: 76
            horizontalAlignment: Text.AlignRight
            text: root.valueText
            font.pixelSize: Theme.fontNormal
            font.bold: root.changed
            color: root.changed ? Theme.accent : Theme.text
            selectByMouse: true
            Accessible.name: qsTr("%1 value").arg(root.label)
            onAccepted: {
                const entered = root.parseEntry(text);
                if (!isNaN(entered))
                    root.moved(Math.min(root.to, Math.max(root.from, entered)));
                text = Qt.binding(() => root.valueText);
            }
            onActiveFocusChanged: {
                if (!activeFocus)
                    text = Qt.binding(() => root.valueText);
            }
        }
        ToolButton {
            objectName: "leverInfo"
            visible: root.description.length > 0 || root.sources.length > 0
            text: "i"
            font.pixelSize: Theme.fontLarge
            font.bold: true
            font.italic: true
            Accessible.name: qsTr("About %1").arg(root.label)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("What this lever means and where it comes from")
            onClicked: info.open()
        }
        ToolButton {
            objectName: "leverReset"
            text: "↺"
            font.pixelSize: Theme.fontLarge
            enabled: root.changed
            Accessible.name: qsTr("Reset %1 to its baseline").arg(root.label)
            ToolTip.visible: hovered
            ToolTip.text: qsTr("Back to the baseline (%1)").arg(root.baselineText)
            onClicked: {
                root.moved(root.baselineValue);
                root.released();
            }
        }
    }

    Slider {
        id: slider

        objectName: "leverSlider"
        Layout.fillWidth: true
        from: root.from
        to: root.to
        stepSize: root.stepSize
        snapMode: Slider.SnapAlways
        value: root.value
        Accessible.name: root.label
        onMoved: root.moved(value)
        onPressedChanged: {
            if (!pressed)
                root.released();
        }
        Keys.onReleased: event => {
            event.accepted = false; // the slider still handles the key
            if (!event.isAutoRepeat)
                root.released();
        }

        // Baseline mark under the groove.
        Rectangle {
            objectName: "baselineMark"
            x: slider.leftPadding + (root.baselineValue - slider.from) / (slider.to - slider.from) * slider.availableWidth - width / 2
            y: slider.topPadding + slider.availableHeight / 2 + 6
            width: 3
            height: 10
            color: Theme.baselineMark
        }
    }

    Label {
        Layout.fillWidth: true
        text: qsTr("Baseline %1").arg(root.baselineText)
        color: Theme.mutedText
        font.pixelSize: Theme.fontSmall
    }

    Label {
        Layout.fillWidth: true
        visible: root.sourceText.length > 0
        text: root.sourceText
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        font.pixelSize: Theme.fontSmall
        font.italic: true
    }

    Popup {
        id: info

        objectName: "leverInfoPopup"
        parent: Overlay.overlay
        x: parent ? (parent.width - width) / 2 : 0
        y: parent ? (parent.height - height) / 3 : 0
        width: Math.min(560, parent ? parent.width - 40 : 560)
        modal: true
        focus: true
        padding: Theme.spacing * 1.5

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing

            Label {
                Layout.fillWidth: true
                text: root.label
                font.pixelSize: Theme.fontLarge
                font.bold: true
                wrapMode: Text.WordWrap
            }
            Label {
                Layout.fillWidth: true
                text: root.description
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.fontNormal
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("Range %1 to %2; baseline %3.").arg(root.from).arg(root.to).arg(root.baselineText)
                color: Theme.mutedText
                font.pixelSize: Theme.fontSmall
            }
            Label {
                visible: root.sources.length > 0
                text: qsTr("Knowledge-base sources")
                font.bold: true
                font.pixelSize: Theme.fontNormal
            }
            Repeater {
                model: root.sources

                Label {
                    required property string modelData

                    Layout.fillWidth: true
                    text: modelData
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.fontSmall
                }
            }
            Button {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Close")
                onClicked: info.close()
            }
        }
    }
}
