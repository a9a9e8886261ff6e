#include "geo/worldshapes.h"

#include "kb/csv.h"
#include "logging.h"

#include <QDataStream>
#include <QFile>
#include <QHash>

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
        shape.rings.resize(ringCount);
        for (auto &ring : shape.rings) {
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
