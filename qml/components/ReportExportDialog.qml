pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import TechRace
import TechRace.Ui

// "Export report…": asks where to save, then shows the report's progress with a Cancel button while it is written
// on a worker thread (the window stays responsive), and says how it ended.
Item {
    id: root

    visible: false // takes no room in a layout; the dialogs show on the window's overlay

    // Asks for the file, then writes the report of the current scenario there.
    function open() {
        fileDialog.open();
    }

    readonly property alias exporter: exporter

    // Writes the report of the current scenario to `file` (a URL) and shows its progress.
    function exportTo(file) {
        if (exporter.start(file))
            progressDialog.open();
    }

    ReportExporter {
        id: exporter

        scenarioController: ScenarioController
        onFinished: (ok, cancelled, message, path) => {
            progressDialog.close();
            resultDialog.title = ok ? qsTr("Report written") : cancelled ? qsTr("Report cancelled") : qsTr("Report not written");
            resultDialog.message = message;
            resultDialog.open();
        }
    }

    FileDialog {
        id: fileDialog

        title: qsTr("Export the scenario report")
        fileMode: FileDialog.SaveFile
        defaultSuffix: "pdf"
        nameFilters: [qsTr("PDF documents (*.pdf)")]
        onAccepted: root.exportTo(selectedFile)
    }

    Dialog {
        id: progressDialog

        objectName: "reportProgressDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(460, parent ? parent.width - 40 : 460)
        modal: true
        closePolicy: Popup.NoAutoClose
        title: qsTr("Writing the report")
        standardButtons: Dialog.Cancel
        onRejected: exporter.cancel()

        ColumnLayout {
            width: parent.width
            spacing: Theme.spacing / 2

            ProgressBar {
                objectName: "reportProgressBar"
                Layout.fillWidth: true
                from: 0
                to: 1
                value: exporter.progress
            }
            Label {
                text: exporter.step.length > 0 ? exporter.step + "…" : qsTr("Starting…")
                font.pixelSize: Theme.fontNormal
            }
        }
    }

    Dialog {
        id: resultDialog

        property string message

        objectName: "reportResultDialog"
        parent: Overlay.overlay
        anchors.centerIn: parent
        width: Math.min(560, parent ? parent.width - 40 : 560)
        modal: true
        standardButtons: Dialog.Ok

        Label {
            objectName: "reportResultLabel"
            width: parent.width
            text: resultDialog.message
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.fontNormal
        }
    }
}
