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

    function bandsOf(chart) {
        const bands = [];
        for (let i = 0; i < chart.count; ++i) {
            const series = chart.series(i);
            if (series.name.endsWith("p10–p90"))
                bands.push(series);
        }
        return bands;
    }

    function test_uncertaintyBandFillsOnceTheLeversRest() {
        const page = createTemporaryObject(pageComponent, testCase);
        const chart = findByObjectName(page, "scenarioChart");
        tryVerify(() => chart.count >= 9);
        const bands = bandsOf(chart);
        compare(bands.length, 3);
        tryVerify(() => bands.every(band => band.upperSeries.count === 26 && band.lowerSeries.count === 26), 20000, "p10 and p90 for every year of every line");
        verify(chart.chartData.hasBand);
        verify(!chart.bandProgress.visible, "no progress indication once the band is in");
        const cnBand = bands[0];
        for (let i = 0; i < 26; ++i)
            verify(cnBand.lowerSeries.at(i).y <= cnBand.upperSeries.at(i).y);

        verify(ScenarioController.setLever("subsidy.cn_big_fund_3", 3));
        compare(cnBand.upperSeries.count, 0, "the previous scenario's band is dropped at once");
        tryVerify(() => cnBand.upperSeries.count === 26, 20000, "and the new one follows");
    }

    function test_companyPickerOnlyForCompanyMetrics() {
        const page = createTemporaryObject(pageComponent, testCase);
        const chart = findByObjectName(page, "scenarioChart");
        const metricPicker = findByObjectName(page, "metricPicker");
        const segmentPicker = findByObjectName(page, "segmentPicker");
        const companyPicker = findByObjectName(page, "companyPicker");
        verify(companyPicker);
        verify(!companyPicker.enabled, "self-sufficiency has no company series");
        metricPicker.currentIndex = metricPicker.indexOfValue("market_share");
        verify(!companyPicker.enabled, "companies' shares are per segment");
        segmentPicker.currentIndex = segmentPicker.indexOfValue("leading_logic");
        verify(companyPicker.enabled);
        companyPicker.currentIndex = companyPicker.indexOfValue("tsmc");
        compare(companyPicker.currentValue, "tsmc", "the choices survive the chart's rebuild");
        compare(chart.chartData.lineCount, 1);
        verify(chart.chartData.lineName(0).includes("TSMC"));
        metricPicker.currentIndex = metricPicker.indexOfValue("capacity");
        verify(!companyPicker.enabled);
        compare(chart.chartData.company, "");
    }

    function test_clickingAPointOpensItsProvenance() {
        const page = createTemporaryObject(pageComponent, testCase);
        const chart = findByObjectName(page, "scenarioChart");
        tryVerify(() => chart.count >= 9);
        // The band stretches the value axis when it arrives: click once the lines have stopped moving.
        tryVerify(() => chart.chartData.hasBand && !chart.chartData.bandPending(), 20000);
        waitForRendering(chart);
        const popup = chart.provenancePopup;
        verify(!popup.opened);
        const point = chart.mapToPosition(Qt.point(2030, chart.chartData.valueAt(0, 2030, false)), chart.scenarioSeries[0]);
        mouseClick(chart, point.x, point.y);
        tryVerify(() => popup.opened, 2000, "a click on China's line opens its provenance");
        tryVerify(() => popup.equationText.includes("M5:"), 20000, "self-sufficiency's equation");
        verify(popup.provenance.title.includes("2030"), popup.provenance.title);
        verify(popup.provenance.inputs.length > 3);
        verify(popup.provenance.text.startsWith("self_sufficiency CN 2030 = "), popup.provenance.text);
        popup.close();
        tryVerify(() => !popup.opened);
    }
}
