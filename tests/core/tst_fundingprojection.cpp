#include "kb/knowledgebase.h"
#include "model/fundingmodel.h"
#include "model/fundingprojection.h"

#include <QTest>

using namespace techrace;

class TestFundingProjection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accumulatesByHand()
    {
        // Two regions; region 0 gets 10 in 2016 and 5 (lever 1 at 200%) in 2018; region 1 gets 7 before the window.
        const std::vector<FundingCommitment> commitments = {
            {0, 0, 2016, 10.0}, {0, 1, 2018, 5.0}, {1, 2, 2010, 7.0}, {1, 3, 2030, 99.0}};
        const auto p = FundingProjection::run(2, commitments, {1.0, 2.0, 1.0, 1.0}, 2015, 2020);
        QCOMPARE(p.yearCount(), std::size_t(6));
        QCOMPARE(p.at(0, 2015), 0.0);
        QCOMPARE(p.at(0, 2016), 10.0);
        QCOMPARE(p.at(0, 2017), 10.0);
        QCOMPARE(p.at(0, 2018), 20.0);
        QCOMPARE(p.at(0, 2020), 20.0);
        QCOMPARE(p.at(1, 2015), 7.0);
        QCOMPARE(p.at(1, 2020), 7.0); // the 2030 commitment lies beyond the window
        QCOMPARE(p.at(5, 2016), 0.0); // unknown region
        QCOMPARE(p.max(), 20.0);
    }

    void moreOwnSubsidyNeverLowersOwnFunding_data()
    {
        QTest::addColumn<double>("lower");
        QTest::addColumn<double>("higher");
        QTest::newRow("0 to 1") << 0.0 << 1.0;
        QTest::newRow("1 to 1.5") << 1.0 << 1.5;
        QTest::newRow("2 to 3") << 2.0 << 3.0;
    }

    void moreOwnSubsidyNeverLowersOwnFunding()
    {
        QFETCH(double, lower);
        QFETCH(double, higher);
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        auto model = FundingModel::fromKnowledgeBase(kb.value());
        QVERIFY2(model.ok(), qPrintable(model.message()));
        const qsizetype lever = model->leverIndex(QStringLiteral("cn_big_fund_3"));
        QVERIFY(lever >= 0);
        auto scales = model->baselineScales();
        scales[std::size_t(lever)] = lower;
        const auto low = model->run(scales);
        scales[std::size_t(lever)] = higher;
        const auto high = model->run(scales);
        const auto cn = std::size_t(model->regionIndex(QStringLiteral("CN")));
        const auto us = std::size_t(model->regionIndex(QStringLiteral("US")));
        for (int year = FundingModel::firstYear; year <= FundingModel::lastYear; ++year) {
            QVERIFY(high.at(cn, year) >= low.at(cn, year));
            QCOMPARE(high.at(us, year), low.at(us, year)); // another region's lever leaves the US alone
        }
    }

    void chinaBaselineMatchesTheKnowledgeBase()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        auto model = FundingModel::fromKnowledgeBase(kb.value());
        QVERIFY(model.ok());
        const auto fx = kb->parameter(QStringLiteral("fx.cny_per_usd"));
        QVERIFY(fx.has_value());
        const auto baseline = model->run(model->baselineScales());
        const auto cn = std::size_t(model->regionIndex(QStringLiteral("CN")));
        // Big Funds I-III, registered capital in yuan, all announced by 2024 (docs/MODEL.md, F1).
        const double expected = (98.72e9 + 204.15e9 + 344e9) / fx->value;
        QCOMPARE(baseline.at(cn, 2025), expected);
        QCOMPARE(baseline.at(cn, 2018), 98.72e9 / fx->value);
    }

    void sameInputsSameNumbers()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        auto model = FundingModel::fromKnowledgeBase(kb.value());
        QVERIFY(model.ok());
        auto scales = model->baselineScales();
        scales.front() = 1.7;
        const auto a = model->run(scales);
        const auto b = model->run(scales);
        for (std::size_t r = 0; r < a.regionCount(); ++r) {
            for (int y = a.firstYear(); y <= a.lastYear(); ++y)
                QCOMPARE(a.at(r, y), b.at(r, y));
        }
    }
};

QTEST_GUILESS_MAIN(TestFundingProjection)
#include "tst_fundingprojection.moc"
