#include "appcontext.h"
#include "fundingcontroller.h"

#include <QLineSeries>
#include <QSignalSpy>
#include <QTest>

using namespace techrace;

class TestFundingController : public QObject
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

    void startsAtBaseline()
    {
        FundingController controller(m_context);
        QCOMPARE(controller.scale(), controller.baselineScale());
        QCOMPARE(controller.value(QStringLiteral("CN"), 2030, false),
                 controller.value(QStringLiteral("CN"), 2030, true));
        QVERIFY(controller.chartRegions().contains(QStringLiteral("CN")));
        QVERIFY(controller.chartRegions().contains(QStringLiteral("US")));
        QVERIFY(!controller.chartRegions().contains(QStringLiteral("TW"))); // no programme in the KB yet
        QVERIFY(controller.leverLabel().contains(QStringLiteral("Big Fund III")));
        QVERIFY(controller.sourceLine().contains(QStringLiteral("Yicai Global")));
    }

    void leverMovesOnlyTheScenario()
    {
        FundingController controller(m_context);
        QSignalSpy results(&controller, &FundingController::resultsChanged);
        QSignalSpy scale(&controller, &FundingController::scaleChanged);
        const double before = controller.value(QStringLiteral("CN"), 2030, false);

        controller.setScale(2.0);
        QCOMPARE(scale.count(), 1);
        QCOMPARE(results.count(), 1);
        const double after = controller.value(QStringLiteral("CN"), 2030, false);
        QVERIFY(after > before);
        QCOMPARE(controller.value(QStringLiteral("CN"), 2030, true), before);
        QCOMPARE(controller.value(QStringLiteral("US"), 2030, false),
                 controller.value(QStringLiteral("US"), 2030, true));
        // Before Big Fund III was announced the lever changes nothing.
        QCOMPARE(controller.value(QStringLiteral("CN"), 2020, false),
                 controller.value(QStringLiteral("CN"), 2020, true));

        controller.setScale(2.0);
        QCOMPARE(results.count(), 1); // no change, no recompute
    }

    void clampsOutOfRangeValues_data()
    {
        QTest::addColumn<double>("requested");
        QTest::addColumn<double>("expected");
        QTest::newRow("below") << -5.0 << 0.0;
        QTest::newRow("above") << 42.0 << 3.0;
        QTest::newRow("inside") << 0.5 << 0.5;
    }

    void clampsOutOfRangeValues()
    {
        QFETCH(double, requested);
        QFETCH(double, expected);
        FundingController controller(m_context);
        controller.setScale(requested);
        QCOMPARE(controller.scale(), expected);
    }

    void fillsAChartSeries()
    {
        FundingController controller(m_context);
        QLineSeries series;
        controller.fillSeries(&series, QStringLiteral("CN"), true);
        QCOMPARE(series.count(), controller.lastYear() - controller.firstYear() + 1);
        QCOMPARE(series.at(0).x(), double(controller.firstYear()));
        QCOMPARE(series.at(10).y(), controller.value(QStringLiteral("CN"), controller.firstYear() + 10, true));
        controller.fillSeries(nullptr, QStringLiteral("CN"), true); // tolerated, nothing to fill
    }
};

QTEST_MAIN(TestFundingController)
#include "tst_fundingcontroller.moc"
