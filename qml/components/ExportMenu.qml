pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import TechRace
import TechRace.Ui

// The Export button of a chart: PNG (1x, 2x), SVG, PDF, the data as CSV with its metadata, or a copy on the
// clipboard. The files are the ones `techrace export chart|data` writes for the same chart; failures are shown.
Button {
    id: root

    required property ChartData chartData
    readonly property alias exporter: exporter
    readonly property alias menu: menu
    readonly property alias errorDialog: errorDialog
    property string lastMessage: ""

    text: qsTr("Export…")
    font.pixelSize: Theme.fontNormal
    Accessible.name: qsTr("Export the chart")
    onClicked: menu.open()

    function ask(format: string, scale: real) {
        fileDialog.format = format;
        fileDialog.scale = scale;
        fileDialog.defaultSuffix = format;
        fileDialog.nameFilters = [format === "csv" ? qsTr("CSV data (*.csv)") : qsTr("%1 files (*.%2)").arg(format.toUpperCase()).arg(format)];
        fileDialog.selectedFile = fileDialog.currentFolder + "/" + exporter.suggestedFileName(format);
        fileDialog.open();
    }

    ChartExporter {
        id: exporter

        chartData: root.chartData
        onExported: path => root.lastMessage = path.length > 0 ? qsTr("Saved %1").arg(path) : qsTr("Copied the chart")
        onFailed: message => {
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
            onTriggered: root.ask("csv", 1)
        }
        MenuItem {
            text: qsTr("Copy image")
            onTriggered: exporter.copyImage()
        }
    }

    FileDialog {
        id: fileDialog

        property string format: "png"
        property real scale: 1

        title: qsTr("Export the chart")
        fileMode: FileDialog.SaveFile
        onAccepted: {
            if (format === "csv")
                exporter.exportData(selectedFile);
            else
                exporter.exportChart(selectedFile, format, scale);
        }
    }

    Dialog {
        id: errorDialog

        objectName: "exportErrorDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(560, parent ? parent.width - 40 : 560)
        modal: true
        title: qsTr("The chart could not be exported")
        standardButtons: Dialog.Ok

        Label {
            width: parent.width
            text: exporter.lastError
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontNormal
        }
    }
}
