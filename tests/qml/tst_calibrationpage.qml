import QtQuick
import QtCharts
import QtTest
import TechRace
import TechRace.Ui

// The Calibration page: the overall errors `techrace calibrate` prints, a scatter and one table row per point.
TestCase {
    id: testCase

    name: "CalibrationPage"
    visible: true
    when: windowShown
    width: 1280
    height: 760

    Component {
        id: pageComponent

        CalibrationPage {
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

    function test_errorsAtTheTop() {
        const page = createTemporaryObject(pageComponent, testCase);
        const all = findAll(findAll(page, "mapeAll", [])[0], "figureValue", [])[0];
        const outOfSample = findAll(findAll(page, "mapeOutOfSample", [])[0], "figureValue", [])[0];
        // The figures of `techrace calibrate` on the shipped knowledge base (docs/MODEL.md, "Calibration").
        compare(all.text, "14.4%");
        compare(outOfSample.text, "18.2%");
    }

    function test_tableHasARowPerPoint() {
        const page = createTemporaryObject(pageComponent, testCase);
        const table = findAll(page, "calibrationTable", [])[0];
        compare(table.count, page.calibration.count);
        verify(table.count >= 30, table.count);
        // The rows on screen are the model's first rows, with their series and error.
        tryVerify(() => findAll(table, "calibrationRow", []).length > 5);
        const rows = findAll(table, "calibrationRow", []);
        const first = rows.find(row => row.index === 0);
        compare(first.series, page.calibration.data(page.calibration.index(0, 0), CalibrationModel.SeriesRole));
    }

    function test_scatterHoldsEveryPlottablePoint() {
        const page = createTemporaryObject(pageComponent, testCase);
        const chart = findAll(page, "calibrationScatter", [])[0];
        let points = 0;
        for (let i = 0; i < chart.count; ++i) {
            const series = chart.series(i);
            if (series.type === ChartView.SeriesTypeScatter)
                points += series.count;
        }
        compare(points, page.calibration.count - page.calibration.unplottedCount);
    }
}
