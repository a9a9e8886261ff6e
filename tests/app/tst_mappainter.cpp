// The map painter and its data: colour scales, hit testing, the frames MapController builds, what the picture shows.
#include "appcontext.h"
#include "fundingcontroller.h"
#include "map/colorscale.h"
#include "map/mapcontroller.h"
#include "map/mapexport.h"
#include "map/mapsources.h"

#include <QPainter>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

using namespace techrace;

class TestMapPainter : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const AppContext> m_context;
    std::unique_ptr<FundingController> m_funding;
    std::unique_ptr<MapController> m_map;

    static MapRequest request(const QString &metric, int year, MapMode mode)
    {
        MapRequest r;
        r.metricId = metric;
        r.year = year;
        r.mode = mode;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto context = AppContext::open();
        QVERIFY2(context.ok(), qPrintable(context.message()));
        m_context = context.value();
        m_funding = std::make_unique<FundingController>(m_context);
        m_map = std::make_unique<MapController>(m_context);
        addFundingSeries(*m_map, *m_funding);
    }

    void cleanup() { m_funding->setScale(1.0); }

    void niceSteps_data()
    {
        QTest::addColumn<double>("rough");
        QTest::addColumn<double>("step");
        QTest::newRow("exact 1") << 1.0 << 1.0;
        QTest::newRow("1.3 -> 2") << 1.3 << 2.0;
        QTest::newRow("2.1 -> 2.5") << 2.1 << 2.5;
        QTest::newRow("16.7 -> 20") << 16.7 << 20.0;
        QTest::newRow("0.03 -> 0.05") << 0.03 << 0.05;
        QTest::newRow("zero -> 1") << 0.0 << 1.0;
    }

    void niceSteps()
    {
        QFETCH(double, rough);
        QFETCH(double, step);
        QCOMPARE(ColorScale::niceStep(rough), step);
    }

    void sequentialScaleCoversTheRange()
    {
        const ColorScale scale = ColorScale::fit(ColorScale::Kind::Sequential, 0, 97);
        QCOMPARE(scale.edges().first(), 0.0);
        QVERIFY(scale.edges().last() >= 97);
        QCOMPARE(scale.colors().size(), scale.edges().size() - 1);
        QVERIFY(scale.colors().size() <= 6);
        QVERIFY(scale.color(0) != scale.color(96)); // lowest and highest bins differ
        QVERIFY(scale.color(0).lightness() > scale.color(96).lightness()); // more is darker
    }

    void divergingScaleIsSymmetricWithANeutralMiddle()
    {
        const ColorScale scale = ColorScale::fit(ColorScale::Kind::Diverging, -3, 12);
        QCOMPARE(scale.edges().first(), -scale.edges().last());
        QVERIFY(scale.edges().last() >= 12);
        QCOMPARE(scale.colors().size(), 7);
        QCOMPARE(scale.color(0), scale.colors().at(3));
        QVERIFY(scale.color(12).red() > scale.color(12).blue()); // gains red
        QVERIFY(scale.color(-12).blue() > scale.color(-12).red()); // losses blue
    }

    void edgeLabels_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("0") << 0.0 << "0";
        QTest::newRow("2.5") << 2.5 << "2.5";
        QTest::newRow("-0.5") << -0.5 << "-0.5";
        QTest::newRow("150") << 150.0 << "150";
        QTest::newRow("2000") << 2000.0 << "2000";
        QTest::newRow("0.25") << 0.25 << "0.25";
    }

    void edgeLabels()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(ColorScale::formatNumber(value), text);
    }

    void frameForTheFundingSeries()
    {
        const auto frame = m_map->frame(request(QStringLiteral("funding.cumulative_state"), 2030, MapMode::Scenario));
        QVERIFY2(frame.ok(), qPrintable(frame.message()));
        QCOMPARE(frame->title, QStringLiteral("Cumulative announced state funding, 2030"));
        QCOMPARE(frame->legendTitle, QStringLiteral("USD bn"));
        QCOMPARE(frame->values.size(), 9); // every KB region has a value
        QCOMPARE(frame->values.value(QStringLiteral("CN")), m_funding->value(QStringLiteral("CN"), 2030, false));
        QVERIFY(frame->values.value(QStringLiteral("CN")) > frame->values.value(QStringLiteral("KR")));
        QVERIFY(frame->sourceLine.startsWith(QStringLiteral("Source:")));
    }

    void arrowsFollowPolicyDates_data()
    {
        QTest::addColumn<int>("year");
        QTest::addColumn<QStringList>("arrows");
        // Guardrail from Aug 2022; Nexperia curb Oct-Nov 2025; domestic-chip mandate from Nov 2025.
        QTest::newRow("2021") << 2021 << QStringList {};
        QTest::newRow("2023") << 2023 << QStringList {"US>CN"};
        QTest::newRow("2025") << 2025 << QStringList {"US>CN", "CN>EU!", "CN>US!"};
        QTest::newRow("2027") << 2027 << QStringList {"US>CN", "CN>US!"};
    }

    void arrowsFollowPolicyDates()
    {
        QFETCH(int, year);
        QFETCH(QStringList, arrows);
        const auto frame = m_map->frame(request(QStringLiteral("funding.cumulative_state"), year, MapMode::Scenario));
        QVERIFY(frame.ok());
        QStringList drawn;
        for (const MapArrow &arrow : frame->arrows)
            drawn.append(arrow.from + u'>' + arrow.to + (arrow.countermeasure ? u"!" : u""));
        drawn.sort();
        arrows.sort();
        QCOMPARE(drawn, arrows);
    }

    void leverChangesTheDifference()
    {
        QSignalSpy changed(m_map.get(), &MapController::dataChanged);
        m_funding->setScale(2.0);
        QCOMPARE(changed.count(), 1);
        const auto frame = m_map->frame(request(QStringLiteral("funding.cumulative_state"), 2030, MapMode::Difference));
        QVERIFY(frame.ok());
        QCOMPARE(frame->scale.kind(), ColorScale::Kind::Diverging);
        QVERIFY(frame->values.value(QStringLiteral("CN")) > 0);
        QCOMPARE(frame->values.value(QStringLiteral("US")), 0.0);
        QCOMPARE(frame->subtitle, QStringLiteral("Difference: scenario minus baseline"));
    }

    void badRequestsAreExplained()
    {
        auto frame = m_map->frame(request(QStringLiteral("nope"), 2030, MapMode::Scenario));
        QVERIFY(!frame.ok());
        QVERIFY(frame.message().contains(QStringLiteral("known metrics")));
        frame = m_map->frame(request(QStringLiteral("funding.cumulative_state"), 2100, MapMode::Scenario));
        QVERIFY(!frame.ok());
        QVERIFY(frame.message().contains(QStringLiteral("2100")));
    }

    void pluggedSourceAppearsFirstAmongModelOutputs()
    {
        RegionSeriesInfo info {QStringLiteral("test.constant"),
                               QStringLiteral("Constant"),
                               QStringLiteral("units"),
                               {},
                               QStringLiteral("Source: test"),
                               2020,
                               2030,
                               true,
                               std::nullopt};
        m_map->addSource(std::make_shared<FunctionRegionSeries>(
            info, [](const QString &region, int, SeriesRun run) -> std::optional<double> {
                if (region == u"ROW")
                    return std::nullopt;
                return run == SeriesRun::Baseline ? 1.0 : 3.0;
            }));
        const QVariantList metrics = m_map->metrics();
        QStringList ids;
        for (const QVariant &m : metrics)
            ids.append(m.toMap().value(QStringLiteral("id")).toString());
        QCOMPARE(ids.indexOf(QStringLiteral("test.constant")), 1); // after funding, before the KB counts
        QVERIFY(ids.last().startsWith(QStringLiteral("kb.")));
        QCOMPARE(
            m_map->valueText(QStringLiteral("test.constant"), QStringLiteral("JP"), 2025, QStringLiteral("difference")),
            QStringLiteral("Japan: +2 units"));
        QCOMPARE(
            m_map->valueText(QStringLiteral("test.constant"), QStringLiteral("ROW"), 2025, QStringLiteral("scenario")),
            QStringLiteral("Rest of world: no data"));
        const auto frame = m_map->frame(request(QStringLiteral("test.constant"), 2025, MapMode::Scenario));
        QVERIFY(frame.ok());
        QVERIFY(!frame->values.contains(QStringLiteral("ROW")));
    }

    void hitTestingFindsRegions_data()
    {
        QTest::addColumn<double>("lon");
        QTest::addColumn<double>("lat");
        QTest::addColumn<QString>("region");
        QTest::newRow("Beijing") << 116.4 << 39.9 << "CN";
        QTest::newRow("Kansas") << -98.0 << 38.5 << "US";
        QTest::newRow("Paris") << 2.35 << 48.85 << "EU";
        QTest::newRow("Delhi") << 77.2 << 28.6 << "IN";
        QTest::newRow("Ontario") << -85.0 << 50.0 << "CA";
        QTest::newRow("Nagoya") << 136.9 << 35.2 << "JP";
        QTest::newRow("Brazil") << -50.0 << -10.0 << "ROW";
        QTest::newRow("mid-Pacific") << -150.0 << 0.0 << "";
        QTest::newRow("South Atlantic") << -20.0 << -30.0 << "";
    }

    void hitTestingFindsRegions()
    {
        QFETCH(double, lon);
        QFETCH(double, lat);
        QFETCH(QString, region);
        const QRectF bounds(0, 0, 1600, 900);
        MapPainter &painter = m_map->painter();
        const QRectF map = painter.mapRect(bounds);
        const geo::PlanePoint p = geo::equalearth::forward({lon, lat});
        const double scale = map.width() / (2 * geo::equalearth::maxX());
        const QPointF device(map.center().x() + p.x * scale, map.center().y() - p.y * scale);
        QCOMPARE(painter.regionAt(device, bounds), region);
    }

    void facilityDotsSitInTheirRegionAndAnswerHover()
    {
        const QList<MapDot> &dots = m_map->facilityDots();
        // The towns docs/PLACES.md locates: 15 facilities in Texas, Ohio, Wisconsin, New York, China, Japan, Korea.
        QVERIFY2(dots.size() >= 15, qPrintable(QString::number(dots.size())));
        const QRectF bounds(0, 0, 1600, 900);
        MapPainter &painter = m_map->painter();
        const QRectF map = painter.mapRect(bounds);
        const double scale = map.width() / (2 * geo::equalearth::maxX());
        for (const MapDot &dot : dots) {
            const geo::PlanePoint p = geo::equalearth::forward(dot.at);
            const QPointF device(map.center().x() + p.x * scale, map.center().y() - p.y * scale);
            // Coastal towns (Osaka, Port Washington) may sit a pixel offshore of the simplified coast.
            QSet<QString> near;
            for (const QPointF offset : {QPointF(0, 0), QPointF(3, 0), QPointF(-3, 0), QPointF(0, 3), QPointF(0, -3)})
                near.insert(painter.regionAt(device + offset, bounds));
            QVERIFY2(near.contains(dot.regionId), qPrintable(dot.label + u" not in " + dot.regionId));
            const qsizetype hit = painter.dotAt(device + QPointF(2, 1), bounds, dots);
            QVERIFY2(hit >= 0, qPrintable(dot.label));
            QCOMPARE(dots.at(hit).at.lon, dot.at.lon); // Kumamoto's two fabs share a town
        }
        QCOMPARE(painter.dotAt(QPointF(map.center().x(), map.bottom() - 5), bounds, dots), qsizetype(-1));
    }

    void locatedFacilitiesCiteTheGazetteer()
    {
        auto stmt = m_context->knowledgeBase().database().prepare(QStringLiteral(
            "SELECT f.id FROM facilities f WHERE f.latitude IS NOT NULL AND NOT EXISTS (SELECT 1 FROM citations c "
            "WHERE c.table_name = 'facilities' AND c.row_id = f.id AND c.source_id = 'geonames' "
            "AND c.quote LIKE '%\"lat\":\"' || f.latitude || '\"%')"));
        QVERIFY2(stmt.ok(), qPrintable(stmt.message()));
        QStringList uncited;
        while (stmt->step() == SqliteStatement::Step::Row)
            uncited.append(stmt->text(0));
        QVERIFY2(uncited.isEmpty(), qPrintable(uncited.join(u", ")));
    }

    void selectedRegionsDotsStandOut()
    {
        auto request = TestMapPainter::request(QStringLiteral("funding.cumulative_state"), 2030, MapMode::Scenario);
        request.arrows = false;
        auto plain = m_map->frame(request);
        request.selectedRegion = QStringLiteral("JP");
        auto selected = m_map->frame(request);
        QVERIFY(plain.ok() && selected.ok());
        const QSize size(1600, 900);
        const QImage before = renderMapImage(m_map->painter(), plain.value(), size);
        const QImage after = renderMapImage(m_map->painter(), selected.value(), size);
        const QRectF map = m_map->painter().mapRect(QRectF(QPointF(0, 0), size));
        const double scale = map.width() / (2 * geo::equalearth::maxX());
        // Chitose (Rapidus IIM-1) on Hokkaido: the dot (near-black) grows when Japan is selected.
        const geo::PlanePoint p = geo::equalearth::forward({141.65222, 42.81944});
        const QPoint centre(int(map.center().x() + p.x * scale), int(map.center().y() - p.y * scale));
        const auto darkPixels = [&](const QImage &image) {
            int count = 0;
            for (int dy = -10; dy <= 10; ++dy) {
                for (int dx = -10; dx <= 10; ++dx)
                    count += qGray(image.pixel(centre + QPoint(dx, dy))) < 60 ? 1 : 0;
            }
            return count;
        };
        QVERIFY2(darkPixels(before) > 10, qPrintable(QString::number(darkPixels(before))));
        QVERIFY2(darkPixels(after) > darkPixels(before) * 3 / 2,
                 qPrintable(QStringLiteral("%1 -> %2").arg(darkPixels(before)).arg(darkPixels(after))));
    }

    void renderedMapShowsRegionColours()
    {
        const auto frame = m_map->frame(request(QStringLiteral("funding.cumulative_state"), 2030, MapMode::Scenario));
        QVERIFY(frame.ok());
        const QImage image = renderMapImage(m_map->painter(), frame.value(), QSize(1200, 675));
        QCOMPARE(image.size(), QSize(1200, 675));
        // China's fill is the scale's colour for China's value.
        const QRectF bounds(0, 0, 1200, 675);
        const QRectF map = m_map->painter().mapRect(bounds);
        const double scale = map.width() / (2 * geo::equalearth::maxX());
        const geo::PlanePoint inland = geo::equalearth::forward({100.0, 33.0});
        const QColor china =
            image.pixelColor(int(map.center().x() + inland.x * scale), int(map.center().y() - inland.y * scale));
        QCOMPARE(china, frame->scale.color(frame->values.value(QStringLiteral("CN"))));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 5) {
            for (int x = 0; x < image.width(); x += 5)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() >= 8, qPrintable(QString::number(colours.size())));
    }

    void highDensityPaintMatchesTheScale_data()
    {
        QTest::addColumn<double>("ratio");
        QTest::newRow("1x") << 1.0;
        QTest::newRow("2x") << 2.0;
        QTest::newRow("1.5x") << 1.5;
    }

    void highDensityPaintMatchesTheScale()
    {
        // A high-DPI window paints into an image with a device pixel ratio; the cached fills must land 1:1.
        // (Points away from the arrows, which start at each region's centre.)
        QFETCH(double, ratio);
        const auto frame = m_map->frame(request(QStringLiteral("funding.cumulative_state"), 2030, MapMode::Scenario));
        QVERIFY(frame.ok());
        const QSize logical(800, 450);
        QImage image(logical * ratio, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(ratio);
        image.fill(Qt::white);
        QPainter p(&image);
        m_map->painter().paint(p, QRectF(QPointF(0, 0), QSizeF(logical)), frame.value());
        p.end();
        const QRectF map = m_map->painter().mapRect(QRectF(QPointF(0, 0), QSizeF(logical)));
        const double scale = map.width() / (2 * geo::equalearth::maxX());
        for (const auto &[lon, lat, region] : {std::tuple {88.0, 40.0, "CN"}, std::tuple {-117.0, 40.0, "US"}}) {
            const geo::PlanePoint q = geo::equalearth::forward({lon, lat});
            const QPointF at(map.center().x() + q.x * scale, map.center().y() - q.y * scale);
            QCOMPARE(image.pixelColor((at * ratio).toPoint()),
                     frame->scale.color(frame->values.value(QString::fromLatin1(region))));
        }
    }
};

QTEST_MAIN(TestMapPainter)
#include "tst_mappainter.moc"
