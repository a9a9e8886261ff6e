#include "geo/worldshapes.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace techrace;
using namespace techrace::geo;

/** The shipped map: every shape has a region, the regions are the knowledge base's, bad files are refused. */
class TestWorldShapes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyShippedShapeMapsToAKnownRegion()
    {
        const auto world = WorldShapes::load();
        QVERIFY2(world.ok(), qPrintable(world.message()));
        QCOMPARE(world->shapes().size(), 239); // 241 in Natural Earth, less two smaller than the rounding
        const QSet<QString> known = {u"US"_qs, u"CN"_qs, u"TW"_qs, u"KR"_qs, u"JP"_qs,
                                     u"EU"_qs, u"IN"_qs, u"CA"_qs, u"ROW"_qs};
        QSet<QString> seen;
        for (const CountryShape &shape : world->shapes()) {
            QVERIFY2(known.contains(shape.regionId), qPrintable(shape.name + u' ' + shape.regionId));
            QVERIFY2(!shape.rings.empty(), qPrintable(shape.name));
            for (const auto &ring : shape.rings)
                QVERIFY2(ring.size() >= 3, qPrintable(shape.name));
            seen.insert(shape.regionId);
        }
        QCOMPARE(seen, known); // every region appears on the map
    }

    void regionsOfKnownCountries_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("region");
        QTest::newRow("Germany") << "Germany"
                                 << "EU";
        QTest::newRow("Malta") << "Malta"
                               << "EU";
        QTest::newRow("Norway is not EU") << "Norway"
                                          << "ROW";
        QTest::newRow("United Kingdom") << "United Kingdom"
                                        << "ROW";
        QTest::newRow("Taiwan") << "Taiwan"
                                << "TW";
        QTest::newRow("South Korea") << "South Korea"
                                     << "KR";
        QTest::newRow("North Korea") << "North Korea"
                                     << "ROW";
        QTest::newRow("USA") << "United States of America"
                             << "US";
        QTest::newRow("Canada") << "Canada"
                                << "CA";
        QTest::newRow("Kosovo without ISO code") << "Kosovo"
                                                 << "ROW";
    }

    void regionsOfKnownCountries()
    {
        QFETCH(QString, name);
        QFETCH(QString, region);
        const auto &shapes = WorldShapes::embedded().shapes();
        const auto it =
            std::find_if(shapes.begin(), shapes.end(), [&](const CountryShape &s) { return s.name == name; });
        QVERIFY2(it != shapes.end(), qPrintable(name));
        QCOMPARE(it->regionId, region);
    }

    void exactlyTheTwentySevenMemberStatesAreEu()
    {
        QSet<int> eu;
        for (const CountryShape &shape : WorldShapes::embedded().shapes()) {
            if (shape.regionId == u"EU"_qs && shape.name != u"Åland"_qs)
                eu.insert(shape.isoNumeric);
        }
        QCOMPARE(eu.size(), 27);
    }

    void ringsAreInDegrees()
    {
        for (const CountryShape &shape : WorldShapes::embedded().shapes()) {
            for (const auto &ring : shape.rings) {
                for (const GeoPoint &p : ring)
                    QVERIFY(p.lon >= -180 && p.lon <= 180 && p.lat >= -90 && p.lat <= 90);
            }
        }
    }

    void noRingStepsAcrossTheAntimeridian()
    {
        // Russia, Fiji and Antarctica cross ±180 in Natural Earth; a step across would paint a line over the map.
        for (const CountryShape &shape : WorldShapes::embedded().shapes()) {
            for (const auto &ring : shape.rings) {
                for (std::size_t i = 1; i < ring.size(); ++i)
                    QVERIFY2(std::abs(ring[i].lon - ring[i - 1].lon) <= 180, qPrintable(shape.name));
            }
        }
    }

    void refusesBadFiles()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(u"bad.trmap"_qs);
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a map");
        file.close();
        auto result = WorldShapes::load(bad);
        QVERIFY(!result.ok());
        QVERIFY(result.message().contains(u"damaged"_qs));
        result = WorldShapes::load(dir.filePath(u"missing.trmap"_qs));
        QVERIFY(result.message().contains(u"Cannot read"_qs));

        // A truncated copy of the real file.
        QFile real(QString::fromLatin1(WorldShapes::embeddedShapes));
        QVERIFY(real.open(QIODevice::ReadOnly));
        const QByteArray head = real.read(5000);
        const QString cut = dir.filePath(u"cut.trmap"_qs);
        QFile cutFile(cut);
        QVERIFY(cutFile.open(QIODevice::WriteOnly));
        cutFile.write(head);
        cutFile.close();
        result = WorldShapes::load(cut);
        QVERIFY(!result.ok());

        // A region table that misses a shape.
        const QString regions = dir.filePath(u"regions.csv"_qs);
        QFile regionsFile(regions);
        QVERIFY(regionsFile.open(QIODevice::WriteOnly));
        regionsFile.write("iso_numeric,name,region_id,note\n276,Germany,EU,\n");
        regionsFile.close();
        result = WorldShapes::load(QString::fromLatin1(WorldShapes::embeddedShapes), regions);
        QVERIFY(!result.ok());
        QVERIFY2(result.message().contains(u"has no region"_qs), qPrintable(result.message()));
    }
};

QTEST_GUILESS_MAIN(TestWorldShapes)
#include "tst_worldshapes.moc"
