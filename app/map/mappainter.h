#pragma once

#include "geo/worldshapes.h"
#include "map/colorscale.h"

#include <QHash>
#include <QImage>
#include <QList>
#include <QPainterPath>
#include <QRectF>
#include <QString>
#include <QTransform>

#include <optional>
#include <vector>

class QPainter;

namespace techrace {

/** An arrow from the region that imposes measures to the region they target. */
struct MapArrow
{
    QString from;
    QString to;
    int count = 1;
    bool countermeasure = false; // true: drawn in the countermeasure colour
    QStringList names;
};

/** A dot at a place (a facility with coordinates); the region's dots stand out while it is selected. */
struct MapDot
{
    geo::GeoPoint at;
    QString label; // "JASM Kumamoto Fab 1 (Kumamoto, Kyushu), operating"
    QString regionId;
};

/** Everything one picture of the map shows; built by MapController, drawn by MapPainter. */
struct MapFrame
{
    QString title; // "Cumulative announced state funding, 2030"
    QString subtitle; // "Scenario minus baseline"
    QString legendTitle; // "USD bn"
    QString sourceLine;
    QHash<QString, double> values; // by region id; a missing region has no data
    QHash<QString, QString> regionNames;
    ColorScale scale;
    QList<MapArrow> arrows;
    QList<MapDot> dots;
    QString hoveredRegion;
    QString selectedRegion;
};

/**
 * Draws a MapFrame with QPainter: title, Equal Earth choropleth, arrows, dots, legend and source line. The same
 * code draws the window's map and the PNG/SVG/PDF exports, so they match. Projected shapes are built once per
 * painter; the on-screen item keeps one painter and so pays only for filling on a year or lever change.
 */
class MapPainter
{
public:
    explicit MapPainter(const geo::WorldShapes &shapes);

    void paint(QPainter &painter, const QRectF &bounds, const MapFrame &frame);
    /** The rectangle the world occupies inside `bounds` (below the title, above the legend). */
    [[nodiscard]] QRectF mapRect(const QRectF &bounds) const;
    /** The region under a point of `bounds`, or an empty string over the sea, the legend or the title. */
    [[nodiscard]] QString regionAt(const QPointF &point, const QRectF &bounds) const;
    /** Where a region's arrows start and end, in plane coordinates (the centre of its largest land mass). */
    [[nodiscard]] std::optional<QPointF> anchor(const QString &regionId) const;
    /** The index of the dot under a point of `bounds` (the nearest within its hover radius), or -1. */
    [[nodiscard]] qsizetype dotAt(const QPointF &point, const QRectF &bounds, const QList<MapDot> &dots) const;

private:
    struct RegionPath
    {
        QString regionId;
        QPainterPath path; // plane coordinates, y north
        QRectF bounds;
    };
    [[nodiscard]] QTransform planeToDevice(const QRectF &map) const;
    [[nodiscard]] QColor fillColor(qsizetype region, const MapFrame &frame) const;
    void paintSelection(QPainter &painter, const MapFrame &frame, double unit) const;
    void paintChoroplethVector(QPainter &painter, const MapFrame &frame, double unit) const;
    /** Raster devices (the window, PNG): a cached image of region ids recoloured through its colour table. */
    void paintChoroplethRaster(QPainter &painter, const MapFrame &frame, double unit);
    void buildRasterCache(double unit);
    void paintDots(QPainter &painter, const QTransform &toDevice, const MapFrame &frame, double unit) const;
    void paintArrows(QPainter &painter, const QTransform &toDevice, const MapFrame &frame, double unit) const;
    void paintLegend(QPainter &painter, const QRectF &area, const MapFrame &frame, double unit) const;

    QList<RegionPath> m_regions;
    QHash<QString, QPointF> m_anchors;
    QPainterPath m_outline; // the world's edge
    // Device-space copies for the last map rectangle: filling pre-transformed paths is cheaper than transforming
    // on every paint.
    QRectF m_cachedMap;
    QList<QPainterPath> m_devicePaths;
    QPainterPath m_deviceOutline;
    QImage m_regionIndex; // Format_Indexed8: region index per pixel, seaIndex, or transparent outside the world
    QImage m_edges; // antialiased region edges and the world's outline, transparent elsewhere (while building)
    struct EdgePixel
    {
        int x = 0;
        int y = 0;
        QRgb color = 0; // premultiplied
    };
    std::vector<EdgePixel> m_edgePixels; // the edges' non-transparent pixels, blended over each recolouring
    QImage m_composite; // RGB32: fills and edges for m_compositeTable, page colour outside the world
    std::vector<QRgb> m_compositeTable;
    QPoint m_rasterOrigin; // in device pixels
    QTransform m_rasterTransform; // the painter's transform the cache was built for
};

} // namespace techrace
