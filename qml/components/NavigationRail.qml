pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import TechRace.Ui

// The list of pages on the left; arrow keys or Ctrl+1…9 switch pages.
ListView {
    id: root

    required property var titles

    model: titles
    spacing: 2
    keyNavigationEnabled: true
    focus: true
    currentIndex: 0
    Accessible.role: Accessible.PageTabList
    Accessible.name: qsTr("Pages")

    delegate: ItemDelegate {
        required property string modelData
        required property int index

        width: ListView.view.width
        text: modelData
        font.pixelSize: Theme.fontNormal
        highlighted: ListView.isCurrentItem
        Accessible.role: Accessible.PageTab
        onClicked: root.currentIndex = index
    }

    Repeater {
        model: Math.min(root.count, 9)

        Item {
            required property int index

            Shortcut {
                sequence: "Ctrl+" + (parent.index + 1)
                onActivated: root.currentIndex = parent.index
            }
        }
    }
}
