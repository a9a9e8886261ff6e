// The Sensitivity and Calibration pages' controllers: they show what core's analysis and calibration compute, follow
// the workbench's scenario off the GUI thread, and never show a superseded scenario's result.
#include "appcontext.h"
#include "backgroundwork.h"
#include "model/analysis.h"
#include "model/calibration.h"
#include "workbench/calibrationmodel.h"
#include "workbench/headlinemodel.h"
#include "workbench/scenariocontroller.h"
#include "workbench/sensitivitycontroller.h"

#include <QAbstractItemModelTester>
#include <QLineSeries>
#include <QScatterSeries>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace techrace;

namespace {
const QString chipControl = QStringLiteral("ai_chip_control");
const QString bigFund = QStringLiteral("subsidy.cn_big_fund_3");

bool sameBars(const std::vector<TornadoBar> &a, const std::vector<TornadoBar> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].id != b[i].id || a[i].outputAtLow != b[i].outputAtLow || a[i].outputAtHigh != b[i].outputAtHigh ||
            a[i].lowInput != b[i].lowInput || a[i].highInput != b[i].highInput)
            return false;
    }
    return true;
}

bool sameWedges(const WedgeResult &a, const WedgeResult &b)
{
    if (a.noPolicyOutput != b.noPolicyOutput || a.scenarioOutput != b.scenarioOutput ||
        a.wedges.size() != b.wedges.size())
        return false;
    for (std::size_t i = 0; i < a.wedges.size(); ++i) {
        if (a.wedges[i].leverId != b.wedges[i].leverId || a.wedges[i].contribution != b.wedges[i].contribution)
            return false;
    }
    return true;
}

/** Waits for the analysis the last change started to arrive. */
bool waitForAnalysis(SensitivityController &analysis)
{
    return QTest::qWaitFor([&analysis] { return !analysis.isBusy(); }, 10000);
}
} // namespace

class TestAnalysisPages : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const AppContext> m_context;

