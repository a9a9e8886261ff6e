import QtQuick
import QtTest
import TechRace
import TechRace.Ui

// The Map page as users meet it: hover a region for its value, click it for its detail, switch mode and year.
TestCase {
    id: testCase

    name: "MapPage"
    visible: true
    when: windowShown
    width: 1200
    height: 760

    MapPage {
        id: page

        anchors.fill: parent
    }

    SignalSpy {
        id: clickSpy

        target: page.worldMap
        signalName: "regionClicked"
    }

    function findChild(item, name) {
        if (!item)
            return null;
        if (item.objectName === name)
            return item;
        const children = item.children;
        for (let i = 0; i < children.length; ++i) {
            const found = findChild(children[i], name);
            if (found)
                return found;
        }
        return null;
    }

    function init() {
        YearCursor.year = 2026;
        page.worldMap.selectedRegion = "";
        page.worldMap.mode = "scenario";
        clickSpy.clear();
        FundingController.scale = FundingController.baselineScale;
    }

    function test_mapDrawsTheDefaultMetric() {
        const map = page.worldMap;
        compare(map.metric, "funding.cumulative_state");
        compare(map.errorText, "");
        compare(map.year, 2026);
        // The map's pixels: several distinct colours (sea, regions in different bins, borders, arrows).
        waitForRendering(map);
        const image = grabImage(map);
        const colours = new Set();
        for (let x = 10; x < map.width; x += 23) {
            for (let y = 60; y < map.height - 60; y += 19)
                colours.add(image.pixel(x, y).toString());
        }
        verify(colours.size >= 6, "distinct colours: " + colours.size);
    }

    function test_hoverShowsRegionAndValue() {
        const map = page.worldMap;
        const china = map.regionPoint("CN");
        verify(china.x > 0 && china.y > 0);
        compare(map.regionAt(china.x, china.y), "CN");
        mouseMove(map, china.x, china.y);
        tryCompare(map, "hoveredRegion", "CN");
        const label = findChild(page, "hoverText");
        verify(label);
        tryVerify(() => label.text.startsWith("China: "), 2000, label.text);
        verify(label.text.endsWith("USD bn"), label.text);
        const hover = findChild(page, "hoverLabel");
        verify(hover.visible);

        // Over the sea (the middle of the Pacific), nothing is hovered.
        const pacific = map.regionPoint("US");
        mouseMove(map, pacific.x - map.width * 0.2, pacific.y + map.height * 0.2);
        tryCompare(map, "hoveredRegion", "");
    }

    function test_hoveringAFacilityDotNamesIt() {
        const map = page.worldMap;
        const osaka = map.facilityPoint("SoftBank AI data centre, Osaka");
        verify(osaka.x > 0 && osaka.y > 0, "Osaka's dot is on the map");
        mouseMove(map, osaka.x + 1, osaka.y);
        tryVerify(() => map.hoveredFacility.startsWith("SoftBank AI data centre, Osaka (Osaka)"), 2000, map.hoveredFacility);
        const label = findChild(page, "hoverText");
        tryVerify(() => label.text.startsWith(map.hoveredFacility + "\nJapan: "), 2000, label.text);
        mouseMove(map, osaka.x + 40, osaka.y + 40); // the sea south of Japan
        tryCompare(map, "hoveredFacility", "");
    }

    function test_clickOpensRegionDetail() {
        const map = page.worldMap;
        const japan = map.regionPoint("JP");
        mouseClick(map, japan.x, japan.y);
        compare(clickSpy.count, 1);
        compare(clickSpy.signalArguments[0][0], "JP");
        compare(map.selectedRegion, "JP");
        const detail = findChild(page, "regionDetail");
        verify(detail.visible);
        compare(findChild(detail, "regionDetailTitle").text, "Japan");
        verify(page.detail.companies.length > 0, "Japan has companies in the KB");
        verify(page.detail.facilities.length > 0, "Japan has facilities in the KB");
        compare(page.detail.series.length, YearCursor.lastYear - YearCursor.firstYear + 1);

        // China is hit by US measures and imposes its own on the US.
        const china = map.regionPoint("CN");
        mouseClick(map, china.x, china.y);
        compare(map.selectedRegion, "CN");
        const roles = page.detail.policies.map(p => p.role);
        verify(roles.some(r => r.startsWith("imposed by United States")), roles.join("; "));
        verify(roles.some(r => r.startsWith("imposes on")), roles.join("; "));
    }

    function test_clickOnTheSeaSelectsNothing() {
        const map = page.worldMap;
        mouseClick(map, map.width / 2, map.height * 0.72); // South Atlantic
        compare(clickSpy.count, 0);
        compare(map.selectedRegion, "");
    }

    function test_yearAndLeverChangeTheHoverValue() {
        const map = page.worldMap;
        const china = map.regionPoint("CN");
        mouseMove(map, china.x, china.y);
        tryCompare(map, "hoveredRegion", "CN");
        const label = findChild(page, "hoverText");
        map.mode = "difference";
        tryVerify(() => label.text === "China: 0 USD bn", 2000, label.text);
        FundingController.scale = 2;
        tryVerify(() => label.text.startsWith("China: +"), 2000, label.text);
        YearCursor.year = 2015;
        tryVerify(() => label.text === "China: 0 USD bn", 2000, label.text); // Big Fund III comes later
    }

    function test_playAdvancesTheSharedYearAndStopsAtTheEnd() {
        YearCursor.interval = 50;
        YearCursor.year = YearCursor.lastYear - 2;
        const playButton = findChild(page, "playButton");
        verify(playButton);
        mouseClick(playButton);
        verify(YearCursor.playing);
        compare(playButton.text, "Pause");
        tryCompare(YearCursor, "year", YearCursor.lastYear, 3000);
        tryCompare(YearCursor, "playing", false, 3000);
        compare(page.worldMap.year, YearCursor.lastYear);
        compare(playButton.text, "Play");
        YearCursor.interval = 700;
    }

    function test_metricWithoutScenario() {
        const box = findChild(page, "metricBox");
        const index = box.indexOfValue("kb.measures_targeting");
        verify(index >= 0);
        box.currentIndex = index;
        compare(page.worldMap.metric, "kb.measures_targeting");
        compare(page.worldMap.errorText, "");
        compare(MapController.valueText("kb.measures_targeting", "CN", 2026, "scenario").startsWith("China: "), true);
        box.currentIndex = 0;
    }
}
