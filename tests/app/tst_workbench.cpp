// The scenario workbench's controller and models: levers, undo/redo, presets, files, autosave and crash recovery,
// the charts' data and the dashboard's headlines.
#include "appcontext.h"
#include "fundingcontroller.h"
#include "workbench/chartdata.h"
#include "workbench/headlinemodel.h"
#include "workbench/leversmodel.h"
#include "workbench/scenariocontroller.h"

#include "model/analysis.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QLineSeries>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace techrace;

namespace {
const QString chipControl = QStringLiteral("ai_chip_control");
const QString bigFund = QStringLiteral("subsidy.cn_big_fund_3");
} // namespace

class TestWorkbench : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const AppContext> m_context;

    static QUrl dataFile(const char *name)
    {
        return QUrl::fromLocalFile(QStringLiteral(TESTS_DATA_DIR "/scenarios/") + QString::fromLatin1(name));
    }

    static void clearSession()
    {
        QFile::remove(ScenarioController::autosavePath());
        QFile::remove(ScenarioController::uncleanMarkerPath());
        QSettings().clear();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TechRaceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_workbench"));
        auto context = AppContext::open();
        QVERIFY2(context.ok(), qPrintable(context.message()));
        m_context = context.value();
    }

    void init() { clearSession(); }
    void cleanupTestCase() { clearSession(); }

    void startsAtBaseline()
    {
        ScenarioController controller(m_context);
        QVERIFY(!controller.isModified());
        QVERIFY(!controller.canUndo());
        QCOMPARE(controller.changedLeverCount(), 0);
        QCOMPARE(controller.displayName(), QStringLiteral("Untitled scenario"));
        QCOMPARE(controller.scenarioResults().values(), controller.baselineResults().values());
        QVERIFY(controller.presets().size() >= 9);
    }

    void leverChangeRecomputesAndUndoRestores()
    {
        ScenarioController controller(m_context);
        QSignalSpy results(&controller, &ScenarioController::resultsChanged);
        QSignalSpy modified(&controller, &ScenarioController::modifiedChanged);
        const auto before = controller.scenarioResults().values();

        QVERIFY(controller.setLever(chipControl, 0.0));
        QCOMPARE(results.count(), 1);
        QCOMPARE(modified.count(), 1);
        QVERIFY(controller.isModified());
        QCOMPARE(controller.leverValue(chipControl), 0.0);
        QVERIFY(controller.scenarioResults().values() != before);
        QVERIFY(controller.undoText().contains(QStringLiteral("AI-chip export control")));

        controller.undo();
        QCOMPARE(controller.scenarioResults().values(), before);
        QVERIFY(!controller.isModified());
        QVERIFY(controller.canRedo());
        controller.redo();
        QCOMPARE(controller.leverValue(chipControl), 0.0);
    }

    void dragIsOneUndoStep()
    {
        ScenarioController controller(m_context);
        const double baseline = controller.leverValue(chipControl);
        for (double v : {0.5, 0.4, 0.3, 0.2})
            QVERIFY(controller.dragLever(chipControl, v));
        controller.finishDrag();
        QVERIFY(controller.dragLever(chipControl, 0.1));
        controller.finishDrag();
        controller.undo();
        QCOMPARE(controller.leverValue(chipControl), 0.2);
        controller.undo();
        QCOMPARE(controller.leverValue(chipControl), baseline);
        QVERIFY(!controller.canUndo());
    }

    void badLeverValuesAreReported_data()
    {
        QTest::addColumn<QString>("lever");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("messagePart");
        QTest::newRow("unknown lever") << QStringLiteral("warp_drive") << 1.0 << QStringLiteral("warp_drive");
        QTest::newRow("above range") << chipControl << 7.0 << QStringLiteral("AI-chip export control");
    }

    void badLeverValuesAreReported()
    {
        QFETCH(QString, lever);
        QFETCH(double, value);
        QFETCH(QString, messagePart);
        ScenarioController controller(m_context);
        QSignalSpy errors(&controller, &ScenarioController::errorOccurred);
        QVERIFY(!controller.setLever(lever, value));
        QCOMPARE(errors.count(), 1);
        QVERIFY2(controller.lastError().contains(messagePart), qPrintable(controller.lastError()));
        QVERIFY(!controller.isModified());
    }

    void resetAllIsOneStep()
    {
        ScenarioController controller(m_context);
        QVERIFY(controller.loadPreset(QStringLiteral("full_embargo")));
        QVERIFY(controller.changedLeverCount() > 1);
        controller.resetAll();
        QCOMPARE(controller.changedLeverCount(), 0);
        controller.undo();
        QVERIFY(controller.changedLeverCount() > 1);
    }

    void badFilesNameTheField_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown lever") << QStringLiteral("unknown_lever.json") << QStringLiteral("warp_drive");
        QTest::newRow("out of range") << QStringLiteral("out_of_range.json") << QStringLiteral("cn_big_fund_3");
        QTest::newRow("wrong version") << QStringLiteral("wrong_version.json") << QStringLiteral("version");
    }

    void badFilesNameTheField()
    {
        QFETCH(QString, file);
        QFETCH(QString, field);
        ScenarioController controller(m_context);
        controller.setLever(chipControl, 0.2);
        QSignalSpy errors(&controller, &ScenarioController::errorOccurred);
        QVERIFY(!controller.open(dataFile(file.toLatin1().constData())));
        QCOMPARE(errors.count(), 1);
        QVERIFY2(controller.lastError().contains(field), qPrintable(controller.lastError()));
        QVERIFY2(controller.lastError().contains(file), qPrintable(controller.lastError()));
        QCOMPARE(controller.leverValue(chipControl), 0.2); // nothing half-applied, nothing lost
    }

    void saveWithoutAFileAsksForOne()
    {
        ScenarioController controller(m_context);
        QSignalSpy errors(&controller, &ScenarioController::errorOccurred);
        QVERIFY(!controller.save());
        QCOMPARE(errors.count(), 1);
    }

    // Load a preset, move a lever, the chart's series change, undo restores them, save, reopen: identical.
    void endToEnd()
    {
        QTemporaryDir dir;
        ScenarioController controller(m_context, ScenarioController::Session::Persistent);
        QVERIFY(controller.loadPreset(QStringLiteral("big_fund_3_doubled")));
        QCOMPARE(controller.name(), QStringLiteral("Big Fund III doubled"));
        QCOMPARE(controller.leverValue(bigFund), 2.0);
        QVERIFY(!controller.isModified());

        ChartData chart;
        chart.setController(&controller);
        chart.setMetric(QStringLiteral("self_sufficiency"));
        chart.setRegions({QStringLiteral("CN"), QStringLiteral("US")});
        QCOMPARE(chart.lineCount(), 2);
        QSignalSpy values(&chart, &ChartData::valuesChanged);
        QLineSeries series;
        QVERIFY(chart.fill(0, &series, false));
        const QList<QPointF> presetPoints = series.points();
        QCOMPARE(presetPoints.size(), 26);

        QVERIFY(controller.setLever(bigFund, 3.0));
        QCOMPARE(values.count(), 1);
        chart.fill(0, &series, false);
        QVERIFY(series.points() != presetPoints);
        QCOMPARE(chart.points(0, true), chart.points(0, true)); // the baseline never moves

        controller.undo();
        chart.fill(0, &series, false);
        QCOMPARE(series.points(), presetPoints);

        controller.redo();
        const QString path = dir.filePath(QStringLiteral("mine.techrace.json"));
        QVERIFY(controller.saveAs(QUrl::fromLocalFile(path)));
        QVERIFY(!controller.isModified());
        QCOMPARE(controller.displayName(), QStringLiteral("mine.techrace.json"));
        QCOMPARE(controller.recentFiles().value(0), path);
        const Scenario saved = controller.scenario();
        const auto savedResults = controller.scenarioResults().values();

        ScenarioController reopened(m_context);
        QVERIFY(reopened.open(QUrl::fromLocalFile(path)));
        QVERIFY(reopened.scenario() == saved);
        QCOMPARE(reopened.scenarioResults().values(), savedResults);
        QVERIFY(!reopened.isModified());
    }

    void restoresAfterACrash()
    {
        QTemporaryDir dir;
        {
            // A session that "crashes": it autosaves, then its marker is left behind.
            ScenarioController crashed(m_context, ScenarioController::Session::Persistent);
            QVERIFY(!crashed.restoreAvailable());
            QVERIFY(crashed.setLever(chipControl, 0.25));
            crashed.writeAutosave();
            QVERIFY(QFile::exists(ScenarioController::autosavePath()));
            QFile::copy(ScenarioController::autosavePath(), dir.filePath(QStringLiteral("autosave")));
        }
        // The destructor is a clean exit; put back what an unclean one leaves.
        QFile::copy(dir.filePath(QStringLiteral("autosave")), ScenarioController::autosavePath());
        QFile marker(ScenarioController::uncleanMarkerPath());
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();

        ScenarioController next(m_context, ScenarioController::Session::Persistent);
        QVERIFY(next.restoreAvailable());
        QCOMPARE(next.leverValue(chipControl), 0.76);
        QSignalSpy restore(&next, &ScenarioController::restoreAvailableChanged);
        next.restoreAutosave();
        QCOMPARE(restore.count(), 1);
        QVERIFY(!next.restoreAvailable());
        QCOMPARE(next.leverValue(chipControl), 0.25);
        QVERIFY(next.isModified()); // restored work is unsaved work
    }

    void unansweredRestoreIsOfferedAgain()
    {
        {
            ScenarioController crashed(m_context, ScenarioController::Session::Persistent);
            QVERIFY(crashed.setLever(chipControl, 0.25));
            crashed.writeAutosave();
            QFile::copy(ScenarioController::autosavePath(),
                        ScenarioController::autosavePath() + QStringLiteral(".kept"));
        }
        QFile::rename(ScenarioController::autosavePath() + QStringLiteral(".kept"), ScenarioController::autosavePath());
        QFile marker(ScenarioController::uncleanMarkerPath());
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        {
            ScenarioController ignored(m_context, ScenarioController::Session::Persistent);
            QVERIFY(ignored.restoreAvailable());
        } // closed without answering
        ScenarioController next(m_context, ScenarioController::Session::Persistent);
        QVERIFY(next.restoreAvailable());
        next.restoreAutosave();
        QCOMPARE(next.leverValue(chipControl), 0.25);
    }

    void cleanExitLeavesNothingToRestore()
    {
        {
            ScenarioController session(m_context, ScenarioController::Session::Persistent);
            QVERIFY(session.setLever(chipControl, 0.25));
            session.writeAutosave();
        }
        ScenarioController next(m_context, ScenarioController::Session::Persistent);
        QVERIFY(!next.restoreAvailable());
        QCOMPARE(next.leverValue(chipControl), 0.76);
    }

    void comparesTwoScenarios()
    {
        ScenarioController controller(m_context);
        ChartData chart;
        chart.setController(&controller);
        chart.setRegions({QStringLiteral("CN")});
        QVERIFY(chart.comparisonPoints(0).isEmpty());
        QSignalSpy comparison(&controller, &ScenarioController::comparisonChanged);
        QSignalSpy values(&chart, &ChartData::valuesChanged);

        QVERIFY(controller.compareWithPreset(QStringLiteral("big_fund_3_doubled")));
        QCOMPARE(comparison.count(), 1);
        QCOMPARE(values.count(), 1);
        QVERIFY(controller.comparing());
        QCOMPARE(controller.comparisonName(), QStringLiteral("Big Fund III doubled"));
        QCOMPARE(chart.comparisonPoints(0).size(), 26);
        QVERIFY(chart.comparisonPoints(0) != chart.points(0, false));
        QVariantList differ = controller.differingLevers();
        QCOMPARE(differ.size(), 1);
        QCOMPARE(differ.first().toMap().value(QStringLiteral("id")).toString(), bigFund);
        QCOMPARE(differ.first().toMap().value(QStringLiteral("other")).toString(), QStringLiteral("2.00×"));

        // Moving the same lever to the same value: the two scenarios agree.
        controller.setLever(bigFund, 2.0);
        QVERIFY(controller.differingLevers().isEmpty());
        QCOMPARE(chart.comparisonPoints(0), chart.points(0, false));

        controller.stopComparing();
        QVERIFY(!controller.comparing());
        QVERIFY(chart.comparisonPoints(0).isEmpty());
        QVERIFY(!controller.compareWithFile(dataFile("unknown_lever.json")));
        QVERIFY(!controller.comparing());
    }

    void leversModel()
    {
        ScenarioController controller(m_context);
        LeversModel *model = controller.levers();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), static_cast<int>(controller.engine().levers().size()));
        // Grouped in panel order: every group's rows are contiguous and the groups come in enum order.
        QStringList groups;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString group = model->index(row).data(LeversModel::GroupIdRole).toString();
            if (groups.isEmpty() || groups.last() != group) {
                QVERIFY2(!groups.contains(group), qPrintable(group));
                groups.append(group);
            }
        }
        QCOMPARE(groups.first(), QStringLiteral("subsidies"));
        QCOMPARE(groups.last(), QStringLiteral("assumptions"));

        const QModelIndex chip = model->index(model->rowOf(chipControl));
        QCOMPARE(chip.data(LeversModel::ValueTextRole).toString(), QStringLiteral("76%"));
        QCOMPARE(chip.data(LeversModel::GroupRole).toString(), QStringLiteral("Export controls"));
        QVERIFY(!chip.data(LeversModel::ChangedRole).toBool());
        QVERIFY(!chip.data(LeversModel::SourcesRole).toStringList().isEmpty());

        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        controller.setLever(chipControl, 0.5);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).toModelIndex(), chip);
        QCOMPARE(chip.data(LeversModel::ValueTextRole).toString(), QStringLiteral("50%"));
        QVERIFY(chip.data(LeversModel::ChangedRole).toBool());

        const QModelIndex year = model->index(model->rowOf(QStringLiteral("taiwan_year")));
        QCOMPARE(year.data(LeversModel::ValueTextRole).toString(), QStringLiteral("2030"));
        QCOMPARE(year.data(LeversModel::StepRole).toDouble(), 1.0);
    }

    void headlineModel()
    {
        ScenarioController controller(m_context);
        HeadlineModel *model = controller.headlines();
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model->rowCount(), 4);
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex index = model->index(row);
            QVERIFY2(index.data(HeadlineModel::AvailableRole).toBool(),
                     qPrintable(index.data(HeadlineModel::TitleRole).toString()));
            QCOMPARE(index.data(HeadlineModel::SparklineRole).toList().size(), 26);
            QCOMPARE(index.data(HeadlineModel::DeltaTextRole).toString(), QStringLiteral("as baseline"));
        }
        const QModelIndex computeShare = model->index(2);
        QCOMPARE(computeShare.data(HeadlineModel::YearRole).toInt(), 2030);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        controller.setLever(chipControl, 0.0); // no export controls: China buys more AI compute
        QCOMPARE(changed.count(), 1);
        QVERIFY(computeShare.data(HeadlineModel::DeltaRole).toDouble() > 0);
        QVERIFY(computeShare.data(HeadlineModel::DeltaTextRole).toString().startsWith(u'+'));
        QVERIFY(computeShare.data(HeadlineModel::DeltaTextRole).toString().endsWith(QStringLiteral(" pp")));
    }

    void chartDataLinesAndTargets()
    {
        ScenarioController controller(m_context);
        ChartData chart;
        QSignalSpy lines(&chart, &ChartData::linesChanged);
        chart.setController(&controller);
        chart.setMetric(QStringLiteral("self_sufficiency"));
        chart.setRegions({QStringLiteral("CN"), QStringLiteral("ATLANTIS"), QStringLiteral("TW")});
        QCOMPARE(chart.lineCount(), 2);
        QCOMPARE(chart.lineRegion(1), QStringLiteral("TW"));
        QCOMPARE(chart.unit(), QStringLiteral("%"));
        QVERIFY(chart.maximum() > 0);
        QVERIFY(lines.count() >= 2);
        // Made in China 2025: 70% by 2025, as a marker on China's self-sufficiency.
        bool mic2025 = false;
        for (const QVariant &target : chart.targets()) {
            const QVariantMap map = target.toMap();
            if (map.value(QStringLiteral("year")).toInt() == 2025 &&
                map.value(QStringLiteral("value")).toDouble() == 70)
                mic2025 = true;
        }
        QVERIFY(mic2025);
        QLineSeries lower, upper;
        QVERIFY(!chart.hasBand());
        QVERIFY(!chart.fillBand(0, &lower, &upper)); // the band comes after the debounce, not at once
        QCOMPARE(lower.count(), 0);

        chart.setMetric(QStringLiteral("capacity_share"));
        chart.setSegment(QStringLiteral("leading_logic"));
        QCOMPARE(chart.lineCount(), 2);
        QVERIFY(chart.title().contains(QStringLiteral("Leading-edge logic")));
    }

    /** The band of (CN, TW) self-sufficiency for the controller's scenario, computed directly with one thread. */
    static Results directBand(const ScenarioController &controller, const ChartData &chart)
    {
        const ModelEngine &engine = controller.engine();
        std::vector<int> series;
        for (const QString &region : {QStringLiteral("CN"), QStringLiteral("TW")})
            series.push_back(engine.layout()->find(*metricFromId(chart.metric()),
                                                   static_cast<int>(engine.regions().indexOf(region))));
        auto results = Uncertainty::run(engine, controller.scenario(), UncertaintyBands::draws,
                                        controller.scenario().seed, 1, series);
        return results ? results.value() : Results();
    }

    static QList<QPointF> bandEdge(const ChartData &chart, int line, bool upper)
    {
        QLineSeries low, high;
        if (!chart.fillBand(line, &low, &high))
            return {};
        return upper ? high.points() : low.points();
    }

    void bandAppearsAfterTheLeversRest()
    {
        ScenarioController controller(m_context);
        ChartData chart;
        QSignalSpy band(&chart, &ChartData::bandChanged);
        QSignalSpy settled(&chart, &ChartData::bandSettled);
        chart.setController(&controller);
        chart.setRegions({QStringLiteral("CN"), QStringLiteral("TW")});
        QVERIFY(!chart.hasBand());
        QVERIFY(chart.bandPending());
        QTRY_VERIFY_WITH_TIMEOUT(chart.hasBand(), 20000);
        QVERIFY(!chart.bandPending());
        QVERIFY(!chart.bandBusy());
        QCOMPARE(band.count(), 1);
        QVERIFY(settled.count() >= 1);

        const QList<QPointF> low = bandEdge(chart, 0, false);
        const QList<QPointF> high = bandEdge(chart, 0, true);
        QCOMPARE(low.size(), 26);
        QCOMPARE(high.size(), 26);
        bool wide = false;
        for (qsizetype i = 0; i < low.size(); ++i) {
            QVERIFY(low[i].y() <= high[i].y());
            wide = wide || high[i].y() > low[i].y();
        }
        QVERIFY2(wide, "uncertain parameters spread China's self-sufficiency");
        QVERIFY(chart.maximum() >= high.last().y());

        // Deterministic: the seeded draws give the band a direct one-thread run gives, in display units (percent).
        const Results direct = directBand(controller, chart);
        QVERIFY(direct.isValid());
        const int cn = controller.engine().layout()->find(
            Metric::SelfSufficiency, static_cast<int>(controller.engine().regions().indexOf(QStringLiteral("CN"))));
        for (int i = 0; i < 26; ++i) {
            QCOMPARE(low[i].y(), direct.quantile(0, cn)[i] * 100);
            QCOMPARE(high[i].y(), direct.quantile(2, cn)[i] * 100);
        }
    }

    void staleBandsAreDropped()
    {
        ScenarioController controller(m_context);
        ChartData chart;
        chart.setController(&controller);
        chart.setRegions({QStringLiteral("CN"), QStringLiteral("TW")});
        QTRY_VERIFY_WITH_TIMEOUT(chart.hasBand(), 20000);
        const QList<QPointF> before = bandEdge(chart, 0, true);

        QSignalSpy band(&chart, &ChartData::bandChanged);
        QVERIFY(controller.dragLever(bigFund, 2));
        QVERIFY2(!chart.hasBand(), "the band of the previous scenario is not shown with the new line");
        QCOMPARE(band.count(), 1);
        const int generation = chart.bands().generation();
        // A drag: each move supersedes the previous request before its debounce ends.
        for (double value : {2.2, 2.5, 3.0}) {
            QTest::qWait(50);
            QVERIFY(controller.dragLever(bigFund, value));
        }
        controller.finishDrag();
        QCOMPARE(chart.bands().generation(), generation + 3);
        QTRY_VERIFY_WITH_TIMEOUT(chart.hasBand(), 20000);
        QCOMPARE(band.count(), 2); // dropped once, shown once: no intermediate band
        const QList<QPointF> after = bandEdge(chart, 0, true);
        QVERIFY(after != before);
        const Results direct = directBand(controller, chart);
        const int cn = controller.engine().layout()->find(
            Metric::SelfSufficiency, static_cast<int>(controller.engine().regions().indexOf(QStringLiteral("CN"))));
        QCOMPARE(after.last().y(), direct.quantile(2, cn)[25] * 100);

        // A change while the band is being computed cancels it; only the newest scenario's band shows.
        QVERIFY(controller.setLever(bigFund, 1.5));
        QVERIFY(chart.bands().pending() && !chart.hasBand());
        QTest::qWait(UncertaintyBands::debounceMs + 20); // the debounce is over: the draws are under way
        QVERIFY(controller.setLever(bigFund, 1.0));
        QTRY_VERIFY_WITH_TIMEOUT(chart.hasBand(), 20000);
        QCOMPARE(bandEdge(chart, 0, true), before); // back at the baseline, the same band as at first
    }

    void hiddenChartsComputeNoBand()
    {
        ScenarioController controller(m_context);
        ChartData chart;
        chart.setActive(false);
        chart.setController(&controller);
        chart.setRegions({QStringLiteral("CN")});
        QVERIFY(!chart.bandPending());
        QTest::qWait(UncertaintyBands::debounceMs + 100);
        QVERIFY(!chart.hasBand());
        chart.setActive(true); // shown: the band follows after the debounce
        QVERIFY(chart.bandPending());
        QTRY_VERIFY_WITH_TIMEOUT(chart.hasBand(), 20000);
        chart.setActive(false);
        QVERIFY(!chart.hasBand());
    }

    void provenanceIsWhatExplainPrints_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("segment");
        QTest::addColumn<QString>("company");
        QTest::addColumn<int>("year");
        QTest::newRow("baseline CN self-sufficiency") << ""
                                                      << "self_sufficiency"
                                                      << "CN"
                                                      << ""
                                                      << "" << 2030;
        QTest::newRow("embargo CN compute share") << "full_embargo"
                                                  << "ai_compute_share"
                                                  << "CN"
                                                  << ""
                                                  << "" << 2032;
        QTest::newRow("world capacity") << ""
                                        << "capacity"
                                        << "WORLD"
                                        << ""
                                        << "" << 2035;
        QTest::newRow("a company") << ""
                                   << "market_share"
                                   << ""
                                   << "leading_logic"
                                   << "tsmc" << 2030;
    }

    void provenanceIsWhatExplainPrints()
    {
        QFETCH(QString, preset);
        QFETCH(QString, metric);
        QFETCH(QString, region);
        QFETCH(QString, segment);
        QFETCH(QString, company);
        QFETCH(int, year);
        ScenarioController controller(m_context);
        if (!preset.isEmpty())
            QVERIFY(controller.loadPreset(preset));
        ChartData chart;
        chart.setController(&controller);
        chart.setMetric(metric);
        chart.setSegment(segment);
        chart.setCompany(company);
        chart.setRegions({region});
        QCOMPARE(chart.lineCount(), 1);
        QSignalSpy changed(&chart, &ChartData::provenanceChanged);
        chart.requestProvenance(0, year);
        QVERIFY(chart.provenanceLoading());
        QTRY_VERIFY_WITH_TIMEOUT(!chart.provenanceLoading(), 20000);
        const QVariantMap provenance = chart.provenance();
        QVERIFY(!provenance.value(QStringLiteral("equation")).toString().isEmpty());
        QVERIFY(provenance.value(QStringLiteral("inputs")).toList().size() > 3);

        QStringList args {QStringLiteral("--no-user-db"), QStringLiteral("explain"), QStringLiteral("--metric"), metric,
                          QStringLiteral("--year"),       QString::number(year)};
        if (!preset.isEmpty())
            args << QStringLiteral("--preset") << preset;
        if (region != QLatin1String("WORLD") && company.isEmpty())
            args << QStringLiteral("--region") << region;
        if (!company.isEmpty())
            args << QStringLiteral("--region") << chart.lineRegion(0) << QStringLiteral("--company") << company;
        if (!segment.isEmpty())
            args << QStringLiteral("--segment") << segment;
        QProcess cli;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        cli.setProcessEnvironment(environment);
        cli.start(QStringLiteral(TECHRACE_BINARY), args);
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        QCOMPARE(provenance.value(QStringLiteral("text")).toString(), QString::fromUtf8(cli.readAllStandardOutput()));
    }

    void overviewFundingFollowsTheWorkbenchLever()
    {
        ScenarioController controller(m_context);
        FundingController funding(m_context);
        funding.followScenario(&controller);
        QCOMPARE(FundingController::leverId(), bigFund);
        QSignalSpy scale(&funding, &FundingController::scaleChanged);
        QVERIFY(controller.dragLever(bigFund, 2.5));
        QCOMPARE(funding.scale(), 2.5);
        controller.finishDrag();
        controller.undo();
        QCOMPARE(funding.scale(), 1.0);
        QVERIFY(controller.loadPreset(QStringLiteral("big_fund_3_doubled")));
        QCOMPARE(funding.scale(), controller.leverValue(bigFund));
        QVERIFY(funding.scale() > 1);
        QCOMPARE(scale.count(), 3);
    }

    void companyPickerAppliesToCompanySeries()
    {
        ScenarioController controller(m_context);
        ChartData chart;
        chart.setController(&controller);
        chart.setRegions({QStringLiteral("CN"), QStringLiteral("US")});
        QVERIFY(!chart.companyApplies()); // self-sufficiency is a region's
        chart.setMetric(QStringLiteral("market_share"));
        QVERIFY(!chart.companyApplies()); // companies' shares are per segment
        QSignalSpy choices(&chart, &ChartData::companyChoicesChanged);
        chart.setSegment(QStringLiteral("leading_logic"));
        QCOMPARE(choices.count(), 1);
        QVERIFY(chart.companyApplies());
        const QVariantList list = chart.companyChoices();
        QCOMPARE(list.first().toMap().value(QStringLiteral("id")).toString(), QString());
        QStringList ids;
        for (const QVariant &choice : list)
            ids.append(choice.toMap().value(QStringLiteral("id")).toString());
        QVERIFY2(ids.contains(QStringLiteral("tsmc")), qPrintable(ids.join(u',')));
        QCOMPARE(chart.lineCount(), 2);

        chart.setCompany(QStringLiteral("tsmc"));
        QCOMPARE(choices.count(), 1); // choosing a company keeps the choices
        QCOMPARE(chart.lineCount(), 1);
        QVERIFY(chart.lineName(0).contains(QStringLiteral("TSMC")));
        QCOMPARE(chart.lineRegion(0), QStringLiteral("TW"));
        const double share = chart.valueAt(0, 2030, false);
        QVERIFY(share > 0 && share <= 100);
        chart.setCompany({});
        QCOMPARE(chart.lineCount(), 2);
    }
};

QTEST_MAIN(TestWorkbench)
#include "tst_workbench.moc"
