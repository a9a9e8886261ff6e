import QtQuick
import QtTest
import TechRace
import TechRace.Ui

// The Charts page against the real model: baseline dashed, scenario solid; a lever move changes only the scenario
// line and undo brings it back.
TestCase {
    id: testCase

    name: "ChartsPage"
    visible: true
    when: windowShown
    width: 1200
    height: 760

    Component {
        id: pageComponent

        ChartsPage {
            width: testCase.width
            height: testCase.height
        }
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

    function pointsOf(series) {
        const points = [];
        for (let i = 0; i < series.count; ++i)
            points.push(series.at(i).y);
        return points;
    }

    function cleanup() {
        ScenarioController.newScenario();
    }

    function test_baselineDashedScenarioSolid() {
        const page = createTemporaryObject(pageComponent, testCase);
        const chart = findByObjectName(page, "scenarioChart");
        verify(chart);
        tryVerify(() => chart.count >= 9, 2000, "a baseline, a scenario and a comparison line for CN, US and TW");
        const baseline = chart.series(0);
        const scenario = chart.series(1);
        compare(baseline.style, Qt.DashLine);
        compare(scenario.style, Qt.SolidLine);
        compare(baseline.count, 26);
        compare(pointsOf(scenario), pointsOf(baseline));
    }

    function test_leverMovesScenarioAndUndoRestores() {
        const page = createTemporaryObject(pageComponent, testCase);
        const chart = findByObjectName(page, "scenarioChart");
        tryVerify(() => chart.count >= 9);
        const baselineBefore = pointsOf(chart.series(0));
        const before = pointsOf(chart.series(1));

        verify(ScenarioController.setLever("subsidy.cn_big_fund_3", 3));
        const after = pointsOf(chart.series(1));
        verify(JSON.stringify(after) !== JSON.stringify(before), "the scenario line moved");
        compare(pointsOf(chart.series(0)), baselineBefore);
        verify(ScenarioController.modified);

        ScenarioController.undo();
        compare(pointsOf(chart.series(1)), before);
        verify(!ScenarioController.modified);
    }

    function test_targetsAreMarkers() {
        const page = createTemporaryObject(pageComponent, testCase);
        const chart = findByObjectName(page, "scenarioChart");
        tryVerify(() => chart.count >= 10);
        let targets = 0;
        for (let i = 0; i < chart.count; ++i) {
            if (chart.series(i).name.startsWith("Target"))
                ++targets;
        }
        verify(targets >= 1, "Made in China 2025's 70% is drawn on China's self-sufficiency");
    }

    function test_leversPanelIsKeyboardOperable() {
        const page = createTemporaryObject(pageComponent, testCase);
        const list = findByObjectName(page, "leversList");
        verify(list);
        const row = ScenarioController.levers.rowOf("ai_chip_control");
        verify(row >= 0);
        list.positionViewAtIndex(row, 0);
        waitForRendering(list);
        const lever = findByObjectName(list, "lever:ai_chip_control");
        verify(lever);
        const slider = findByObjectName(lever, "leverSlider");
        slider.forceActiveFocus();
        keyClick(Qt.Key_Left);
        fuzzyCompare(ScenarioController.leverValue("ai_chip_control"), 0.75, 1e-9);
        keyClick(Qt.Key_Left);
        fuzzyCompare(ScenarioController.leverValue("ai_chip_control"), 0.74, 1e-9);
        ScenarioController.undo(); // each key release ends a step
        fuzzyCompare(ScenarioController.leverValue("ai_chip_control"), 0.75, 1e-9);
        const reset = findByObjectName(lever, "leverReset");
        mouseClick(reset);
        fuzzyCompare(ScenarioController.leverValue("ai_chip_control"), 0.76, 1e-9);
    }

    function test_comparisonIsDottedAndListsLevers() {
        const page = createTemporaryObject(pageComponent, testCase);
        const chart = findByObjectName(page, "scenarioChart");
        tryVerify(() => chart.count >= 9);
        const compared = chart.series(2);
        compare(compared.style, Qt.DotLine);
        compare(compared.count, 0);
        verify(ScenarioController.compareWithPreset("big_fund_3_doubled"));
        compare(compared.count, 26);
        const list = findByObjectName(page, "differingLevers");
        verify(list.visible);
        verify(list.text.includes("Big Fund III"), list.text);
        ScenarioController.stopComparing();
        compare(compared.count, 0);
        verify(!list.visible);
    }

    function test_uncertaintyBandIsEmptyWithoutASource() {
        const page = createTemporaryObject(pageComponent, testCase);
        const chart = findByObjectName(page, "scenarioChart");
        tryVerify(() => chart.count >= 9);
        let bands = 0;
        for (let i = 0; i < chart.count; ++i) {
            const series = chart.series(i);
            if (series.name.endsWith("p10–p90")) {
                ++bands;
                verify(series.upperSeries, "the band has an upper edge");
                verify(series.lowerSeries, "the band has a lower edge");
                compare(series.upperSeries.count, 0);
            }
        }
        compare(bands, 3);
    }
}
