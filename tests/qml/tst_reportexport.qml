import QtQuick
import QtTest
import TechRace
import TechRace.Ui
import QtQuick.Controls

// "Export report…": a progress dialog with a bar and Cancel while the report is written off the GUI thread, then a
// dialog that says how it ended.
TestCase {
    id: testCase

    name: "ReportExport"
    visible: true
    when: windowShown
    width: 900
    height: 600

    Component {
        id: dialogComponent

        ReportExportDialog {}
    }

    SignalSpy {
        id: finishedSpy

        signalName: "finished"
    }

    function findAll(item, objectName, found) {
        if (item.objectName === objectName)
            found.push(item);
        for (let i = 0; i < item.children.length; ++i)
            findAll(item.children[i], objectName, found);
        return found;
    }

    function cleanup() {
        ScenarioController.newScenario();
        finishedSpy.clear();
    }

    function test_progressThenResult() {
        const dialog = createTemporaryObject(dialogComponent, testCase);
        finishedSpy.target = dialog.exporter;
        verify(ScenarioController.loadPreset("big_fund_3_doubled"));
        dialog.exportTo("file:///tmp/techrace-tst-reportexport.pdf");
        verify(dialog.exporter.running);
        const bars = findAll(testCase.Overlay.overlay, "reportProgressBar", []);
        compare(bars.length, 1);
        tryVerify(() => bars[0].visible);
        // The window keeps running its event loop while the report is written.
        finishedSpy.wait(60000);
        compare(finishedSpy.signalArguments[0][0], true, finishedSpy.signalArguments[0][2]);
        const results = findAll(testCase.Overlay.overlay, "reportResultLabel", []);
        compare(results.length, 1);
        tryVerify(() => results[0].visible);
        verify(results[0].text.startsWith("Wrote "), results[0].text);
        verify(!bars[0].visible);
    }

    function test_cancel() {
        const dialog = createTemporaryObject(dialogComponent, testCase);
        finishedSpy.target = dialog.exporter;
        dialog.exportTo("file:///tmp/techrace-tst-reportexport-cancelled.pdf");
        dialog.exporter.cancel();
        finishedSpy.wait(60000);
        compare(finishedSpy.signalArguments[0][0], false);
        compare(finishedSpy.signalArguments[0][1], true);
        const results = findAll(testCase.Overlay.overlay, "reportResultLabel", []);
        tryVerify(() => results[0].visible);
        verify(results[0].text.startsWith("Cancelled"), results[0].text);
    }
}
