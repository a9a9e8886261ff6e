pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// Play/pause and a year slider on the shared YearCursor: moving it here moves every page's year.
RowLayout {
    id: root

    spacing: Theme.spacing

    Button {
        objectName: "playButton"
        text: YearCursor.playing ? qsTr("Pause") : qsTr("Play")
        Accessible.name: YearCursor.playing ? qsTr("Pause the timeline") : qsTr("Play the timeline")
        onClicked: YearCursor.playing = !YearCursor.playing
    }
    Slider {
        objectName: "yearSlider"
        Layout.fillWidth: true
        from: YearCursor.firstYear
        to: YearCursor.lastYear
        stepSize: 1
        snapMode: Slider.SnapAlways
        value: YearCursor.year
        Accessible.name: qsTr("Year")
        onMoved: YearCursor.year = Math.round(value)
    }
    Label {
        text: YearCursor.year
        font.pixelSize: Theme.fontLarge
        font.bold: true
        Layout.preferredWidth: 56
    }
}
