import QtQuick
import QtTest
import TechRace
import TechRace.Ui

// The Dashboard: four headline tiles that read "as baseline" until a lever moves, then show the change.
TestCase {
    id: testCase

    name: "DashboardPage"
    visible: true
    when: windowShown
    width: 1200
    height: 760

    Component {
        id: pageComponent

        DashboardPage {
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

    function test_tilesShowTheChangeFromBaseline() {
        const page = createTemporaryObject(pageComponent, testCase);
        const deltas = findAll(page, "headlineDelta", []);
        compare(deltas.length, 4);
        for (const delta of deltas)
            compare(delta.text, "as baseline");
        const values = findAll(page, "headlineValue", []);
        verify(values[2].text.endsWith("%"), values[2].text);

        verify(ScenarioController.setLever("ai_chip_control", 0));
        // China's share of world AI compute (third tile) rises without export controls.
        verify(deltas[2].text.startsWith("+"), deltas[2].text);
        verify(deltas[2].text.endsWith(" pp"), deltas[2].text);

        ScenarioController.undo();
        compare(deltas[2].text, "as baseline");
    }
}
