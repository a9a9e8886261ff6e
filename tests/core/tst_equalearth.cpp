#include "geo/equalearth.h"

#include <QTest>

#include <cmath>

using namespace techrace::geo;

/** Equal Earth against published points: PROJ's documentation and the paper's stated proportions. */
class TestEqualEarth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void forwardMatchesPublishedPoints_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<double>("x");
        QTest::addColumn<double>("y");
        QTest::addColumn<double>("tolerance");
        // PROJ's eqearth page: `echo 122 47 | proj +proj=eqearth +R=1` prints "1.55 0.89".
        QTest::newRow("PROJ docs 122E 47N") << 122.0 << 47.0 << 1.55 << 0.89 << 0.005;
        QTest::newRow("origin") << 0.0 << 0.0 << 0.0 << 0.0 << 1e-15;
        // The equator's end and the pole (PROJ 9, +proj=eqearth +R=1, 16 digits).
        QTest::newRow("180E on the equator") << 180.0 << 0.0 << 2.7066299836960748 << 0.0 << 1e-12;
        QTest::newRow("north pole") << 0.0 << 90.0 << 0.0 << 1.3173627591574133 << 1e-12;
        QTest::newRow("south-west symmetric") << -180.0 << 0.0 << -2.7066299836960748 << 0.0 << 1e-12;
        QTest::newRow("PROJ 120E 60N") << 120.0 << 60.0 << 1.3593733917143729 << 1.0883008355053194 << 1e-12;
        QTest::newRow("PROJ 52W 12S") << -52.0 << -12.0 << -0.7737398571326466 << -0.2421657412072243 << 1e-12;
    }

    void forwardMatchesPublishedPoints()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(double, x);
        QFETCH(double, y);
        QFETCH(double, tolerance);
        const PlanePoint p = equalearth::forward({lon, lat});
        QVERIFY2(std::abs(p.x - x) <= tolerance, qPrintable(QString::number(p.x, 'g', 17)));
        QVERIFY2(std::abs(p.y - y) <= tolerance, qPrintable(QString::number(p.y, 'g', 17)));
    }

    void poleLineIsPublishedShareOfEquator()
    {
        // The paper: "the length of the pole line is 0.59247 of the equator's length" (Šavrič et al. 2018).
        const double pole = equalearth::forward({180, 90}).x;
        QVERIFY(std::abs(pole / equalearth::maxX() - 0.59247) < 1e-5);
        QCOMPARE(equalearth::maxX(), equalearth::forward({180, 0}).x);
        QCOMPARE(equalearth::maxY(), equalearth::forward({0, 90}).y);
    }

    void inverseRoundTrips_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        for (const double lat : {-89.5, -60.0, -23.5, 0.0, 12.3, 47.0, 80.0, 89.5}) {
            for (const double lon : {-179.9, -90.0, 0.0, 35.5, 122.0, 179.9})
                QTest::addRow("%g,%g", lon, lat) << lon << lat;
        }
    }

    void inverseRoundTrips()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        const auto back = equalearth::inverse(equalearth::forward({lon, lat}));
        QVERIFY(back.has_value());
        QVERIFY2(std::abs(back->lon - lon) < 1e-9 && std::abs(back->lat - lat) < 1e-9,
                 qPrintable(QStringLiteral("%1,%2").arg(back->lon).arg(back->lat)));
    }

    void inverseRejectsPointsOutsideTheWorld()
    {
        QVERIFY(!equalearth::inverse({0, 1.4}).has_value());
        QVERIFY(!equalearth::inverse({2.7, 1.2}).has_value()); // beyond the curved edge near the pole
        QVERIFY(!equalearth::inverse({3.0, 0}).has_value());
    }
};

QTEST_GUILESS_MAIN(TestEqualEarth)
#include "tst_equalearth.moc"