private Q_SLOTS:
    void initTestCase()
    {
        auto context = AppContext::open();
        QVERIFY2(context.ok(), qPrintable(context.message()));
        m_context = context.value();
    }

    void sensitivityShowsCoreAnalysis_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<int>("output");
        for (const char *preset : {"baseline", "full_embargo", "big_fund_3_doubled"}) {
            for (int output = 0; output < HeadlineModel::headlines().size(); ++output)
                QTest::addRow("%s, headline %d", preset, output) << QString::fromLatin1(preset) << output;
        }
    }

    void sensitivityShowsCoreAnalysis()
    {
        QFETCH(QString, preset);
        QFETCH(int, output);
        ScenarioController controller(m_context);
        QVERIFY(controller.loadPreset(preset));
        SensitivityController analysis;
        QSignalSpy results(&analysis, &SensitivityController::resultsChanged);
        analysis.setOutputIndex(output);
        analysis.setController(&controller);
        QVERIFY(analysis.isBusy());
        QVERIFY(BackgroundWork::instance().busy());
        QVERIFY(waitForAnalysis(analysis));
        QCOMPARE(results.count(), 1);
        QVERIFY(!BackgroundWork::instance().busy());
        QVERIFY2(analysis.error().isEmpty(), qPrintable(analysis.error()));

        const OutputRef ref = SensitivityController::outputOf(output);
        const auto bars = tornado(controller.engine(), controller.scenario(), ref);
        const auto change = changeFromBaseline(controller.engine(), controller.scenario(), ref);
        const auto policies = wedges(controller.engine(), controller.scenario(), ref);
        QVERIFY(bars && change && policies);
        QVERIFY(sameBars(analysis.tornadoBars(), bars.value()));
        QVERIFY(sameWedges(analysis.changeFromBaselineResult(), change.value()));
        QVERIFY(sameWedges(analysis.policyWedgesResult(), policies.value()));

        // What the page shows: the scenario's value as the dashboard shows it, the top bars with labels and ranges.
        const QModelIndex headline = controller.headlines()->index(output);
        QCOMPARE(analysis.valueText(), headline.data(HeadlineModel::ValueTextRole).toString());
        const QVariantList shown = analysis.bars();
        QVERIFY(!shown.isEmpty());
        QVERIFY(shown.size() <= analysis.topCount());
        for (int i = 0; i < shown.size(); ++i) {
            const QVariantMap bar = shown[i].toMap();
            QCOMPARE(bar.value(QStringLiteral("id")).toString(), bars->at(static_cast<std::size_t>(i)).id);
            QVERIFY(!bar.value(QStringLiteral("label")).toString().isEmpty());
            QVERIFY(!bar.value(QStringLiteral("lowInputText")).toString().isEmpty());
            QVERIFY(!bar.value(QStringLiteral("sourceId")).toString().isEmpty());
            const double low = bar.value(QStringLiteral("outputAtLow")).toDouble();
            const double high = bar.value(QStringLiteral("outputAtHigh")).toDouble();
            QVERIFY(analysis.barMinimum() <= std::min(low, high));
            QVERIFY(analysis.barMaximum() >= std::max(low, high));
        }
        // The change waterfall adds up to the scenario, from the baseline.
        const QVariantList steps = analysis.changeWedges();
        QCOMPARE(steps.size(), static_cast<qsizetype>(change->wedges.size()));
        if (!steps.isEmpty())
            QCOMPARE(steps.last().toMap().value(QStringLiteral("to")).toDouble(), analysis.value());
        QCOMPARE(steps.isEmpty(), controller.changedLeverCount() == 0);
    }

    void topCountLimitsTheBars()
    {
        ScenarioController controller(m_context);
        SensitivityController analysis;
        analysis.setController(&controller);
        QVERIFY(waitForAnalysis(analysis));
        QSignalSpy results(&analysis, &SensitivityController::resultsChanged);
        analysis.setTopCount(3);
        QCOMPARE(results.count(), 1);
        QCOMPARE(analysis.bars().size(), qsizetype(3));
        QVERIFY(!analysis.isBusy()); // the same analysis, shown shorter: nothing to recompute
    }

    void scenarioChangeRecomputes()
    {
        ScenarioController controller(m_context);
        SensitivityController analysis;
        analysis.setController(&controller);
        QVERIFY(waitForAnalysis(analysis));
        QVERIFY(analysis.changeWedges().isEmpty());
        QSignalSpy results(&analysis, &SensitivityController::resultsChanged);
        QVERIFY(controller.setLever(bigFund, 3.0));
        QVERIFY(analysis.isBusy());
        QVERIFY(waitForAnalysis(analysis));
        QCOMPARE(results.count(), 1);
        const QVariantList steps = analysis.changeWedges();
        QCOMPARE(steps.size(), qsizetype(1));
        QCOMPARE(steps.first().toMap().value(QStringLiteral("id")).toString(), bigFund);
    }

    void staleResultIsDropped()
    {
        ScenarioController controller(m_context);
        SensitivityController analysis;
        analysis.setController(&controller);
        QVERIFY(waitForAnalysis(analysis));
        const int revision = analysis.revision();
        QSignalSpy results(&analysis, &SensitivityController::resultsChanged);
        QSignalSpy busy(&analysis, &SensitivityController::busyChanged);

        // Two changes before the first analysis can finish: only the second scenario's result is ever shown.
        QVERIFY(controller.setLever(chipControl, 0.0));
        QVERIFY(controller.setLever(bigFund, 2.0));
        QVERIFY(waitForAnalysis(analysis));
        QCOMPARE(results.count(), 1);
        QCOMPARE(analysis.revision(), revision + 1);
        QCOMPARE(busy.count(), 2); // on once, off once: the indicator does not flicker between the two jobs

        const OutputRef ref = SensitivityController::outputOf(0);
        const auto bars = tornado(controller.engine(), controller.scenario(), ref);
        const auto change = changeFromBaseline(controller.engine(), controller.scenario(), ref);
        QVERIFY(bars && change);
        QVERIFY(sameBars(analysis.tornadoBars(), bars.value()));
        QVERIFY(sameWedges(analysis.changeFromBaselineResult(), change.value()));
        QCOMPARE(analysis.changeWedges().size(), qsizetype(2));
    }

    void hiddenPageWaitsUntilShown()
    {
        ScenarioController controller(m_context);
        SensitivityController analysis;
        analysis.setController(&controller);
        QVERIFY(waitForAnalysis(analysis));
        analysis.setActive(false);
        const int revision = analysis.revision();
        QVERIFY(controller.setLever(bigFund, 3.0));
        QVERIFY(!analysis.isBusy());
        QCOMPARE(analysis.revision(), revision);
        analysis.setActive(true);
        QVERIFY(analysis.isBusy());
        QVERIFY(waitForAnalysis(analysis));
        QCOMPARE(analysis.revision(), revision + 1);
        QCOMPARE(analysis.changeWedges().size(), qsizetype(1));
    }

    void destroyedWhileComputing()
    {
        ScenarioController controller(m_context);
        {
            SensitivityController analysis;
            analysis.setController(&controller);
            QVERIFY(analysis.isBusy());
        } // waits for its job; nothing arrives at a deleted object
        QVERIFY(!BackgroundWork::instance().busy());
        QTest::qWait(10);
    }

    void calibrationShowsTheReport()
    {
        ScenarioController controller(m_context);
        CalibrationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &CalibrationModel::reportChanged);
        model.setController(&controller);
        QCOMPARE(changed.count(), 1);
        QVERIFY2(model.error().isEmpty(), qPrintable(model.error()));

        const auto report = calibrate(controller.engine(), m_context->knowledgeBase());
        QVERIFY(report);
        QCOMPARE(model.rowCount(), static_cast<int>(report->points.size()));
        QCOMPARE(model.outOfSampleCount(), report->outOfSampleCount);
        QCOMPARE(model.skippedCount(), report->skipped);
        // The figures `techrace calibrate` prints, with the same rounding.
        QCOMPARE(model.mapeAllText(), QString::number(report->mapeAll, 'f', 1) + QLatin1Char('%'));
        QCOMPARE(model.mapeOutOfSampleText(), QString::number(report->mapeOutOfSample, 'f', 1) + QLatin1Char('%'));

        int fitted = 0;
        for (int row = 0; row < model.rowCount(); ++row) {
            const CalibrationPoint &p = report->points.at(static_cast<std::size_t>(row));
            const QModelIndex index = model.index(row);
            QCOMPARE(index.data(CalibrationModel::SeriesRole).toString(), p.series);
            QCOMPARE(index.data(CalibrationModel::YearRole).toInt(), p.year);
            QCOMPARE(index.data(CalibrationModel::ObservedRole).toDouble(), p.observed);
            QCOMPARE(index.data(CalibrationModel::ModelRole).toDouble(), p.model);
            QCOMPARE(index.data(CalibrationModel::SourceIdRole).toString(), p.sourceId);
            QCOMPARE(index.data(CalibrationModel::SampleTextRole).toString(),
                     p.fitted ? QStringLiteral("in sample") : QStringLiteral("out of sample"));
            if (p.observed != 0)
                QCOMPARE(index.data(CalibrationModel::ErrorTextRole).toString().remove(QLatin1Char('+')),
                         QString::number(100 * p.error() / p.observed, 'f', 1) + QLatin1Char('%'));
            fitted += p.fitted ? 1 : 0;
        }

        QScatterSeries inSample;
        QScatterSeries outOfSample;
        QLineSeries identity;
        model.fillScatter(&inSample, &outOfSample, &identity);
        QCOMPARE(inSample.count() + outOfSample.count(), model.rowCount() - model.unplottedCount());
        QVERIFY(inSample.count() <= fitted);
        QCOMPARE(identity.count(), 2);
        QCOMPARE(identity.at(0), QPointF(model.scatterMinimum(), model.scatterMinimum()));
        for (const QPointF &p : inSample.points() + outOfSample.points()) {
            QVERIFY(p.x() >= model.scatterMinimum() && p.x() <= model.scatterMaximum());
            QVERIFY(p.y() >= model.scatterMinimum() && p.y() <= model.scatterMaximum());
        }
        // A hovered dot finds its row.
        const QPointF dot = outOfSample.at(0);
        const int row = model.rowNear(dot.x(), dot.y());
        QVERIFY(row >= 0);
        QCOMPARE(std::log10(model.index(row).data(CalibrationModel::ObservedRole).toDouble()), dot.x());
    }
};

QTEST_MAIN(TestAnalysisPages)
#include "tst_analysispages.moc"
