#pragma once

#include "geo/equalearth.h"
#include "status.h"

#include <QList>
#include <QString>

#include <vector>

namespace techrace::geo {

/** One country (or territory) of the map, its rings in degrees and the TechRace region it belongs to. */
struct CountryShape
{
    QString name;
    int isoNumeric = -1; // ISO 3166-1 numeric, -1 when Natural Earth gives none
    QString regionId;
    std::vector<std::vector<GeoPoint>> rings; // outer rings and holes; fill even-odd
};

/**
 * The world's country shapes (Natural Earth 1:50m via world-atlas, see data/map/README.md), read from the file
 * scripts/convert_world_atlas.py writes, with every shape's region from country_regions.csv.
 */
class WorldShapes
{
public:
    /** Where the build embeds the map (data/CMakeLists.txt). */
    static constexpr auto embeddedShapes = ":/techrace/map/world-50m.trmap";
    static constexpr auto embeddedRegions = ":/techrace/map/country_regions.csv";

    /** Reads the shapes and the region table; a shape without a region, or a malformed file, is an error. */
    static Expected<WorldShapes> load(const QString &shapesPath = QString::fromLatin1(embeddedShapes),
                                      const QString &regionsPath = QString::fromLatin1(embeddedRegions));
    /** The embedded map, read once and shared (the map never changes while the app runs). */
    static const WorldShapes &embedded();

    [[nodiscard]] const QList<CountryShape> &shapes() const { return m_shapes; }
    [[nodiscard]] qsizetype pointCount() const;

private:
    QList<CountryShape> m_shapes;
};

} // namespace techrace::geo
