import QtQuick
import QtTest
import TechRace
import TechRace.Ui

// The Export menus of the Charts and Map pages: the ways out, and a failed export shown to the user with its reason.
TestCase {
    id: testCase

    name: "ExportMenu"
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

    function test_menuListsEveryFormat() {
        const page = createTemporaryObject(pageComponent, testCase);
        const button = findByObjectName(page, "exportMenuButton");
        verify(button);
        compare(button.text, "Export…");
        mouseClick(button);
        tryVerify(() => button.menu.opened);
        const items = [];
        for (let i = 0; i < button.menu.count; ++i) {
            const item = button.menu.itemAt(i);
            if (item.text)
                items.push(item.text);
        }
        compare(items, ["PNG image", "PNG image, 2× for print", "SVG (vector)", "PDF (vector)", "Data as CSV, with sources and citation", "Copy image"]);
        button.menu.close();
    }

    function test_failureIsShown() {
        const page = createTemporaryObject(pageComponent, testCase);
        const button = findByObjectName(page, "exportMenuButton");
        verify(!button.exporter.exportPicture("file:///nonexistent/folder/chart.png", "png", 1));
        compare(button.lastMessage, button.exporter.lastError);
        verify(button.lastMessage.includes("folder /nonexistent/folder does not exist"), button.lastMessage);
        tryVerify(() => button.errorDialog.opened, 2000, "the reason is shown in a dialog");
        button.errorDialog.close();
        compare(button.exporter.suggestedFileName("svg"), "self_sufficiency-CN-US-TW.svg");
    }

    Component {
        id: mapPageComponent

        MapPage {
            width: testCase.width
            height: testCase.height
        }
    }

    function test_mapExportsPicturesButNoData() {
        const page = createTemporaryObject(mapPageComponent, testCase);
        const button = findByObjectName(page, "mapExportMenuButton");
        verify(button);
        verify(!button.exporter.hasData);
        compare(button.exporter.suggestedFileName("png"), page.worldMap.metric + "-" + page.worldMap.year + "-scenario.png");
        verify(!button.exporter.exportPicture("file:///nonexistent/folder/map.svg", "svg", 1));
        verify(button.exporter.lastError.includes("does not exist"), button.exporter.lastError);
    }
}
