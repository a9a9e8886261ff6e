import QtQuick
import QtTest
import TechRace.Ui

TestCase {
    id: testCase

    name: "LeverSlider"
    // TestCase is invisible by default; the controls under test must be visible to take input.
    visible: true
    when: windowShown
    width: 400
    height: 200

    Component {
        id: leverComponent

        LeverSlider {
            width: 360
            label: "Big Fund III"
            from: 0
            to: 3
            baselineValue: 1
            value: 1
            sourceText: "“Phase III RMB 344B (May 2024)” — Yicai Global"
        }
    }

    SignalSpy {
        id: movedSpy

        signalName: "moved"
    }

    function findByObjectName(item, objectName) {
        if (item.objectName === objectName)
            return item;
        for (let i = 0; i < item.children.length; ++i) {
            const found = findByObjectName(item.children[i], objectName);
            if (found)
                return found;
        }
        return null;
    }

    function init() {
        movedSpy.clear();
    }

    function createLever(properties) {
        const lever = createTemporaryObject(leverComponent, testCase, properties ?? {});
        waitForItemPolished(lever); // the layout must have sized the slider before the mouse can hit it
        return lever;
    }

    function test_showsPercentAndBaseline() {
        const lever = createLever();
        verify(lever);
        const slider = findByObjectName(lever, "leverSlider");
        verify(slider);
        compare(slider.value, 1);
        compare(slider.Accessible.name, "Big Fund III");
        const reset = findByObjectName(lever, "leverReset");
        verify(!reset.enabled, "reset is disabled at the baseline");
    }

    function test_keyboardMovesTheLever() {
        const lever = createLever();
        movedSpy.target = lever;
        const slider = findByObjectName(lever, "leverSlider");
        slider.forceActiveFocus();
        keyClick(Qt.Key_Right);
        compare(movedSpy.count, 1);
        fuzzyCompare(movedSpy.signalArguments[0][0], 1.05, 1e-9);
    }

    function test_dragMovesTheLever() {
        const lever = createLever();
        movedSpy.target = lever;
        const slider = findByObjectName(lever, "leverSlider");
        mouseClick(slider, slider.width - slider.rightPadding - 1, slider.height / 2);
        verify(movedSpy.count >= 1);
        verify(movedSpy.signalArguments[movedSpy.count - 1][0] > 2.5);
    }

    function test_resetReturnsToBaseline() {
        const lever = createLever({
            "value": 2.5
        });
        movedSpy.target = lever;
        const reset = findByObjectName(lever, "leverReset");
        verify(reset.enabled);
        mouseClick(reset);
        compare(movedSpy.count, 1);
        compare(movedSpy.signalArguments[0][0], 1);
    }

    function test_typedValueMovesTheLever() {
        const lever = createLever({
            "unit": "fraction",
            "from": 0,
            "to": 1,
            "baselineValue": 0.76,
            "value": 0.76
        });
        movedSpy.target = lever;
        const entry = findByObjectName(lever, "leverEntry");
        compare(entry.text, "76%");
        entry.forceActiveFocus();
        entry.selectAll();
        keyClick(Qt.Key_4);
        keyClick(Qt.Key_0);
        keyClick(Qt.Key_Return);
        compare(movedSpy.count, 1);
        fuzzyCompare(movedSpy.signalArguments[0][0], 0.4, 1e-9);
    }

    function test_infoShowsMeaningAndSources() {
        const lever = createLever({
            "description": "Share of China's unmet AI-chip demand that is blocked",
            "sources": ["policies:us_ai_diffusion — BIS (2025)"]
        });
        const info = findByObjectName(lever, "leverInfo");
        verify(info.visible);
        mouseClick(info);
        // A popup is not a child item; reach it through the lever's data.
        let opened = null;
        for (let i = 0; i < lever.data.length; ++i) {
            if (lever.data[i].objectName === "leverInfoPopup")
                opened = lever.data[i];
        }
        verify(opened);
        tryVerify(() => opened.opened);
        opened.close();
    }

    function test_baselineMarkSitsAtTheBaseline() {
        const lever = createLever();
        const slider = findByObjectName(lever, "leverSlider");
        const mark = findByObjectName(lever, "baselineMark");
        verify(mark);
        const expected = slider.leftPadding + (1 - 0) / 3 * slider.availableWidth;
        fuzzyCompare(mark.x + mark.width / 2, expected, 1);
    }
}
