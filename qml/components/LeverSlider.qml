pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

// A policy lever: label, value as a percentage, a mark at the baseline, reset, and where the lever comes from.
ColumnLayout {
    id: root

    required property string label
    required property real from
    required property real to
    required property real baselineValue
    required property real value
    property string sourceText

    signal moved(real newValue)

    spacing: 4

    RowLayout {
        Layout.fillWidth: true

        Label {
            Layout.fillWidth: true
            text: root.label
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontNormal
        }
        Label {
            text: qsTr("%1%").arg(Math.round(root.value * 100))
            font.pixelSize: Theme.fontLarge
            font.bold: true
            color: Math.abs(root.value - root.baselineValue) > 1e-6 ? Theme.accent : Theme.text
        }
    }

    Slider {
        id: slider

        objectName: "leverSlider"
        Layout.fillWidth: true
        from: root.from
        to: root.to
        stepSize: 0.05
        value: root.value
        Accessible.name: root.label
        onMoved: root.moved(value)

        // Baseline mark under the groove.
        Rectangle {
            x: slider.leftPadding + (root.baselineValue - slider.from) / (slider.to - slider.from) * slider.availableWidth - width / 2
            y: slider.topPadding + slider.availableHeight / 2 + 8
            width: 2
            height: 8
            color: Theme.baselineMark
        }
    }

    RowLayout {
        Layout.fillWidth: true

        Label {
            Layout.fillWidth: true
            text: qsTr("Baseline %1%").arg(Math.round(root.baselineValue * 100))
            color: Theme.mutedText
            font.pixelSize: Theme.fontSmall
        }
        Button {
            objectName: "leverReset"
            text: qsTr("Reset")
            enabled: Math.abs(root.value - root.baselineValue) > 1e-6
            onClicked: root.moved(root.baselineValue)
        }
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
}
