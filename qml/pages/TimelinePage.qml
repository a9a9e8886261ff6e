pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// Events, policies (effective → expiry), programme funding periods and targets on one time axis, one row each.
// The shared year cursor is drawn across the rows; click a row for its knowledge-base detail and source quote.
Item {
    id: root

    readonly property real labelWidth: 300
    property alias model: timeline
    property var selected: ({})

    readonly property var kindColors: ({
            "Event": "#0072b2",
            "Policy": "#8e0152",
            "Programme": "#009e73",
            "Target": "#e69f00"
        })

    function select(row: int) {
        list.currentIndex = row;
        selected = row >= 0 ? timeline.get(row) : {};
    }

    TimelineModel {
        id: timeline

        onFilterChanged: root.select(-1)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Label {
                text: qsTr("Region")
            }
            ComboBox {
                id: regionBox

                objectName: "regionFilter"
                Layout.preferredWidth: 200
                model: [{
                        "id": "",
                        "name": qsTr("All regions")
                    }].concat(MapController.regions)
                textRole: "name"
                valueRole: "id"
                Accessible.name: qsTr("Show items of region")
                onActivated: timeline.regionFilter = currentValue
            }
            Label {
                text: qsTr("Kind")
            }
            ComboBox {
                id: kindBox

                objectName: "kindFilter"
                Layout.preferredWidth: 160
                model: [qsTr("All kinds")].concat(timeline.kinds)
                Accessible.name: qsTr("Show items of kind")
                onActivated: index => timeline.kindFilter = index === 0 ? "" : timeline.kinds[index - 1]
            }
            Label {
                Layout.fillWidth: true
                text: qsTr("%n item(s)", "", timeline.count)
                color: Theme.mutedText
            }
            Repeater {
                model: timeline.kinds

                RowLayout {
                    required property string modelData

                    spacing: 4
                    Rectangle {
                        width: 12
                        height: 12
                        radius: 2
                        color: root.kindColors[parent.modelData]
                    }
                    Label {
                        text: parent.modelData
                        font.pixelSize: Theme.fontSmall
                    }
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Rectangle {
                id: chart

                readonly property real trackWidth: width - root.labelWidth - 16
                readonly property real yearWidth: trackWidth / Math.max(1, timeline.lastYear - timeline.firstYear)

                function xOf(t: real): real {
                    return root.labelWidth + (t - timeline.firstYear) * yearWidth;
                }

                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                border.color: Theme.border
                radius: Theme.radius
                clip: true

                // Year axis.
                Item {
                    id: axis

                    width: parent.width
                    height: 28

                    Repeater {
                        model: timeline.lastYear - timeline.firstYear + 1

                        Item {
                            required property int index
                            readonly property int year: timeline.firstYear + index

                            x: chart.xOf(year)
                            height: chart.height

                            Rectangle {
                                width: 1
                                height: parent.height
                                color: "#ecece8"
                            }
                            Label {
                                x: 3
                                y: 6
                                visible: chart.yearWidth > 34 || parent.year % 5 === 0
                                text: parent.year
                                font.pixelSize: Theme.fontSmall
                                color: Theme.mutedText
                            }
                        }
                    }
                    MouseArea {
                        x: root.labelWidth
                        width: chart.trackWidth
                        height: parent.height
                        onClicked: mouse => YearCursor.year = Math.floor(timeline.firstYear + mouse.x / chart.yearWidth)
                    }
                }

                // The shared year cursor: a band over the chosen year.
                Rectangle {
                    objectName: "yearCursorBand"
                    x: chart.xOf(YearCursor.year)
                    width: chart.yearWidth
                    y: axis.height
                    height: parent.height - axis.height
                    color: "#201f6feb"
                    border.color: "#601f6feb"
                    z: 1
                }

                ListView {
                    id: list

                    objectName: "timelineList"
                    anchors.fill: parent
                    anchors.topMargin: axis.height
                    model: timeline
                    clip: true
                    currentIndex: -1
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar {}

                    delegate: Item {
                        id: row

                        required property int index
                        required property string title
                        required property string kind
                        required property string region
                        required property string targetRegion
                        required property real start
                        required property real end

                        width: ListView.view.width
                        height: 24

                        Rectangle {
                            anchors.fill: parent
                            color: row.ListView.isCurrentItem ? "#e3ecfb" : (row.index % 2 ? "#fafaf8" : "transparent")
                        }
                        Label {
                            x: 8
                            width: root.labelWidth - 16
                            anchors.verticalCenter: parent.verticalCenter
                            text: (row.targetRegion !== "" ? row.region + "→" + row.targetRegion : row.region) + "  " + row.title
                            elide: Text.ElideRight
                            font.pixelSize: Theme.fontSmall
                        }
                        // A bar from start to end, or a diamond at a date.
                        Rectangle {
                            visible: row.end >= 0
                            x: chart.xOf(row.start)
                            width: Math.max(3, chart.xOf(row.end) - x)
                            height: 12
                            anchors.verticalCenter: parent.verticalCenter
                            radius: 3
                            color: root.kindColors[row.kind]
                        }
                        Rectangle {
                            visible: row.end < 0
                            x: chart.xOf(row.start) - 6
                            width: 11
                            height: 11
                            anchors.verticalCenter: parent.verticalCenter
                            rotation: 45
                            color: root.kindColors[row.kind]
                        }
                        MouseArea {
                            anchors.fill: parent
                            onClicked: root.select(row.index)
                        }
                    }
                }
            }

            Pane {
                objectName: "timelineDetail"
                Layout.preferredWidth: 340
                Layout.fillHeight: true
                visible: root.selected.itemId !== undefined
                padding: Theme.spacing
                background: Rectangle {
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius
                }

                ColumnLayout {
                    anchors.fill: parent
                    spacing: Theme.spacing / 2

                    Label {
                        objectName: "timelineDetailTitle"
                        Layout.fillWidth: true
                        text: root.selected.title ?? ""
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("%1 · %2 · %3").arg(root.selected.kind ?? "").arg((root.selected.subKind ?? "").replace(/_/g, " ")).arg(root.selected.period ?? "")
                        color: Theme.mutedText
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: (root.selected.status ?? "") !== ""
                        text: qsTr("Status: %1").arg((root.selected.status ?? "").replace(/_/g, " "))
                    }
                    Label {
                        Layout.fillWidth: true
                        text: root.selected.detail ?? ""
                        wrapMode: Text.Wrap
                    }
                    Label {
                        objectName: "timelineDetailQuote"
                        Layout.fillWidth: true
                        topPadding: Theme.spacing / 2
                        text: "“" + (root.selected.quote ?? "") + "”"
                        font.italic: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Source: %1 [%2, row %3]").arg(root.selected.sourceTitle ?? "").arg(root.selected.table ?? "").arg(root.selected.itemId ?? "")
                        color: Theme.mutedText
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    Item {
                        Layout.fillHeight: true
                    }
                }
            }
        }

        YearBar {
            Layout.fillWidth: true
        }
    }
}
