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
}
