#include "geo/kbregionseries.h"
#include "kb/knowledgebase.h"
#include "kb/regionfacts.h"
#include "timeline/timeline.h"

#include <QTest>

using namespace techrace;

/** Dated knowledge-base items on one axis, the policy counts the map colours by, and a region's facts. */
class TestTimeline : public QObject
{
    Q_OBJECT

private:
    QList<TimelineItem> m_items;
    std::optional<KnowledgeBase> m_kb;

    const TimelineItem *item(const QString &id) const
    {
        for (const TimelineItem &i : m_items) {
            if (i.id == id)
                return &i;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY2(kb.ok(), qPrintable(kb.message()));
        m_kb.emplace(std::move(kb).value());
        auto items = loadTimeline(*m_kb);
        QVERIFY2(items.ok(), qPrintable(items.message()));
        m_items = items.value();
    }

    void fractionalYears_data()
    {
        QTest::addColumn<QString>("date");
        QTest::addColumn<double>("year");
        QTest::newRow("year") << "2025" << 2025.0;
        QTest::newRow("month") << "2025-11" << 2025 + 10 / 12.0;
        QTest::newRow("day") << "2026-01-09" << 2026 + 8 / 365.0;
        QTest::newRow("bad month") << "2025-13" << -1.0;
        QTest::newRow("not a date") << "soon" << -1.0;
    }

    void fractionalYears()
    {
        QFETCH(QString, date);
        QFETCH(double, year);
        const auto parsed = fractionalYear(date);
        if (year < 0) {
            QVERIFY(!parsed);
        } else {
            QVERIFY(parsed);
            QCOMPARE(*parsed, year);
        }
    }

    void everyKindIsOnTheAxisInOrder()
    {
        QSet<TimelineItem::Kind> kinds;
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            kinds.insert(m_items.at(i).kind);
            QVERIFY(!m_items.at(i).quote.isEmpty());
            if (i > 0)
                QVERIFY(m_items.at(i - 1).start <= m_items.at(i).start);
        }
        QCOMPARE(kinds.size(), 4);
    }

    void policiesRunFromEffectiveToExpiry()
    {
        const TimelineItem *suspension = item(u"cn_mineral_controls_suspension"_qs);
        QVERIFY(suspension);
        QCOMPARE(suspension->kind, TimelineItem::Kind::Policy);
        QCOMPARE(suspension->regionId, u"CN"_qs);
        QCOMPARE(suspension->targetRegionId, u"US"_qs);
        QVERIFY(suspension->end);
        QCOMPARE(*suspension->end, 2026 + 10 / 12.0);
        QCOMPARE(suspension->effect, TimelineItem::Effect::None); // a suspension loosens
        QVERIFY(!suspension->restrictsDuring(2026));

        const TimelineItem *curb = item(u"cn_nexperia_export_curb"_qs);
        QVERIFY(curb);
        QCOMPARE(curb->effect, TimelineItem::Effect::Countermeasure);
        QVERIFY(!curb->restrictsDuring(2024));
        QVERIFY(curb->restrictsDuring(2025));
        QVERIFY(!curb->restrictsDuring(2026));

        QVERIFY(!item(u"cn_mineral_export_controls"_qs)); // no effective date: not on the axis
    }

    void policyCountsByYear()
    {
        PolicyCountSeries targeted(m_items, PolicyCountSeries::Side::Targeted, 2015, 2040);
        PolicyCountSeries imposed(m_items, PolicyCountSeries::Side::Imposed, 2015, 2040);
        QVERIFY(!targeted.info().hasScenario);
        QCOMPARE(targeted.value(u"EU"_qs, 2025, SeriesRun::Scenario), 1.0); // the Nexperia curb
        QCOMPARE(targeted.value(u"EU"_qs, 2026, SeriesRun::Scenario), 0.0);
        QCOMPARE(imposed.value(u"CN"_qs, 2025, SeriesRun::Baseline), 2.0); // Nexperia curb and chip mandate
        QCOMPARE(targeted.value(u"CN"_qs, 2021, SeriesRun::Baseline), 0.0);
        QCOMPARE(targeted.value(u"CN"_qs, 2023, SeriesRun::Baseline), 1.0); // the CHIPS Act guardrail
    }

    void regionFacts()
    {
        const RegionFacts japan = loadRegionFacts(*m_kb, u"JP"_qs);
        QVERIFY(!japan.companies.isEmpty());
        QVERIFY(!japan.facilities.isEmpty());
        QVERIFY(loadRegionFacts(*m_kb, u"XX"_qs).companies.isEmpty());
        // The KB has no coordinates yet: no dots. When it gains some, they must lie on the globe.
        for (const auto &f : locatedFacilities(*m_kb))
            QVERIFY(std::abs(*f.latitude) <= 90 && std::abs(*f.longitude) <= 180);
    }
};

QTEST_GUILESS_MAIN(TestTimeline)
#include "tst_timeline.moc"
