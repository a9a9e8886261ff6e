#pragma once

#include "chart/chartfigure.h"

#include <QRectF>

class QPainter;

namespace techrace {

/**
 * Draws a ChartFigure with QPainter: title, subtitle with the scenario name, axes with ticks and the unit, the
 * p10–p90 band, baseline dashed and scenario solid per region, KB targets as squares, a legend, the source line and
 * the model and KB versions. Every size scales with the picture, so a PNG, an SVG, a PDF page and a report page
 * show the same chart. Stateless: paint() may be called with any painter and rectangle.
 */
class ChartPainter
{
public:
    static void paint(QPainter &painter, const ChartFigure &figure, const QRectF &bounds);
    /** The plot area (inside the axes) paint() uses for `bounds`. */
    [[nodiscard]] static QRectF plotRect(const ChartFigure &figure, const QRectF &bounds);
    /** Round axis ticks covering low..high (about five). */
    [[nodiscard]] static QList<double> ticks(double low, double high);
};

} // namespace techrace
