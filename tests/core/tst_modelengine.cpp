#include "modelfixture.h"

#include <QTest>

#include <cmath>

using namespace techrace;
using techrace::test::engine;
using techrace::test::scenarioWith;
using techrace::test::valueOf;

namespace {

Results presetResults(const QString &id)
{
    auto scenario = Scenario::preset(id, engine().levers());
    if (!scenario)
        qFatal("%s", qPrintable(scenario.message()));
    return engine().run(scenario.value());
}

void addPresetRows()
{
    QTest::addColumn<QString>("preset");
    for (const QString &id : Scenario::presetIds())
        QTest::newRow(qPrintable(id)) << id;
}

double sumOverRegions(const Results &r, Metric metric, int segment, int year)
{
    double sum = 0;
    for (int region = 0; region < r.layout().regions().size(); ++region) {
        const int series = r.layout().find(metric, region, segment);
        if (series >= 0)
            sum += r.at(series, year);
    }
    return sum;
}

} // namespace

/** The model's invariants and mechanisms, checked on every preset (docs/MODEL.md states each equation). */
class TestModelEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outputsCoverEveryRegionAndYear_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("segment");
        for (const char *m : {"capacity", "capacity_share", "self_sufficiency", "ai_compute_h100e", "ai_compute_share",
                              "ai_compute_additions", "best_node_nm"})
            QTest::newRow(m) << m << "";
        for (const char *m : {"production", "consumption", "market_share", "market_share_cn"})
            QTest::newRow(m) << m << "mature_logic";
    }
    void outputsCoverEveryRegionAndYear()
    {
        QFETCH(QString, metric);
        QFETCH(QString, segment);
        const Results r = engine().baseline();
        for (const char *region : {"US", "CN", "TW", "KR", "JP", "EU", "IN", "CA", "ROW"}) {
            for (int year = 2015; year <= 2040; ++year)
                QVERIFY2(r.value(metric, region, segment, {}, year).has_value(),
                         qPrintable(QStringLiteral("%1 %2 %3").arg(metric, region).arg(year)));
        }
        QVERIFY(!r.value(metric, "CN", segment, {}, 2041).has_value());
        const int series = r.seriesIndex(metric, "CN", segment);
        QVERIFY(series >= 0);
        QCOMPARE(r.series(series)[2030 - 2015], *r.value(metric, "CN", segment, {}, 2030));
        QVERIFY(!r.value(metric, "XX", segment, {}, 2030).has_value());
    }

    void regionsAndSegmentsComeFromTheKnowledgeBase()
    {
        QCOMPARE(engine().regions(), QStringList({"US", "CN", "TW", "KR", "JP", "EU", "IN", "CA", "ROW"}));
        QVERIFY(engine().segments().contains("leading_logic"));
        QVERIFY(engine().companies().contains("tsmc"));
    }

    void everyLeverTracesToTheKnowledgeBase()
    {
        QVERIFY(engine().levers().size() > 20);
        for (const Lever &lever : engine().levers().levers()) {
            QVERIFY2(!lever.kbRows.isEmpty() && !lever.sourceId.isEmpty() && !lever.quote.isEmpty(),
                     qPrintable(lever.id));
            QVERIFY2(lever.min <= lever.baseline && lever.baseline <= lever.max, qPrintable(lever.id));
            QVERIFY(!lever.label.isEmpty());
        }
        // Assumptions are kept apart from policies.
        for (const char *id : {"ai_demand_growth", "chip_demand_growth", "learning_rate"})
            QCOMPARE(engine().levers().find(id)->group, LeverGroup::Assumptions);
        QCOMPARE(engine().levers().find("subsidy.cn_big_fund_3")->kbRows.first(), "programmes:cn_big_fund_3");
    }

    void sharesSumToOnePerMarketAndYear_data() { addPresetRows(); }
    void sharesSumToOnePerMarketAndYear()
    {
        QFETCH(QString, preset);
        const Results r = presetResults(preset);
        const ResultLayout &layout = r.layout();
        for (int s = 0; s < layout.segments().size(); ++s) {
            for (Metric metric : {Metric::CapacityShare, Metric::MarketShare, Metric::MarketShareCn}) {
                if (layout.find(metric, 0, s) < 0)
                    continue;
                for (int year = 2015; year <= 2040; ++year) {
                    const double sum = sumOverRegions(r, metric, s, year);
                    // A market nobody supplies (no capacity yet) has no shares at all.
                    QVERIFY2(std::abs(sum - 1) < 1e-9 || sum == 0,
                             qPrintable(QStringLiteral("%1 %2 %3: %4")
                                            .arg(metricId(metric), layout.segments().at(s))
                                            .arg(year)
                                            .arg(sum)));
                }
            }
        }
        for (int year = 2015; year <= 2040; ++year)
            QVERIFY(std::abs(sumOverRegions(r, Metric::AiComputeShare, -1, year) - 1) < 1e-9);
    }

    void nothingIsNegative_data() { addPresetRows(); }
    void nothingIsNegative()
    {
        QFETCH(QString, preset);
        const Results r = presetResults(preset);
        const auto &keys = r.layout().keys();
        for (std::size_t s = 0; s < keys.size(); ++s) {
            if (keys[s].metric == Metric::NetExports)
                continue;
            for (int year = 2015; year <= 2040; ++year) {
                const double v = r.at(static_cast<int>(s), year);
                QVERIFY2(std::isfinite(v) && v >= 0,
                         qPrintable(QStringLiteral("%1 series %2 year %3: %4")
                                        .arg(metricId(keys[s].metric))
                                        .arg(s)
                                        .arg(year)
                                        .arg(v)));
            }
        }
    }

    void productionEqualsConsumptionPlusNetExportsWorldwide_data() { addPresetRows(); }
    void productionEqualsConsumptionPlusNetExportsWorldwide()
    {
        QFETCH(QString, preset);
        const Results r = presetResults(preset);
        for (int s = 0; s < r.layout().segments().size(); ++s) {
            if (r.layout().find(Metric::NetExports, 0, s) < 0)
                continue;
            for (int year = 2015; year <= 2040; ++year) {
                const double production = sumOverRegions(r, Metric::Production, s, year);
                const double consumption = sumOverRegions(r, Metric::Consumption, s, year);
                const double netExports = sumOverRegions(r, Metric::NetExports, s, year);
                const double scale = std::max(1.0, production);
                QVERIFY(std::abs(production - consumption - netExports) < 1e-9 * scale);
                QVERIFY2(std::abs(netExports) < 1e-9 * scale,
                         qPrintable(QStringLiteral("%1 %2: world net exports %3")
                                        .arg(r.layout().segments().at(s))
                                        .arg(year)
                                        .arg(netExports)));
            }
        }
    }

    void moreOwnSubsidyNeverLowersOwnCapacity_data()
    {
        QTest::addColumn<QString>("lever");
        QTest::addColumn<QString>("region");
        QTest::addColumn<double>("lower");
        QTest::addColumn<double>("higher");
        for (const Lever &lever : engine().levers().levers()) {
            if (lever.group != LeverGroup::Subsidies)
                continue;
            const QString region = lever.description.section('(', 1).section(',', 0, 0);
            QTest::newRow(qPrintable(lever.id + " 0→1")) << lever.id << region << 0.0 << 1.0;
            QTest::newRow(qPrintable(lever.id + " 1→3")) << lever.id << region << 1.0 << 3.0;
        }
    }
    void moreOwnSubsidyNeverLowersOwnCapacity()
    {
        QFETCH(QString, lever);
        QFETCH(QString, region);
        QFETCH(double, lower);
        QFETCH(double, higher);
        Scenario low, high;
        QVERIFY(low.setLever(engine().levers(), lever, lower).ok());
        QVERIFY(high.setLever(engine().levers(), lever, higher).ok());
        const Results a = engine().run(low);
        const Results b = engine().run(high);
        for (int year = 2015; year <= 2040; ++year) {
            const double capLow = *a.value("capacity", region, {}, {}, year);
            const double capHigh = *b.value("capacity", region, {}, {}, year);
            QVERIFY2(capHigh >= capLow - 1e-12,
                     qPrintable(QStringLiteral("%1 %2: %3 < %4").arg(region).arg(year).arg(capHigh).arg(capLow)));
        }
    }

    void fullAiChipBanCutsImportsToLeakage_data()
    {
        QTest::addColumn<double>("leakage");
        QTest::newRow("no leakage") << 0.0;
        QTest::newRow("10%") << 0.1;
        QTest::newRow("50%") << 0.5;
    }
    void fullAiChipBanCutsImportsToLeakage()
    {
        QFETCH(double, leakage);
        // Without controls, revenue share or mandate, China imports all its unmet demand; a full ban leaves the
        // leaked share of it.
        const Results open = engine().run(scenarioWith(
            {{"ai_chip_control", 0}, {"h200_revenue_share", 0}, {"domestic_mandate", 0}, {"leakage", leakage}}));
        const Results ban = engine().run(scenarioWith(
            {{"ai_chip_control", 1}, {"h200_revenue_share", 0}, {"domestic_mandate", 0}, {"leakage", leakage}}));
        for (int year = 2023; year <= 2040; ++year) {
            const double unmet = valueOf(open, "ai_chip_imports", "CN", "", year);
            QVERIFY(unmet > 0);
            QCOMPARE(valueOf(ban, "ai_chip_imports", "CN", "", year) + 1.0, leakage * unmet + 1.0);
        }
        // Before the controls existed the two agree.
        QCOMPARE(valueOf(ban, "ai_chip_imports", "CN", "", 2020), valueOf(open, "ai_chip_imports", "CN", "", 2020));
    }

    void sameScenarioGivesIdenticalNumbers()
    {
        const Scenario scenario = scenarioWith({{"ai_chip_control", 0.8}, {"subsidy.cn_big_fund_3", 2}});
        const Results a = engine().run(scenario);
        const Results b = engine().run(scenario);
        QVERIFY(a.values() == b.values());
        QCOMPARE(a.toCsv(), b.toCsv());
    }

    void historyIsAnchoredOnTheObserved2025Capacity()
    {
        const Results r = engine().baseline();
        // SEMI 2025: China 10.1M wafers a month (200mm-equivalent); world 33.7M.
        QCOMPARE(qRound(valueOf(r, "capacity", "CN", "", 2025) * 10), 101);
        QCOMPARE(qRound(*r.value("capacity", {}, {}, {}, 2025) * 10), 337);
        QCOMPARE(qRound(valueOf(r, "capacity", "CN", "", 2023) * 10), 76); // SEMI 2023: 7.6M
    }

    void workedExamplesOfModelMd()
    {
        // docs/MODEL.md, "Worked examples": the same numbers by hand.
        const Results r = engine().baseline();
        QCOMPARE(qRound64(valueOf(r, "capacity", "CN", "", 2024) * 1000), qint64(8761));
        QCOMPARE(qRound64(valueOf(r, "best_node_nm", "CN", "", 2027) * 10000), qint64(50575));
        QCOMPARE(valueOf(r, "best_node_nm", "CN", "", 2028), 5.0);
        QCOMPARE(qRound64(valueOf(r, "best_node_nm", "CN", "", 2032) * 10000), qint64(36125));
        const double wanted = (1 - 0.3) * 3.1 * 2.3 * 1.35 * 0.15;
        const double imports = wanted * (1 - 0.76) * (1 - 0.25) + wanted * 0.76 * 0.1;
        QVERIFY(std::abs(valueOf(r, "ai_chip_imports", "CN", "", 2026) - imports) < 1e-9);
    }

    void withoutEuvChinaStopsAtTheDuvFloorUntilDomesticEuv()
    {
        const Results never = engine().run(scenarioWith({{"cn_euv_year", 2041}}));
        const Results early = engine().run(scenarioWith({{"cn_euv_year", 2028}}));
        QCOMPARE(valueOf(never, "best_node_nm", "CN", "", 2040), 5.0);
        QVERIFY(valueOf(early, "best_node_nm", "CN", "", 2032) < 5.0);
        // Leading-edge output needs a node of 3 nm or finer: only domestic EUV gets China there.
        QCOMPARE(valueOf(never, "production", "CN", "leading_logic", 2035), 0.0);
        QVERIFY(valueOf(early, "production", "CN", "leading_logic", 2035) > 0);
        QVERIFY(valueOf(early, "ai_compute_share", "CN", "", 2035) >=
                valueOf(never, "ai_compute_share", "CN", "", 2035));
    }

    void rapidusYearMovesJapansBestNode()
    {
        const Results onTime = engine().run(scenarioWith({{"rapidus_2nm_year", 2027}}));
        const Results late = engine().run(scenarioWith({{"rapidus_2nm_year", 2030}}));
        QCOMPARE(valueOf(onTime, "best_node_nm", "JP", "", 2027), 2.0);
        QCOMPARE(valueOf(late, "best_node_nm", "JP", "", 2027), 40.0);
    }

    void taiwanDisruptionCutsWorldAiAdditions()
    {
        const Results base = engine().baseline();
        const Results shock = presetResults("taiwan_disruption");
        QVERIFY(*shock.value("ai_compute_additions", {}, {}, {}, 2029) <
                *base.value("ai_compute_additions", {}, {}, {}, 2029));
        QCOMPARE(*shock.value("ai_compute_additions", {}, {}, {}, 2026),
                 *base.value("ai_compute_additions", {}, {}, {}, 2026));
    }
};

QTEST_GUILESS_MAIN(TestModelEngine)
#include "tst_modelengine.moc"
