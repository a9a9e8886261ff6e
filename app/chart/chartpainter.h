#pragma once

#include "chart/chartfigure.h"
#include "export/exportfile.h"

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

/** The picture size chart exports use unless told otherwise (pixels; points for PDF). */
inline constexpr QSize defaultChartSize {1200, 675};

/**
 * Writes the figure to `path` atomically as PNG (size × scale pixels), SVG or PDF vectors, drawn by ChartPainter;
 * the vector files carry the title and description. The window, the command line and reports call it.
 */
Status exportChart(const ChartFigure &figure, ExportFormat format, const QString &path, QSize size = defaultChartSize,
                   double scale = 1);

} // namespace techrace
