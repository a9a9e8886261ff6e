pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtCharts
import TechRace
import TechRace.Ui

// Cumulative announced state funding per region: baseline dashed, scenario solid, source line underneath.
ColumnLayout {
    id: root

    // Pairs of {series, regionId} for the solid lines that follow the levers.
    property var scenarioLines: []

    spacing: 4

    function refreshScenario() {
        for (const line of scenarioLines)
            FundingController.fillSeries(line.series, line.regionId, false);
        valueAxis.max = Math.max(10, Math.ceil(FundingController.maxValue / 20) * 20);
    }

    ChartView {
        id: chart

        objectName: "fundingChart"
        Layout.fillWidth: true
        Layout.fillHeight: true
        title: qsTr("Announced state semiconductor funding, cumulative (US$ billion)")
        titleFont.pixelSize: Theme.fontLarge
        antialiasing: true
        legend.alignment: Qt.AlignBottom
        legend.font.pixelSize: Theme.fontNormal
        backgroundRoundness: Theme.radius

        ValueAxis {
            id: yearAxis

            min: FundingController.firstYear
            max: FundingController.lastYear
            tickCount: 6
            labelFormat: "%d"
            labelsFont.pixelSize: Theme.fontSmall
        }
        ValueAxis {
            id: valueAxis

            min: 0
            max: 100
            labelFormat: "%.0f"
            labelsFont.pixelSize: Theme.fontSmall
        }

        Component.onCompleted: {
            const lines = [];
            for (const regionId of FundingController.chartRegions) {
                const name = FundingController.regionName(regionId);
                const baseline = chart.createSeries(ChartView.SeriesTypeLine, qsTr("%1 (baseline)").arg(name), yearAxis, valueAxis);
                baseline.color = Theme.regionColor(regionId);
                baseline.style = Qt.DashLine;
                baseline.width = 2;
                FundingController.fillSeries(baseline, regionId, true);
                const scenario = chart.createSeries(ChartView.SeriesTypeLine, name, yearAxis, valueAxis);
                scenario.color = Theme.regionColor(regionId);
                scenario.width = 3;
                lines.push({
                    "series": scenario,
                    "regionId": regionId
                });
            }
            root.scenarioLines = lines;
            root.refreshScenario();
        }
    }

    // A hidden chart (its page not shown) would still redraw its whole scene in software on every lever move:
    // follow the results only while visible, and catch up when shown.
    onVisibleChanged: {
        if (visible)
            refreshScenario();
    }

    Connections {
        target: FundingController
        enabled: root.visible
        function onResultsChanged() {
            root.refreshScenario();
        }
    }

    Label {
        Layout.fillWidth: true
        text: FundingController.sourceLine
        wrapMode: Text.WordWrap
        color: Theme.mutedText
        font.pixelSize: Theme.fontSmall
    }
}
