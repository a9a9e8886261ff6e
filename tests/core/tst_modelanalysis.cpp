#include "model/analysis.h"
#include "model/calculators.h"
#include "model/calibration.h"
#include "modelfixture.h"

#include <QTest>

#include <cmath>

using namespace techrace;
using techrace::test::engine;
using techrace::test::scenarioWith;

namespace {

const OutputRef chinaSelfSufficiency2030 {QStringLiteral("self_sufficiency"), QStringLiteral("CN"), {}, {}, 2030};

bool sameNumbers(const std::vector<double> &a, const std::vector<double> &b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i]))))
            return false;
    }
    return true;
}

std::vector<double> quantileValues(const Results &r, int q)
{
    return {r.quantile(q, 0), r.quantile(q, 0) + r.values().size()};
}

} // namespace

/** Uncertainty, tornado, goal seek, wedges, calibration and seed 001's calculators. */
class TestModelAnalysis : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void uncertaintyIsDeterministicForASeed_data()
    {
        QTest::addColumn<int>("threadsA");
        QTest::addColumn<int>("threadsB");
        QTest::newRow("same threads") << 2 << 2;
        QTest::newRow("1 vs 2 threads") << 1 << 2;
        QTest::newRow("2 vs 3 threads") << 2 << 3;
    }
    void uncertaintyIsDeterministicForASeed()
    {
        QFETCH(int, threadsA);
        QFETCH(int, threadsB);
        const Scenario scenario = scenarioWith({{"ai_chip_control", 1}});
        const auto a = Uncertainty::run(engine(), scenario, 40, 99, threadsA);
        const auto b = Uncertainty::run(engine(), scenario, 40, 99, threadsB);
        QVERIFY(a.ok() && b.ok());
        for (int q = 0; q < 3; ++q)
            QVERIFY(sameNumbers(quantileValues(a.value(), q), quantileValues(b.value(), q)));
        QCOMPARE(a->toCsv(), b->toCsv());
    }

    void anotherSeedGivesOtherBands()
    {
        const auto a = Uncertainty::run(engine(), Scenario(), 40, 1, 2);
        const auto b = Uncertainty::run(engine(), Scenario(), 40, 2, 2);
        QVERIFY(!sameNumbers(quantileValues(a.value(), 1), quantileValues(b.value(), 1)));
        QVERIFY(a->values() == b->values()); // the central run does not depend on the seed
    }

    void bandsAreOrderedAndHoldTheCentralRunMostly()
    {
        const auto r = Uncertainty::run(engine(), Scenario(), 200, 7, 2);
        QVERIFY(r.ok());
        const std::size_t n = r->values().size();
        for (std::size_t i = 0; i < n; ++i) {
            QVERIFY(r->quantile(0, 0)[i] <= r->quantile(1, 0)[i]);
            QVERIFY(r->quantile(1, 0)[i] <= r->quantile(2, 0)[i]);
        }
        const auto series = findSeries(engine(), chinaSelfSufficiency2030);
        const double p10 = r->quantile(0, series.value())[2030 - 2015];
        const double p90 = r->quantile(2, series.value())[2030 - 2015];
        QVERIFY(p10 < p90);
    }

    void bandsForChosenSeriesOnly()
    {
        const int series = findSeries(engine(), chinaSelfSufficiency2030).value();
        const auto subset = Uncertainty::run(engine(), Scenario(), 50, 5, 2, {series});
        const auto all = Uncertainty::run(engine(), Scenario(), 50, 5, 2);
        for (int y = 0; y < 26; ++y)
            QCOMPARE(subset->quantile(1, series)[y], all->quantile(1, series)[y]);
        QVERIFY(std::isnan(subset->quantile(1, 0)[0]));
    }

    void rejectsBadDrawCounts()
    {
        QVERIFY(!Uncertainty::run(engine(), Scenario(), 1, 1).ok());
        QVERIFY(!Uncertainty::run(engine(), Scenario(), Uncertainty::maxDraws + 1, 1).ok());
    }

    void tornadoIsSortedAndCoversLeversAndParameters()
    {
        const auto bars = tornado(engine(), Scenario(), chinaSelfSufficiency2030);
        QVERIFY(bars.ok());
        QVERIFY(bars->size() > static_cast<std::size_t>(engine().levers().size()));
        for (std::size_t i = 1; i < bars->size(); ++i)
            QVERIFY(std::abs(bars.value()[i - 1].swing()) >= std::abs(bars.value()[i].swing()));
        const auto bigFund = std::find_if(bars->begin(), bars->end(),
                                          [](const TornadoBar &b) { return b.id == "subsidy.cn_big_fund_3"; });
        QVERIFY(bigFund != bars->end());
        QVERIFY(bigFund->isLever);
        QVERIFY(bigFund->swing() > 0); // more Big Fund, more self-sufficiency
    }

    void goalSeekReachesAReachableTarget()
    {
        const Results base = engine().baseline();
        const double now = *base.value("self_sufficiency", "CN", {}, {}, 2030);
        const auto r = goalSeek(engine(), Scenario(), "subsidy.cn_big_fund_3", chinaSelfSufficiency2030, now + 0.02);
        QVERIFY(r.ok());
        QVERIFY(r->reached);
        QVERIFY(r->leverValue > 1);
        QVERIFY(std::abs(r->output - (now + 0.02)) < 1e-6);
    }

    void goalSeekReportsTheClosestWhenUnreachable()
    {
        const auto r = goalSeek(engine(), Scenario(), "subsidy.cn_big_fund_3", chinaSelfSufficiency2030, 0.99);
        QVERIFY(r.ok());
        QVERIFY(!r->reached);
        QCOMPARE(r->leverValue, 3.0); // the top of the range comes closest
        QVERIFY(!goalSeek(engine(), Scenario(), "no_such_lever", chinaSelfSufficiency2030, 1).ok());
    }

    void wedgesSumToTheChange()
    {
        const auto w = wedges(engine(), Scenario(), chinaSelfSufficiency2030);
        QVERIFY(w.ok());
        double sum = w->noPolicyOutput;
        for (const Wedge &wedge : w->wedges)
            sum += wedge.contribution;
        QVERIFY(std::abs(sum - w->scenarioOutput) < 1e-12);
    }

    void changeFromBaselineSumsToTheChange()
    {
        const Scenario scenario = scenarioWith({{"subsidy.cn_big_fund_3", 2}, {"ai_chip_control", 1}});
        const auto w = changeFromBaseline(engine(), scenario, chinaSelfSufficiency2030);
        QVERIFY(w.ok());
        QCOMPARE(w->wedges.size(), std::size_t(2));
        QCOMPARE(w->noPolicyOutput, *engine().baseline().value("self_sufficiency", "CN", {}, {}, 2030));
        QVERIFY(std::abs(w->noPolicyOutput + w->wedges[0].contribution + w->wedges[1].contribution -
                         w->scenarioOutput) < 1e-12);
    }

    void removingAProgrammeRemovesItsWedge()
    {
        const auto hasWedge = [](const WedgeResult &w, const char *id) {
            return std::any_of(w.wedges.begin(), w.wedges.end(), [id](const Wedge &x) { return x.leverId == id; });
        };
        const auto with = wedges(engine(), Scenario(), chinaSelfSufficiency2030);
        const auto without = wedges(engine(), scenarioWith({{"subsidy.cn_big_fund_3", 0}}), chinaSelfSufficiency2030);
        QVERIFY(hasWedge(with.value(), "subsidy.cn_big_fund_3"));
        const auto bigFund = std::find_if(with->wedges.begin(), with->wedges.end(),
                                          [](const Wedge &x) { return x.leverId == "subsidy.cn_big_fund_3"; });
        QVERIFY(bigFund->contribution > 0);
        QVERIFY(!hasWedge(without.value(), "subsidy.cn_big_fund_3"));
    }

    void calibrationComparesEveryMappedObservation()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        const auto report = calibrate(engine(), kb.value());
        QVERIFY2(report.ok(), qPrintable(report.message()));
        QVERIFY(report->points.size() >= 30);
        QVERIFY(report->outOfSampleCount > 0);
        QVERIFY(std::isfinite(report->mapeAll) && report->mapeAll > 0);
        // China's IC self-sufficiency 2021 (IC Insights 16.7%) is among them, with the model's value next to it.
        const auto it = std::find_if(report->points.begin(), report->points.end(), [](const CalibrationPoint &p) {
            return p.observationId == "cn_ic_made_in_china_2021";
        });
        QVERIFY(it != report->points.end());
        QCOMPARE(it->observed, 16.7);
        QCOMPARE(it->model, 100 * *engine().baseline().value("self_sufficiency", "CN", {}, {}, 2021));
        QVERIFY(report->toCsv().startsWith("observation,series,region"));
    }

    void fabAllocationAsSeed001Computes()
    {
        const FabAllocation a = allocateAiWafers(seedExampleFabs());
        // 50,000×0.35 + 30,000×0.25 + 20,000×0.20 + 10,000×0.60 = 35,000; Rapidus 6,000 / 35,000.
        QCOMPARE(a.totalAiWafers, 35000.0);
        QCOMPARE(a.shareOfAi[3], 6000.0 / 35000.0);
        QCOMPARE(allocateAiWafers({}).totalAiWafers, 0.0);
    }

    void inferenceEconomicsAsSeed001Computes_data()
    {
        QTest::addColumn<double>("tdp");
        QTest::addColumn<double>("tokensPerSecond");
        QTest::addColumn<double>("tokensPerJoule");
        QTest::addColumn<double>("usdPerMillion");
        // Seed 001's two illustrative chips at $0.10 per kWh.
        QTest::newRow("current gen, 4nm") << 300.0 << 5000.0 << 5000.0 / 300 << 300.0 / 5000 * 1e6 / 3.6e6 * 0.10;
        QTest::newRow("Fujitsu NPU, 1.4nm") << 150.0 << 12000.0 << 80.0 << 150.0 / 12000 * 1e6 / 3.6e6 * 0.10;
        QTest::newRow("no throughput") << 150.0 << 0.0 << 0.0 << 0.0;
    }
    void inferenceEconomicsAsSeed001Computes()
    {
        QFETCH(double, tdp);
        QFETCH(double, tokensPerSecond);
        QFETCH(double, tokensPerJoule);
        QFETCH(double, usdPerMillion);
        const InferenceEconomics e = inferenceEconomics(tdp, tokensPerSecond);
        QCOMPARE(e.tokensPerJoule, tokensPerJoule);
        QCOMPARE(e.costPerMillionTokensUsd + 1, usdPerMillion + 1);
    }
};

QTEST_GUILESS_MAIN(TestModelAnalysis)
#include "tst_modelanalysis.moc"
