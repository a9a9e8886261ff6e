import QtQuick
import QtTest
import TechRace
import TechRace.Ui

// The Sensitivity page: a labelled tornado of the current scenario's headline output, waterfalls that follow the
// levers, and an input's source on click.
TestCase {
    id: testCase

    name: "SensitivityPage"
    visible: true
    when: windowShown
    width: 1280
    height: 760

    Component {
        id: pageComponent

        SensitivityPage {
            width: testCase.width
            height: testCase.height
        }
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
    }

    function test_tornadoBarsAppearWithLabels() {
        const page = createTemporaryObject(pageComponent, testCase);
        tryCompare(page.analysis, "busy", false, 10000);
        verify(page.analysis.revision > 0);
        const bars = findAll(page, "tornadoBar", []);
        verify(bars.length > 0 && bars.length <= 15, bars.length);
        compare(bars.length, page.analysis.bars.length);
        const labels = findAll(page, "tornadoLabel", []);
        compare(labels.length, bars.length);
        for (const label of labels)
            verify(label.text.length > 0);
        compare(labels[0].text, page.analysis.bars[0].label);
        // The scenario's value heads the page, as on the dashboard (China's self-sufficiency, a share).
        const value = findAll(page, "outputValue", [])[0];
        verify(value.text.startsWith(page.analysis.valueText), value.text);
        verify(page.analysis.valueText.endsWith("%"), page.analysis.valueText);
    }

    function test_clickingABarShowsItsSource() {
        const page = createTemporaryObject(pageComponent, testCase);
        tryCompare(page.analysis, "busy", false, 10000);
        const bars = findAll(page, "tornadoBar", []);
        mouseClick(bars[0]);
        compare(page.selectedBar, 0);
        const quote = findAll(page, "barQuote", [])[0];
        compare(quote.text, "“" + page.analysis.bars[0].quote + "”");
        verify(quote.visible);
    }

    function test_wedgesFollowTheLevers() {
        const page = createTemporaryObject(pageComponent, testCase);
        tryCompare(page.analysis, "busy", false, 10000);
        compare(findAll(page, "waterfallStep", []).length, page.analysis.policyWedges.length);
        verify(ScenarioController.setLever("subsidy.cn_big_fund_3", 3));
        verify(ScenarioController.setLever("ai_chip_control", 0));
        tryCompare(page.analysis, "busy", false, 10000);
        compare(page.analysis.changeWedges.length, 2);
        const changeSteps = findAll(findAll(page, "changeWedges", [])[0], "waterfallStep", []);
        compare(changeSteps.length, 2);
    }

    function test_outputChoiceRecomputes() {
        const page = createTemporaryObject(pageComponent, testCase);
        tryCompare(page.analysis, "busy", false, 10000);
        const before = page.analysis.outputTitle;
        page.analysis.outputIndex = 2;
        verify(page.analysis.busy);
        tryCompare(page.analysis, "busy", false, 10000);
        verify(page.analysis.outputTitle !== before);
        verify(page.analysis.outputTitle.indexOf("AI compute") >= 0, page.analysis.outputTitle);
    }
}
