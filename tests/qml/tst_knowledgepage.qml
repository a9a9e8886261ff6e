import QtQuick
import QtTest
import TechRace
import TechRace.Ui

// The Knowledge page as a person uses it: search, pick a row, read its source and verbatim quote.
TestCase {
    id: testCase

    name: "KnowledgePage"
    visible: true
    when: windowShown
    width: 1280
    height: 800

    Component {
        id: pageComponent

        KnowledgePage {
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

    function findAll(item, objectName, found) {
        if (item.objectName === objectName)
            found.push(item);
        for (let i = 0; i < item.children.length; ++i)
            findAll(item.children[i], objectName, found);
        return found;
    }

    function cleanup() {
        KnowledgeController.query = "";
    }

    function test_browsesATableAndShowsTheFirstRow() {
        const page = createTemporaryObject(pageComponent, testCase);
        verify(page);
        const rows = findByObjectName(page, "knowledgeRows");
        verify(rows);
        tryVerify(() => rows.count > 0);
        compare(page.selectedTable, KnowledgeController.currentTable);
        tryVerify(() => page.selectedRowId.length > 0);
        const quotes = findAll(page, "citationQuote", []);
        verify(quotes.length > 0);
        verify(quotes[0].text.length > 5);
    }

    function test_searchSelectAndReadTheQuote() {
        const page = createTemporaryObject(pageComponent, testCase);
        const search = findByObjectName(page, "knowledgeSearch");
        const rows = findByObjectName(page, "knowledgeRows");
        verify(search && rows);
        search.forceActiveFocus();
        for (const letter of "betting")
            keyClick(letter);
        tryCompare(KnowledgeController, "query", "betting");
        tryVerify(() => rows.count > 0);

        // Click the hit for Japan's ¥920 billion for Rapidus.
        let target = -1;
        for (let i = 0; i < rows.count; ++i) {
            rows.currentIndex = i;
            if (rows.currentItem.rowId === "jp_rapidus_920") {
                target = i;
                break;
            }
        }
        verify(target >= 0, "jp_rapidus_920 is among the hits");
        rows.positionViewAtIndex(target, ListView.Beginning);
        rows.currentIndex = 0;
        wait(0);
        mouseClick(rows.itemAtIndex(target));
        compare(page.selectedRowId, "jp_rapidus_920");

        const title = findByObjectName(page, "detailTitle");
        compare(title.text, "Japanese government support for Rapidus (cumulative to 2027)");
        const quotes = findAll(page, "citationQuote", []);
        verify(quotes.some(q => q.text === "“Japan is betting ¥920 billion on Rapidus”"), quotes.map(q => q.text).join(" | "));
    }

    function test_conflictShowsEveryVersion() {
        const page = createTemporaryObject(pageComponent, testCase);
        KnowledgeController.currentTable = "conflicts";
        const rows = findByObjectName(page, "knowledgeRows");
        tryVerify(() => rows.count > 0);
        mouseClick(rows.itemAtIndex(0));
        const boxes = findAll(page, "conflictBox", []);
        compare(boxes.length, 1);
        verify(page.detail.conflicts[0].versions.length >= 2);
        KnowledgeController.currentTable = "programmes";
    }
}
