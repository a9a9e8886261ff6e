pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TechRace.Ui

// Everything about one knowledge-base row: its values, its sources with their quotes, and the conflicts it is part of.
ScrollView {
    id: root

    // KnowledgeController.detail(): empty when nothing is selected.
    required property var detail
    readonly property bool hasRow: detail.rowId !== undefined

    contentWidth: availableWidth
    clip: true

    ColumnLayout {
        width: root.availableWidth
        spacing: Theme.spacing

        Label {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing * 4
            visible: !root.hasRow
            text: qsTr("Select a row to see its source, the source’s reliability and the quote it rests on.")
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            color: Theme.mutedText
            font.pixelSize: Theme.fontLarge
        }

        Label {
            objectName: "detailTitle"
            Layout.fillWidth: true
            visible: root.hasRow
            text: root.detail.title ?? ""
            font.pixelSize: Theme.fontTitle
            font.bold: true
            wrapMode: Text.Wrap
        }
        RowLayout {
            visible: root.hasRow
            spacing: Theme.spacing / 2

            Label {
                text: qsTr("%1 · %2").arg(root.detail.tableTitle ?? "").arg(root.detail.rowId ?? "")
                color: Theme.mutedText
                font.pixelSize: Theme.fontNormal
            }
            Badge {
                objectName: "detailUserEdit"
                visible: root.detail.userEdit ?? false
                text: root.detail.shippedRow ? qsTr("Your edit") : qsTr("Added by you")
                tint: Theme.userEditMark
            }
            Badge {
                visible: (root.detail.conflicts ?? []).length > 0
                text: qsTr("Sources disagree")
                tint: Theme.conflictMark
            }
        }

        GridLayout {
            Layout.fillWidth: true
            // A conflict's own fields are what its box below shows.
            visible: root.hasRow && root.detail.table !== "conflicts"
            columns: 2
            columnSpacing: Theme.spacing
            rowSpacing: 4

            Repeater {
                model: root.detail.fields ?? []

                Label {
                    required property var modelData
                    required property int index

                    Layout.row: index
                    Layout.column: 0
                    Layout.alignment: Qt.AlignTop
                    text: modelData.column
                    color: Theme.mutedText
                    font.pixelSize: Theme.fontNormal
                }
            }
            Repeater {
                model: root.detail.fields ?? []

                Label {
                    required property var modelData
                    required property int index

                    Layout.row: index
                    Layout.column: 1
                    Layout.fillWidth: true
                    text: modelData.value
                    font.pixelSize: Theme.fontNormal
                    wrapMode: Text.Wrap
                }
            }
        }

        Label {
            visible: (root.detail.citations ?? []).length > 0
            Layout.topMargin: Theme.spacing
            text: (root.detail.citations ?? []).length > 1 ? qsTr("Sources") : qsTr("Source")
            font.pixelSize: Theme.fontLarge
            font.bold: true
        }
        Repeater {
            model: root.detail.citations ?? []

            CitationCard {
                required property var modelData

                Layout.fillWidth: true
                citation: modelData
            }
        }

        Repeater {
            model: root.detail.conflicts ?? []

            Rectangle {
                id: conflictBox

                required property var modelData

                objectName: "conflictBox"
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                implicitHeight: conflictColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Qt.rgba(Theme.conflictMark.r, Theme.conflictMark.g, Theme.conflictMark.b, 0.06)
                border.color: Theme.conflictMark

                ColumnLayout {
                    id: conflictColumn

                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: Theme.spacing / 2

                    Label {
                        Layout.fillWidth: true
                        text: qsTr("Sources disagree: %1").arg(conflictBox.modelData.topic)
                        color: Theme.conflictMark
                        font.pixelSize: Theme.fontLarge
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        text: conflictBox.modelData.description
                        font.pixelSize: Theme.fontNormal
                        wrapMode: Text.Wrap
                    }
                    Label {
                        Layout.fillWidth: true
                        visible: conflictBox.modelData.modelUses.length > 0
                        text: qsTr("<b>The model uses:</b> %1").arg(conflictBox.modelData.modelUses)
                        textFormat: Text.StyledText
                        font.pixelSize: Theme.fontNormal
                        wrapMode: Text.Wrap
                    }
                    // The competing versions side by side, never averaged.
                    GridLayout {
                        Layout.fillWidth: true
                        columns: Math.max(1, Math.min(conflictBox.modelData.versions.length, Math.floor(width / 260)))
                        columnSpacing: Theme.spacing
                        rowSpacing: Theme.spacing

                        Repeater {
                            model: conflictBox.modelData.versions

                            Rectangle {
                                id: versionBox

                                required property var modelData

                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                Layout.preferredWidth: 1
                                implicitHeight: versionColumn.implicitHeight + 2 * Theme.spacing
                                color: Theme.surface
                                radius: Theme.radius
                                border.color: versionBox.modelData.rowId === root.detail.rowId ? Theme.accent : Theme.border
                                border.width: versionBox.modelData.rowId === root.detail.rowId ? 2 : 1

                                ColumnLayout {
                                    id: versionColumn

                                    anchors.fill: parent
                                    anchors.margins: Theme.spacing
                                    spacing: 4

                                    Label {
                                        Layout.fillWidth: true
                                        text: versionBox.modelData.title
                                        font.pixelSize: Theme.fontNormal
                                        font.bold: true
                                        wrapMode: Text.Wrap
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        text: versionBox.modelData.fields.slice(0, 5).map(f => f.column + ": " + f.value).join("\n")
                                        color: Theme.mutedText
                                        font.pixelSize: Theme.fontSmall
                                        wrapMode: Text.Wrap
                                        maximumLineCount: 8
                                        elide: Text.ElideRight
                                    }
                                    Label {
                                        Layout.fillWidth: true
                                        visible: versionBox.modelData.citation.quote !== undefined
                                        text: qsTr("“%1”").arg(versionBox.modelData.citation.quote ?? "")
                                        font.pixelSize: Theme.fontNormal
                                        font.italic: true
                                        wrapMode: Text.Wrap
                                    }
                                    RowLayout {
                                        Layout.fillWidth: true
                                        visible: versionBox.modelData.citation.reliability !== undefined

                                        Badge {
                                            text: versionBox.modelData.citation.reliability ?? ""
                                            tint: Theme.reliabilityColor(versionBox.modelData.citation.reliability ?? "")
                                        }
                                        Label {
                                            Layout.fillWidth: true
                                            text: versionBox.modelData.citation.sourceTitle ?? ""
                                            color: Theme.mutedText
                                            font.pixelSize: Theme.fontSmall
                                            elide: Text.ElideRight
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        Item {
            Layout.fillHeight: true
        }
    }
}
