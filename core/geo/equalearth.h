#pragma once

#include <optional>

namespace techrace::geo {

/** A position on the globe in degrees: longitude east, latitude north. */
struct GeoPoint
{
    double lon = 0;
    double lat = 0;
};

/** A point of the projected plane, on the unit sphere: x east, y north (not screen coordinates). */
struct PlanePoint
{
    double x = 0;
    double y = 0;
};

/**
 * The Equal Earth projection (Šavrič, Patterson & Jenny 2018, doi:10.1080/13658816.2018.1504949), spherical form on
 * the unit sphere, central meridian 0: equal-area, so a country's share of the map is its share of the globe.
 * Same constants as PROJ's `+proj=eqearth +R=1`.
 */
namespace equalearth {

/** Half the width of the world (x at longitude ±180 on the equator). */
[[nodiscard]] double maxX();
/** Half the height of the world (y at the pole). */
[[nodiscard]] double maxY();

[[nodiscard]] PlanePoint forward(GeoPoint point);
/** The geographic position of a plane point, or nothing when it lies outside the world's outline. */
[[nodiscard]] std::optional<GeoPoint> inverse(PlanePoint point);

} // namespace equalearth

} // namespace techrace::geo
