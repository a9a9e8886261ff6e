#include "geo/worldshapes.h"

#include "kb/csv.h"
#include "logging.h"

#include <QDataStream>
#include <QFile>
#include <QHash>

#include <cmath>

namespace techrace::geo {

namespace {

constexpr char magic[8] = {'T', 'R', 'M', 'A', 'P', '\x01', '\0', '\0'};
constexpr quint32 maxCount = 1u << 22; // guards allocations against a corrupt file

Expected<QByteArray> readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(QStringLiteral("Cannot read map file %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

/** name -> region id, from country_regions.csv. */
Expected<QHash<QString, QString>> readRegions(const QString &path)
{
    auto bytes = readAll(path);
    if (!bytes)
        return bytes.status();
    auto table = csv::parse(bytes.value(), path);
    if (!table)
        return table.status();
    const qsizetype nameColumn = table->header.indexOf(QStringLiteral("name"));
    const qsizetype regionColumn = table->header.indexOf(QStringLiteral("region_id"));
    if (nameColumn < 0 || regionColumn < 0)
        return Status::failure(QStringLiteral("%1 needs the columns name and region_id").arg(path));
    QHash<QString, QString> regions;
    for (const csv::Record &record : std::as_const(table->records))
        regions.insert(record.fields.at(nameColumn), record.fields.at(regionColumn));
    return regions;
}

/**
 * Natural Earth's rings cross the antimeridian (Russia's Chukotka, Fiji, Antarctica): a step from +180 to -180 would
 * draw a line across the whole map. Cuts such rings at ±180: a ring crossing twice becomes two rings, one each side;
 * a ring crossing once goes round a pole and is closed along the pole line.
 */
std::vector<std::vector<GeoPoint>> splitAtAntimeridian(std::vector<GeoPoint> ring)
{
    const auto jumps = [](const GeoPoint &a, const GeoPoint &b) { return std::abs(a.lon - b.lon) > 180; };
    std::vector<std::vector<GeoPoint>> pieces(1);
    int crossings = 0;
    for (std::size_t i = 0; i < ring.size(); ++i) {
        if (i > 0 && jumps(ring[i - 1], ring[i])) {
            const GeoPoint &a = ring[i - 1];
            const GeoPoint &b = ring[i];
            const double side = a.lon > 0 ? 180.0 : -180.0;
            const double lat = (a.lat + b.lat) / 2;
            pieces.back().push_back({side, lat});
            pieces.emplace_back();
            pieces.back().push_back({-side, lat});
            ++crossings;
        }
        pieces.back().push_back(ring[i]);
    }
    if (crossings == 0)
        return {std::move(ring)};
    if (crossings % 2 == 1) {
        // Round a pole: stitch the pieces back into one ring and close it along the pole line.
        std::vector<GeoPoint> closed;
        for (std::size_t p = 0; p < pieces.size(); ++p) {
            if (p > 0) {
                const GeoPoint end = closed.back();
                const GeoPoint start = pieces[p].front();
                const double pole = end.lat < 0 ? -90.0 : 90.0;
                // Along the pole line in steps, so no step spans more than half the world.
                for (int k = 0; k <= 12; ++k)
                    closed.push_back({end.lon + (start.lon - end.lon) * k / 12.0, pole});
            }
            closed.insert(closed.end(), pieces[p].begin(), pieces[p].end());
        }
        return {std::move(closed)};
    }
    // The last piece continues the first (the ring is closed): join them, then each piece is one side's ring.
    auto &first = pieces.front();
    auto &last = pieces.back();
    last.insert(last.end(), first.begin(), first.end());
    pieces.erase(pieces.begin());
    return pieces;
}

} // namespace

Expected<WorldShapes> WorldShapes::load(const QString &shapesPath, const QString &regionsPath)
{
    auto regions = readRegions(regionsPath);
    if (!regions)
        return regions.status();
    auto bytes = readAll(shapesPath);
    if (!bytes)
        return bytes.status();
    const auto corrupt = [&shapesPath](const char *what) {
        return Status::failure(QStringLiteral("Map file %1 is damaged (%2)").arg(shapesPath, QLatin1String(what)));
    };
    if (!bytes->startsWith(QByteArray(magic, sizeof magic)))
        return corrupt("not a TechRace map file");

    QDataStream in(bytes.value());
    in.setByteOrder(QDataStream::LittleEndian);
    in.skipRawData(sizeof magic);
    quint32 arcCount = 0;
    quint32 shapeCount = 0;
    in >> arcCount >> shapeCount;
    if (arcCount > maxCount || shapeCount > maxCount)
        return corrupt("implausible counts");

    std::vector<std::vector<GeoPoint>> arcs(arcCount);
    for (auto &arc : arcs) {
        quint32 points = 0;
        in >> points;
        if (points > maxCount || in.status() != QDataStream::Ok)
            return corrupt("truncated arcs");
        arc.resize(points);
        for (GeoPoint &p : arc) {
            qint16 lon = 0;
            qint16 lat = 0;
            in >> lon >> lat;
            p = {lon / 100.0, lat / 100.0};
        }
    }

    WorldShapes world;
    world.m_shapes.reserve(shapeCount);
    for (quint32 s = 0; s < shapeCount; ++s) {
        CountryShape shape;
        qint16 iso = 0;
        quint16 nameLength = 0;
        in >> iso >> nameLength;
        QByteArray name(nameLength, Qt::Uninitialized);
        if (in.readRawData(name.data(), nameLength) != nameLength)
            return corrupt("truncated shape name");
        shape.name = QString::fromUtf8(name);
        shape.isoNumeric = iso;
        shape.regionId = regions->value(shape.name);
        if (shape.regionId.isEmpty())
            return Status::failure(QStringLiteral("Map shape \"%1\" has no region in %2").arg(shape.name, regionsPath));
        quint16 ringCount = 0;
        in >> ringCount;
        for (quint16 ringIndex = 0; ringIndex < ringCount; ++ringIndex) {
            std::vector<GeoPoint> ring;
            quint16 refCount = 0;
            in >> refCount;
            for (quint16 r = 0; r < refCount; ++r) {
                qint32 ref = 0;
                in >> ref;
                const bool backwards = ref < 0;
                const auto index = static_cast<quint32>(backwards ? ~ref : ref);
                if (index >= arcCount)
                    return corrupt("arc reference out of range");
                const auto &arc = arcs[index];
                // Consecutive arcs share their joining point: skip it on all but the first.
                const std::size_t skip = ring.empty() ? 0 : 1;
                if (backwards)
                    ring.insert(ring.end(), arc.rbegin() + std::ptrdiff_t(std::min(skip, arc.size())), arc.rend());
                else
                    ring.insert(ring.end(), arc.begin() + std::ptrdiff_t(std::min(skip, arc.size())), arc.end());
            }
            for (auto &piece : splitAtAntimeridian(std::move(ring)))
                shape.rings.push_back(std::move(piece));
        }
        if (in.status() != QDataStream::Ok)
            return corrupt("truncated shapes");
        world.m_shapes.append(std::move(shape));
    }
    return world;
}

const WorldShapes &WorldShapes::embedded()
{
    static const WorldShapes world = []() {
        auto loaded = load();
        if (!loaded) {
            qCWarning(lcMap) << loaded.message();
            return WorldShapes();
        }
        return std::move(loaded).value();
    }();
    return world;
}

qsizetype WorldShapes::pointCount() const
{
    qsizetype count = 0;
    for (const CountryShape &shape : m_shapes) {
        for (const auto &ring : shape.rings)
            count += qsizetype(ring.size());
    }
    return count;
}

} // namespace techrace::geo
