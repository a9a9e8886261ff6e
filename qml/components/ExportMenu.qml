pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import TechRace
import TechRace.Ui

// The Export button of a chart or the map: PNG (1x, 2x), SVG, PDF, the data as CSV with its metadata (charts), or a
// copy on the clipboard. The files are the ones `techrace export` writes for the same picture; failures are shown.
Button {
    id: root

    required property PictureExporter exporter
    readonly property alias menu: menu
    readonly property alias errorDialog: errorDialog
    property string lastMessage: ""

    text: qsTr("Export…")
    font.pixelSize: Theme.fontNormal
    Accessible.name: qsTr("Export")
    onClicked: menu.open()

    function ask(format: string, scale: real) {
        fileDialog.format = format;
        fileDialog.scale = scale;
        fileDialog.defaultSuffix = format;
        fileDialog.nameFilters = [format === "csv" ? qsTr("CSV data (*.csv)") : qsTr("%1 files (*.%2)").arg(format.toUpperCase()).arg(format)];
        fileDialog.selectedFile = fileDialog.currentFolder + "/" + root.exporter.suggestedFileName(format);
        fileDialog.open();
    }

    Connections {
        target: root.exporter

        function onExported(path: string) {
            root.lastMessage = path.length > 0 ? qsTr("Saved %1").arg(path) : qsTr("Copied the picture");
        }
        function onFailed(message: string) {
            root.lastMessage = message;
            errorDialog.open();
        }
    }

    Menu {
        id: menu

        objectName: "exportMenu"
        y: root.height

        MenuItem {
            text: qsTr("PNG image")
            onTriggered: root.ask("png", 1)
        }
        MenuItem {
            text: qsTr("PNG image, 2× for print")
            onTriggered: root.ask("png", 2)
        }
        MenuItem {
            text: qsTr("SVG (vector)")
            onTriggered: root.ask("svg", 1)
        }
        MenuItem {
            text: qsTr("PDF (vector)")
            onTriggered: root.ask("pdf", 1)
        }
        MenuSeparator {}
        MenuItem {
            text: qsTr("Data as CSV, with sources and citation")
            visible: root.exporter.hasData
            height: visible ? implicitHeight : 0
            onTriggered: root.ask("csv", 1)
        }
        MenuItem {
            text: qsTr("Copy image")
            onTriggered: root.exporter.copyImage()
        }
    }

    FileDialog {
        id: fileDialog

        property string format: "png"
        property real scale: 1

        title: qsTr("Export")
        fileMode: FileDialog.SaveFile
        onAccepted: {
            if (format === "csv")
                root.exporter.exportData(selectedFile);
            else
                root.exporter.exportPicture(selectedFile, format, scale);
        }
    }

    Dialog {
        id: errorDialog

        objectName: "exportErrorDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(560, parent ? parent.width - 40 : 560)
        modal: true
        title: qsTr("Could not export")
        standardButtons: Dialog.Ok

        Label {
            width: parent.width
            text: root.exporter.lastError
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontNormal
        }
    }
}
