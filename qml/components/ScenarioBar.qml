pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// The scenario's name and modified marker, presets, files, undo/redo; errors and crash recovery as dialogs.
RowLayout {
    id: root

    spacing: 2

    Label {
        objectName: "scenarioTitle"
        Layout.maximumWidth: 320
        text: (ScenarioController.modified ? "● " : "") + ScenarioController.displayName
        elide: Text.ElideMiddle
        font.pixelSize: Theme.fontLarge
        font.bold: true
        color: ScenarioController.modified ? Theme.accent : Theme.text
        Accessible.name: ScenarioController.modified ? qsTr("%1, modified").arg(ScenarioController.displayName) : ScenarioController.displayName
    }
    ToolButton {
        objectName: "presetsButton"
        text: qsTr("Presets ▾")
        font.pixelSize: Theme.fontNormal
        onClicked: presetMenu.open()

        Menu {
            id: presetMenu

            y: parent.height

            Repeater {
                model: ScenarioController.presets

                MenuItem {
                    required property var modelData

                    text: modelData.name
                    onTriggered: ScenarioController.loadPreset(modelData.id)
                }
            }
        }
    }
    ToolButton {
        objectName: "compareButton"
        text: ScenarioController.comparing ? qsTr("Comparing ▾") : qsTr("Compare ▾")
        font.pixelSize: Theme.fontNormal
        highlighted: ScenarioController.comparing
        onClicked: compareMenu.open()

        Menu {
            id: compareMenu

            y: parent.height

            MenuItem {
                text: qsTr("Stop comparing")
                enabled: ScenarioController.comparing
                onTriggered: ScenarioController.stopComparing()
            }
            MenuItem {
                text: qsTr("With a file…")
                onTriggered: compareDialog.open()
            }
            MenuSeparator {}
            Repeater {
                model: ScenarioController.presets

                MenuItem {
                    required property var modelData

                    text: qsTr("With %1").arg(modelData.name)
                    onTriggered: ScenarioController.compareWithPreset(modelData.id)
                }
            }
        }
    }
    ToolButton {
        text: qsTr("File ▾")
        font.pixelSize: Theme.fontNormal
        onClicked: fileMenu.open()

        Menu {
            id: fileMenu

            y: parent.height

            Action {
                text: qsTr("&New")
                shortcut: StandardKey.New
                onTriggered: ScenarioController.newScenario()
            }
            Action {
                text: qsTr("&Open…")
                shortcut: StandardKey.Open
                onTriggered: openDialog.open()
            }
            Action {
                text: qsTr("&Save")
                shortcut: StandardKey.Save
                onTriggered: root.save()
            }
            Action {
                text: qsTr("Save &as…")
                shortcut: "Ctrl+Shift+S"
                onTriggered: saveDialog.open()
            }
            Action {
                text: qsTr("Export &report…")
                enabled: !reportExport.exporter.running
                onTriggered: reportExport.open()
            }
            Menu {
                title: qsTr("Recent files")
                enabled: ScenarioController.recentFiles.length > 0

                Repeater {
                    model: ScenarioController.recentFiles

                    MenuItem {
                        required property string modelData

                        text: modelData
                        onTriggered: ScenarioController.open("file://" + modelData)
                    }
                }
            }
        }
    }
    ToolButton {
        objectName: "undoButton"
        text: qsTr("↶ Undo")
        font.pixelSize: Theme.fontNormal
        enabled: ScenarioController.canUndo
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Undo %1 (Ctrl+Z)").arg(ScenarioController.undoText)
        onClicked: ScenarioController.undo()
    }
    ToolButton {
        objectName: "redoButton"
        text: qsTr("↷ Redo")
        font.pixelSize: Theme.fontNormal
        enabled: ScenarioController.canRedo
        ToolTip.visible: hovered
        ToolTip.text: qsTr("Redo %1 (Ctrl+Shift+Z)").arg(ScenarioController.redoText)
        onClicked: ScenarioController.redo()
    }
    ToolButton {
        text: qsTr("Reset all")
        font.pixelSize: Theme.fontNormal
        enabled: ScenarioController.changedLeverCount > 0
        onClicked: ScenarioController.resetAll()
    }

    // Set once the user chose to close without saving, so the second close goes through.
    property bool closeConfirmed: false

    function save() {
        if (ScenarioController.hasFile)
            ScenarioController.save();
        else
            saveDialog.open();
    }

    // Closing with unsaved changes asks first: nothing the user made is lost silently.
    Connections {
        target: root.Window.window
        function onClosing(close) {
            if (ScenarioController.modified && !root.closeConfirmed) {
                close.accepted = false;
                closeDialog.open();
            }
        }
    }
    Dialog {
        id: closeDialog

        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        title: qsTr("Save the changes to %1?").arg(ScenarioController.displayName)
        standardButtons: Dialog.Save | Dialog.Discard | Dialog.Cancel
        onAccepted: {
            if (ScenarioController.hasFile && ScenarioController.save())
                root.Window.window.close();
            else if (!ScenarioController.hasFile)
                saveDialog.open();
        }
        onDiscarded: {
            root.closeConfirmed = true;
            close();
            root.Window.window.close();
        }

        Label {
            text: qsTr("Your lever changes are not saved yet.")
            font.pixelSize: Theme.fontNormal
        }
    }

    Shortcut {
        sequences: ["Ctrl+Z"]
        onActivated: ScenarioController.undo()
    }
    Shortcut {
        sequences: ["Ctrl+Shift+Z", "Ctrl+Y"]
        onActivated: ScenarioController.redo()
    }

    ReportExportDialog {
        id: reportExport
    }
    FileDialog {
        id: openDialog

        title: qsTr("Open a scenario")
        nameFilters: [qsTr("TechRace scenarios (*.techrace.json *.json)")]
        onAccepted: ScenarioController.open(selectedFile)
    }
    FileDialog {
        id: compareDialog

        title: qsTr("Compare with a scenario")
        nameFilters: [qsTr("TechRace scenarios (*.techrace.json *.json)")]
        onAccepted: ScenarioController.compareWithFile(selectedFile)
    }
    FileDialog {
        id: saveDialog

        title: qsTr("Save the scenario as")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "techrace.json"
        nameFilters: [qsTr("TechRace scenarios (*.techrace.json)")]
        onAccepted: ScenarioController.saveAs(selectedFile)
    }

    Dialog {
        id: errorDialog

        objectName: "errorDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(560, parent ? parent.width - 40 : 560)
        modal: true
        title: qsTr("Something went wrong")
        standardButtons: Dialog.Ok

        Label {
            width: parent.width
            text: ScenarioController.lastError
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontNormal
        }
    }
    Connections {
        target: ScenarioController
        function onErrorOccurred() {
            errorDialog.open();
        }
    }

    Dialog {
        id: restoreDialog

        objectName: "restoreDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        modal: true
        visible: ScenarioController.restoreAvailable
        title: qsTr("Restore your last scenario?")
        standardButtons: Dialog.Yes | Dialog.Discard
        onAccepted: ScenarioController.restoreAutosave()
        onDiscarded: {
            ScenarioController.discardAutosave();
            close();
        }

        Label {
            text: qsTr("TechRace did not close properly last time. Your unsaved scenario was autosaved.")
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontNormal
        }
    }
}
