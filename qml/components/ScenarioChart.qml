pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import TechRace
import TechRace.Ui

// One metric for some regions: each region's baseline dashed and its scenario solid in the same colour, KB
// targets as markers, and the value under the pointer.
ChartView {
    id: root

    required property ChartData chartData
    // Solid scenario series per line, refilled on every result.
    property var scenarioSeries: []
    // Dotted lines of the compared scenario, per line; empty while not comparing.
    property var comparisonSeries: []
    // p10–p90 band per line: [{lower, upper}] of the area series' edges; empty until ChartData has computed the
    // band for this scenario (it does so off the GUI thread once the levers rest).
    property var bandEdges: []
    // Whether the comparison lines hold points, so an unchanged empty comparison is not refilled on every move.
    property bool comparisonShown: false
    readonly property alias hoverText: hoverLabel.text
    readonly property alias provenancePopup: provenancePopup
    readonly property alias bandProgress: bandProgress

    // Opens the provenance of a line's point nearest to `point` (a chart coordinate).
    function openProvenance(line: int, point: point) {
        const year = Math.round(point.x);
        chartData.requestProvenance(line, year);
        const position = root.mapToPosition(Qt.point(year, chartData.valueAt(line, year, false)), root.scenarioSeries[line]);
        provenancePopup.x = Math.max(8, Math.min(root.width - provenancePopup.width - 8, position.x + 12));
        provenancePopup.y = Math.max(8, Math.min(root.height - provenancePopup.height - 8, position.y - provenancePopup.height / 2));
        provenancePopup.open();
    }

    function niceMaximum(value: real): real {
        if (value <= 0)
            return 1;
        const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (const step of [1, 2, 2.5, 5, 10]) {
            if (value <= step * magnitude)
                return step * magnitude;
        }
        return 10 * magnitude;
    }

    function showHover(line: int, point: point, state: bool) {
        if (!state) {
            hoverLabel.visible = false;
            return;
        }
        const year = Math.round(point.x);
        const scenario = chartData.valueAt(line, year, false);
        const baseline = chartData.valueAt(line, year, true);
        hoverLabel.text = qsTr("%1, %2: %3 %4 (baseline %5). Click for its provenance.").arg(chartData.lineName(line)).arg(year).arg(scenario.toFixed(2)).arg(chartData.unit).arg(baseline.toFixed(2));
        const position = root.mapToPosition(Qt.point(year, scenario), root.scenarioSeries[line]);
        hoverLabel.x = Math.min(root.width - hoverLabel.width - 8, position.x + 12);
        hoverLabel.y = Math.max(8, position.y - hoverLabel.height - 8);
        hoverLabel.visible = true;
    }

    function showTarget(target: var, state: bool) {
        hoverLabel.text = qsTr("Target: %1 (%2) — “%3”").arg(target.name).arg(target.source).arg(target.quote);
        hoverLabel.x = 16;
        hoverLabel.y = 48;
        hoverLabel.visible = state;
    }

    function rebuild() {
        removeAllSeries();
        const lines = [];
        const comparisons = [];
        for (let i = 0; i < chartData.lineCount; ++i) {
            const line = i;
            const region = chartData.lineRegion(i);
            const name = chartData.lineName(i);
            const baseline = createSeries(ChartView.SeriesTypeLine, qsTr("%1 baseline").arg(name), yearAxis, valueAxis);
            baseline.color = Theme.regionColor(region);
            baseline.style = Qt.DashLine;
            baseline.width = 2;
            chartData.fill(i, baseline, true);
            baseline.hovered.connect((point, state) => root.showHover(line, point, state));
            baseline.clicked.connect(point => root.openProvenance(line, point));
            const scenario = createSeries(ChartView.SeriesTypeLine, name, yearAxis, valueAxis);
            scenario.color = Theme.regionColor(region);
            scenario.width = 3;
            scenario.hovered.connect((point, state) => root.showHover(line, point, state));
            scenario.clicked.connect(point => root.openProvenance(line, point));
            lines.push(scenario);
            const compared = createSeries(ChartView.SeriesTypeLine, qsTr("%1 compared").arg(name), yearAxis, valueAxis);
            compared.color = Theme.regionColor(region);
            compared.style = Qt.DotLine;
            compared.width = 2;
            comparisons.push(compared);
        }
        root.scenarioSeries = lines;
        root.comparisonSeries = comparisons;
        const bands = [];
        for (let i = 0; i < chartData.lineCount; ++i) {
            const band = createSeries(ChartView.SeriesTypeArea, qsTr("%1 p10–p90").arg(chartData.lineName(i)), yearAxis, valueAxis);
            const lower = Qt.createQmlObject("import QtCharts; LineSeries {}", band);
            band.lowerSeries = lower;
            band.color = Qt.alpha(Theme.regionColor(chartData.lineRegion(i)), 0.2);
            band.borderWidth = 0;
            // The band lies over its line: a click on it explains the line too.
            const line = i;
            band.clicked.connect(point => root.openProvenance(line, point));
            bands.push({
                "lower": lower,
                "upper": band.upperSeries
            });
        }
        root.bandEdges = bands;
        root.comparisonShown = true; // the new series are empty; refresh() fills or skips them
        for (const target of chartData.targets) {
            const marker = createSeries(ChartView.SeriesTypeScatter, qsTr("Target: %1").arg(target.name), yearAxis, valueAxis);
            marker.color = Theme.regionColor(target.regionId);
            marker.borderColor = Theme.text;
            marker.markerShape = ScatterSeries.MarkerShapeRectangle;
            marker.markerSize = 14;
            marker.append(target.year, target.value);
            marker.hovered.connect((point, state) => root.showTarget(target, state));
        }
        refresh();
        refreshBand();
    }

    // On every lever move: only what changed (the scenario lines; the comparison only while comparing).
    function refresh() {
        const comparing = ScenarioController.comparing;
        for (let i = 0; i < scenarioSeries.length; ++i) {
            chartData.fill(i, scenarioSeries[i], false);
            if (comparing || comparisonShown)
                chartData.fillComparison(i, comparisonSeries[i]);
        }
        comparisonShown = comparing;
        updateAxis();
    }

    function refreshBand() {
        for (let i = 0; i < bandEdges.length; ++i)
            chartData.fillBand(i, bandEdges[i].lower, bandEdges[i].upper);
        updateAxis();
    }

    function updateAxis() {
        valueAxis.min = chartData.minimum < 0 ? -niceMaximum(-chartData.minimum) : 0;
        valueAxis.max = niceMaximum(chartData.maximum * 1.05);
        valueAxis.labelFormat = valueAxis.max >= 10 ? "%.0f" : "%.2f";
    }

    title: chartData.unit.length > 0 ? qsTr("%1 (%2)").arg(chartData.title).arg(chartData.unit) : chartData.title
    titleFont.pixelSize: Theme.fontLarge
    antialiasing: true
    margins.bottom: legendRow.height + Theme.spacing
    // One legend entry per region (the ChartView legend would list baseline, scenario and targets separately).
    legend.visible: false
    backgroundRoundness: Theme.radius

    ValueAxis {
        id: yearAxis

        min: ScenarioController.firstYear
        max: ScenarioController.lastYear
        tickCount: 6
        labelFormat: "%d"
        labelsFont.pixelSize: Theme.fontNormal
    }
    ValueAxis {
        id: valueAxis

        min: 0
        max: 100
        labelFormat: "%.3g"
        labelsFont.pixelSize: Theme.fontNormal
    }

    Component.onCompleted: rebuild()

    // A hidden chart (its page not shown) neither redraws on every lever move nor computes bands; it catches up
    // when shown.
    onVisibleChanged: {
        if (visible)
            rebuild();
    }

    Binding {
        target: root.chartData
        property: "active"
        value: root.visible
    }

    Connections {
        target: root.chartData
        enabled: root.visible
        function onLinesChanged() {
            root.rebuild();
        }
        function onValuesChanged() {
            root.refresh();
        }
        function onBandChanged() {
            root.refreshBand();
        }
    }

    ProvenancePopup {
        id: provenancePopup

        objectName: "provenancePopup"
        chartData: root.chartData
        width: Math.min(640, root.width - 16)
        height: Math.min(460, root.height - 16)
    }

    // Shown only when the band takes longer than a blink (ChartData.bandBusy turns on after 150 ms).
    Row {
        id: bandProgress

        objectName: "bandProgress"
        anchors.top: parent.top
        anchors.right: parent.right
        anchors.topMargin: 12
        anchors.rightMargin: Theme.spacing * 2
        spacing: 6
        visible: root.chartData.bandBusy

        BusyIndicator {
            implicitWidth: 22
            implicitHeight: 22
            running: bandProgress.visible
        }
        Label {
            anchors.verticalCenter: parent.verticalCenter
            text: qsTr("Computing uncertainty…")
            color: Theme.mutedText
            font.pixelSize: Theme.fontNormal
        }
    }

    Flow {
        id: legendRow

        objectName: "chartLegend"
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.leftMargin: Theme.spacing * 2
        anchors.bottomMargin: 6
        spacing: Theme.spacing

        Repeater {
            model: root.chartData.lineCount

            Row {
                id: entry

                required property int index

                spacing: 6

                Rectangle {
                    anchors.verticalCenter: parent.verticalCenter
                    width: 22
                    height: 4
                    color: Theme.regionColor(root.chartData.lineRegion(entry.index))
                }
                Label {
                    text: root.chartData.lineName(entry.index)
                    font.pixelSize: Theme.fontNormal
                }
            }
        }
        Label {
            text: ScenarioController.comparing ? qsTr("dashed: baseline · dotted: %1 · shaded: p10–p90 · ■ target").arg(ScenarioController.comparisonName) : qsTr("dashed: baseline · shaded: p10–p90 · ■ target")
            color: Theme.mutedText
            font.pixelSize: Theme.fontNormal
        }
    }

    Label {
        id: hoverLabel

        objectName: "chartHover"
        visible: false
        padding: 6
        font.pixelSize: Theme.fontNormal
        width: Math.min(implicitWidth, root.width - 32)
        wrapMode: Text.WordWrap
        background: Rectangle {
            color: Theme.surface
            border.color: Theme.border
            radius: Theme.radius
        }
    }
}
