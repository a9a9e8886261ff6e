pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// The knowledge base as people check it: browse a table or search everything, and read any row with its source,
// that source's reliability, the verbatim quote, and the other versions when sources disagree.
Item {
    id: root

    property string selectedTable
    property string selectedRowId
    readonly property bool searching: KnowledgeController.query.length > 0
    // Below this width the table list gives way to a drop-down, so the detail keeps room to be read.
    readonly property bool narrow: width < 1000
    readonly property var detail: selectedRowId.length > 0 ? KnowledgeController.detail(selectedTable, selectedRowId) : ({})

    function select(table: string, rowId: string) {
        selectedTable = table;
        selectedRowId = rowId;
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            TextField {
                id: searchField

                objectName: "knowledgeSearch"
                Layout.fillWidth: true
                placeholderText: qsTr("Search companies, fabs, funds, policies, notes and quotes…")
                font.pixelSize: Theme.fontLarge
                selectByMouse: true
                Accessible.name: qsTr("Search the knowledge base")
                onTextChanged: KnowledgeController.query = text
            }
            Button {
                visible: searchField.text.length > 0
                text: qsTr("Clear")
                font.pixelSize: Theme.fontNormal
                onClicked: searchField.clear()
            }
        }

        Rectangle {
            Layout.fillWidth: true
            visible: KnowledgeController.userDatabaseNotice.length > 0
            implicitHeight: noticeLabel.implicitHeight + Theme.spacing
            radius: Theme.radius
            color: Qt.rgba(Theme.conflictMark.r, Theme.conflictMark.g, Theme.conflictMark.b, 0.1)
            border.color: Theme.conflictMark

            Label {
                id: noticeLabel

                objectName: "userDatabaseNotice"
                anchors.fill: parent
                anchors.margins: Theme.spacing / 2
                text: KnowledgeController.userDatabaseNotice
                wrapMode: Text.Wrap
                font.pixelSize: Theme.fontNormal
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            Pane {
                Layout.preferredWidth: 200
                Layout.fillHeight: true
                padding: 4
                visible: !root.narrow
                background: Rectangle {
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius
                }

                ListView {
                    id: tableList

                    objectName: "knowledgeTables"
                    anchors.fill: parent
                    clip: true
                    model: KnowledgeController.tables
                    Accessible.role: Accessible.List
                    Accessible.name: qsTr("Tables")

                    delegate: ItemDelegate {
                        id: tableDelegate

                        required property var modelData

                        width: ListView.view.width
                        highlighted: !root.searching && KnowledgeController.currentTable === modelData.name
                        font.pixelSize: Theme.fontNormal
                        onClicked: {
                            searchField.clear();
                            KnowledgeController.currentTable = modelData.name;
                        }
                        contentItem: RowLayout {
                            Label {
                                Layout.fillWidth: true
                                text: tableDelegate.modelData.title
                                font: tableDelegate.font
                                elide: Text.ElideRight
                            }
                            Label {
                                text: tableDelegate.modelData.count
                                color: Theme.mutedText
                                font.pixelSize: Theme.fontSmall
                            }
                        }
                    }
                }
            }

            Pane {
                Layout.preferredWidth: root.narrow ? root.width * 0.4 : Math.max(320, root.width * 0.3)
                Layout.fillHeight: true
                padding: 4
                background: Rectangle {
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius
                }

                ColumnLayout {
                    anchors.fill: parent
                    spacing: 4

                    ComboBox {
                        objectName: "tableChooser"
                        Layout.fillWidth: true
                        visible: root.narrow && !root.searching
                        model: KnowledgeController.tables
                        textRole: "title"
                        valueRole: "name"
                        font.pixelSize: Theme.fontLarge
                        Accessible.name: qsTr("Table")
                        Component.onCompleted: currentIndex = indexOfValue(KnowledgeController.currentTable)
                        onActivated: KnowledgeController.currentTable = currentValue
                    }
                    Label {
                        objectName: "rowsHeading"
                        visible: !root.narrow || root.searching
                        Layout.fillWidth: true
                        Layout.margins: 8
                        text: root.searching ? qsTr("%n row(s) match “%1”", "", rowList.count).arg(KnowledgeController.query) : KnowledgeController.currentTableTitle
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    ListView {
                        id: rowList

                        objectName: "knowledgeRows"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: root.searching ? KnowledgeController.results : KnowledgeController.rows
                        keyNavigationEnabled: true
                        Accessible.role: Accessible.List
                        Accessible.name: qsTr("Rows")
                        ScrollBar.vertical: ScrollBar {}
                        // The first row is shown at once (and the detail follows the keyboard), so the panel is never
                        // blank on a projector.
                        onCurrentItemChanged: {
                            const item = currentItem;
                            if (item)
                                root.select(item.table, item.rowId);
                        }

                        delegate: ItemDelegate {
                            id: rowDelegate

                            required property string table
                            required property string rowId
                            required property string title
                            required property string summary
                            required property bool userEdit
                            required property bool inConflict
                            required property int index

                            width: ListView.view.width
                            highlighted: root.selectedTable === table && root.selectedRowId === rowId
                            Accessible.name: title
                            onClicked: {
                                rowList.currentIndex = index;
                                root.select(table, rowId);
                            }
                            contentItem: ColumnLayout {
                                spacing: 2

                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: 6

                                    Label {
                                        Layout.fillWidth: true
                                        text: rowDelegate.title
                                        color: rowDelegate.highlighted ? rowDelegate.palette.highlightedText : Theme.text
                                        font.pixelSize: Theme.fontLarge
                                        wrapMode: Text.Wrap
                                        maximumLineCount: 2
                                        elide: Text.ElideRight
                                    }
                                    Badge {
                                        visible: rowDelegate.userEdit
                                        text: qsTr("Your edit")
                                        tint: Theme.userEditMark
                                    }
                                    Badge {
                                        visible: rowDelegate.inConflict
                                        text: qsTr("Conflict")
                                        tint: Theme.conflictMark
                                    }
                                }
                                Label {
                                    Layout.fillWidth: true
                                    text: (root.searching ? rowDelegate.table.replace(/_/g, " ") + " · " : "") + rowDelegate.summary
                                    textFormat: root.searching ? Text.StyledText : Text.PlainText
                                    color: rowDelegate.highlighted ? rowDelegate.palette.highlightedText : Theme.mutedText
                                    font.pixelSize: Theme.fontNormal
                                    wrapMode: Text.Wrap
                                    maximumLineCount: 2
                                    elide: Text.ElideRight
                                }
                            }
                        }
                    }
                }
            }

            Pane {
                Layout.fillWidth: true
                Layout.fillHeight: true
                padding: Theme.spacing
                background: Rectangle {
                    color: Theme.surface
                    border.color: Theme.border
                    radius: Theme.radius
                }

                KnowledgeDetail {
                    objectName: "knowledgeDetail"
                    anchors.fill: parent
                    detail: root.detail
                }
            }
        }
    }
}
