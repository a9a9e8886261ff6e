import QtQuick
import QtTest
import TechRace
import TechRace.Ui

TestCase {
    id: testCase

    name: "FundingChart"
    // TestCase is invisible by default; the controls under test must be visible to take input.
    visible: true
    when: windowShown
    width: 900
    height: 600

    FundingChart {
        id: fundingChart

        anchors.fill: parent
    }

    function chartView() {
        for (let i = 0; i < fundingChart.children.length; ++i) {
            if (fundingChart.children[i].objectName === "fundingChart")
                return fundingChart.children[i];
        }
        return null;
    }

    function seriesNamed(chart, name) {
        for (let i = 0; i < chart.count; ++i) {
            if (chart.series(i).name === name)
                return chart.series(i);
        }
        return null;
    }

    function cleanup() {
        FundingController.scale = FundingController.baselineScale;
    }

    function test_baselineAndScenarioPerRegion() {
        const chart = chartView();
        verify(chart);
        compare(chart.count, FundingController.chartRegions.length * 2);
        const china = seriesNamed(chart, "China");
        const chinaBaseline = seriesNamed(chart, "China (baseline)");
        verify(china && chinaBaseline);
        compare(china.count, FundingController.lastYear - FundingController.firstYear + 1);
        compare(chinaBaseline.style, Qt.DashLine);
        compare(china.style, Qt.SolidLine);
    }

    function test_leverChangesScenarioNotBaseline() {
        const chart = chartView();
        const china = seriesNamed(chart, "China");
        const chinaBaseline = seriesNamed(chart, "China (baseline)");
        const last = china.count - 1;
        const before = china.at(last).y;
        const baselineBefore = chinaBaseline.at(last).y;
        FundingController.scale = 3;
        verify(china.at(last).y > before, "the scenario line follows the lever");
        compare(chinaBaseline.at(last).y, baselineBefore);
        FundingController.scale = 1;
        fuzzyCompare(china.at(last).y, before, 1e-9);
    }

    function test_axisFitsTheData() {
        FundingController.scale = 3;
        let valueAxis = null;
        const chart = chartView();
        valueAxis = chart.axisY(seriesNamed(chart, "China"));
        verify(valueAxis.max >= FundingController.maxValue);
    }
}
