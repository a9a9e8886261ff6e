import QtQuick
import QtTest
import TechRace
import TechRace.Ui

// The Timeline page: filter by region and kind, click a row for its detail and source quote, shared year cursor.
TestCase {
    id: testCase

    name: "TimelinePage"
    visible: true
    when: windowShown
    width: 1200
    height: 760

    TimelinePage {
        id: page

        anchors.fill: parent
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
        page.model.regionFilter = "";
        page.model.kindFilter = "";
    }

    function rowsOf(kind) {
        const rows = [];
        for (let i = 0; i < page.model.count; ++i) {
            const item = page.model.get(i);
            if (kind === undefined || item.kind === kind)
                rows.push(item);
        }
        return rows;
    }

    function test_filtersByKindAndRegion() {
        const all = page.model.count;
        verify(all > 50, "items: " + all);
        const kindBox = findChild(page, "kindFilter");
        kindBox.currentIndex = 2; // "Policy"
        kindBox.activated(2);
        compare(page.model.kindFilter, "Policy");
        verify(page.model.count > 0 && page.model.count < all);
        compare(rowsOf("Policy").length, page.model.count);

        const regionBox = findChild(page, "regionFilter");
        const eu = regionBox.indexOfValue("EU");
        regionBox.currentIndex = eu;
        regionBox.activated(eu);
        compare(page.model.regionFilter, "EU");
        const rows = rowsOf();
        verify(rows.length > 0);
        for (const row of rows)
            verify(row.region === "EU" || row.targetRegion === "EU", row.title);
    }

    function test_mineralSuspensionRunsToNovember2026() {
        page.model.kindFilter = "Policy";
        const suspension = rowsOf().find(r => r.itemId === "cn_mineral_controls_suspension");
        verify(suspension);
        fuzzyCompare(suspension.start, 2025 + 10 / 12, 1e-9);
        fuzzyCompare(suspension.end, 2026 + 10 / 12, 1e-9);
        compare(suspension.period, "2025-11 – 2026-11");
    }

    function test_clickShowsDetailWithQuote() {
        page.model.kindFilter = "Programme";
        const list = findChild(page, "timelineList");
        verify(list);
        waitForRendering(list);
        mouseClick(list, list.width / 2, 12); // first row
        const detail = findChild(page, "timelineDetail");
        tryVerify(() => detail.visible);
        const first = page.model.get(0);
        compare(findChild(detail, "timelineDetailTitle").text, first.title);
        compare(findChild(detail, "timelineDetailQuote").text, "“" + first.quote + "”");
        verify(first.quote.length > 3);
    }

    function test_yearCursorIsShared() {
        YearCursor.year = 2030;
        const band = findChild(page, "yearCursorBand");
        const x2030 = band.x;
        YearCursor.year = 2031;
        verify(band.x > x2030);
        YearCursor.year = 2026;
    }
}
