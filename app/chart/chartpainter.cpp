#include "chart/chartpainter.h"

#include "export/picturestyle.h"

#include "map/colorscale.h"

#include <QCoreApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace techrace {

namespace {

using namespace picture;

const QColor gridColor(0xe4, 0xe4, 0xe0);
const QColor axisColor(0x8a, 0x8a, 0x85);

/** Every size on the picture scales with this unit: about 1/60 of a 1200×675 picture's height. */
double layoutUnit(const QRectF &bounds)
{
    return std::max(6.0, std::min(bounds.width() / 90.0, bounds.height() / 50.0));
}

/** The picture's bands from top to bottom. */
struct Layout
{
    QRectF title;
    QRectF subtitle;
    QRectF legend;
    QRectF plot; // inside the axes
    QRectF source; // sources (up to two lines), then model and KB versions
};

Layout layoutFor(const QRectF &bounds)
{
    const double u = layoutUnit(bounds);
    Layout l;
    const double left = bounds.left() + u;
    const double width = bounds.width() - 2 * u;
    l.title = QRectF(left, bounds.top() + 0.6 * u, width, 1.9 * u);
    l.subtitle = QRectF(left, l.title.bottom(), width, 1.4 * u);
    l.legend = QRectF(left, l.subtitle.bottom() + 0.3 * u, width, 1.5 * u);
    l.source = QRectF(left, bounds.bottom() - 3.9 * u, width, 3.6 * u); // sources on up to two lines, versions
    const double axisLeft = left + 4.2 * u; // room for tick labels
    const double plotTop = l.legend.bottom() + 1.6 * u; // room for the unit above the axis
    const double plotBottom = l.source.top() - 2.0 * u; // room for the year labels
    l.plot = QRectF(axisLeft, plotTop, std::max(1.0, bounds.right() - 1.5 * u - axisLeft),
                    std::max(1.0, plotBottom - plotTop));
    return l;
}

QString tickLabel(double value)
{
    return ColorScale::formatNumber(value);
}

QPainterPath pathOf(const QList<QPointF> &points, const std::function<QPointF(QPointF)> &toDevice)
{
    QPainterPath path;
    for (qsizetype i = 0; i < points.size(); ++i) {
        const QPointF p = toDevice(points.at(i));
        if (i == 0)
            path.moveTo(p);
        else
            path.lineTo(p);
    }
    return path;
}

} // namespace

QList<double> ChartPainter::ticks(double low, double high)
{
    if (!(high > low))
        high = low + 1;
    const double step = ColorScale::niceStep((high - low) / 5);
    QList<double> list;
    for (double v = std::floor(low / step) * step; v <= high + step * 1e-9; v += step)
        list.append(std::abs(v) < step * 1e-9 ? 0.0 : v);
    if (list.last() < high - step * 1e-9)
        list.append(list.last() + step);
    return list;
}

QRectF ChartPainter::plotRect(const ChartFigure &figure, const QRectF &bounds)
{
    Q_UNUSED(figure)
    return layoutFor(bounds).plot;
}

void ChartPainter::paint(QPainter &painter, const ChartFigure &figure, const QRectF &bounds)
{
    const double u = layoutUnit(bounds);
    const Layout l = layoutFor(bounds);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(bounds, pageColor);

    // Title, subtitle (scenario), legend.
    painter.setPen(textColor);
    painter.setFont(fontOfSize(1.45 * u, true));
    painter.drawText(l.title, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(painter.font()).elidedText(figure.title, Qt::ElideRight, l.title.width()));
    painter.setPen(mutedColor);
    painter.setFont(fontOfSize(1.0 * u));
    painter.drawText(l.subtitle, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(painter.font()).elidedText(figure.subtitle, Qt::ElideRight, l.subtitle.width()));

    painter.setFont(fontOfSize(0.95 * u));
    const QFontMetricsF legendMetrics(painter.font());
    double x = l.legend.left();
    const double midY = l.legend.center().y();
    for (const ChartLine &line : figure.lines) {
        painter.setPen(QPen(line.color, 0.25 * u));
        painter.drawLine(QPointF(x, midY), QPointF(x + 1.6 * u, midY));
        painter.setPen(textColor);
        const QRectF text(x + 2.0 * u, l.legend.top(), legendMetrics.horizontalAdvance(line.name) + u,
                          l.legend.height());
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, line.name);
        x = text.right() + u;
    }
    const auto legendKey = [&](const QString &label, const std::function<void(QRectF)> &drawKey) {
        const QRectF key(x, l.legend.top(), 1.6 * u, l.legend.height());
        drawKey(key);
        painter.setPen(mutedColor);
        const QRectF text(key.right() + 0.4 * u, l.legend.top(), legendMetrics.horizontalAdvance(label) + u,
                          l.legend.height());
        painter.drawText(text, Qt::AlignLeft | Qt::AlignVCenter, label);
        x = text.right() + u;
    };
    QPen dashed(mutedColor, 0.18 * u, Qt::DashLine);
    legendKey(QCoreApplication::translate("ChartPainter", "baseline"), [&](QRectF key) {
        painter.setPen(dashed);
        painter.drawLine(QPointF(key.left(), key.center().y()), QPointF(key.right(), key.center().y()));
    });
    legendKey(QCoreApplication::translate("ChartPainter", "scenario"), [&](QRectF key) {
        painter.setPen(QPen(mutedColor, 0.25 * u));
        painter.drawLine(QPointF(key.left(), key.center().y()), QPointF(key.right(), key.center().y()));
    });
    if (figure.hasBand()) {
        legendKey(QCoreApplication::translate("ChartPainter", "p10–p90"), [&](QRectF key) {
            QColor band = mutedColor;
            band.setAlphaF(0.25);
            painter.fillRect(key.adjusted(0, 0.35 * u, 0, -0.35 * u), band);
        });
    }
    if (!figure.targets.isEmpty()) {
        legendKey(QCoreApplication::translate("ChartPainter", "target (knowledge base)"), [&](QRectF key) {
            painter.setPen(QPen(textColor, 0.12 * u));
            painter.setBrush(mutedColor);
            const double s = 0.45 * u;
            painter.drawRect(QRectF(key.center().x() - s, key.center().y() - s, 2 * s, 2 * s));
            painter.setBrush(Qt::NoBrush);
        });
    }

    // Axes.
    const QRectF plot = l.plot;
    const QList<double> yTicks = ticks(figure.minimum(), figure.maximum());
    const double yLow = yTicks.first();
    const double yHigh = yTicks.last();
    const double xLow = figure.firstYear;
    const double xHigh = std::max(figure.lastYear, figure.firstYear + 1);
    const auto toDevice = [&](QPointF p) {
        return QPointF(plot.left() + (p.x() - xLow) / (xHigh - xLow) * plot.width(),
                       plot.bottom() - (p.y() - yLow) / (yHigh - yLow) * plot.height());
    };
    painter.setFont(fontOfSize(0.85 * u));
    const QFontMetricsF tickMetrics(painter.font());
    for (double tick : yTicks) {
        const double y = toDevice(QPointF(xLow, tick)).y();
        painter.setPen(QPen(tick == 0 ? axisColor : gridColor, 0.08 * u));
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        painter.setPen(mutedColor);
        painter.drawText(QRectF(plot.left() - 4.0 * u, y - u, 3.6 * u, 2 * u), Qt::AlignRight | Qt::AlignVCenter,
                         tickLabel(tick));
    }
    painter.setPen(mutedColor);
    painter.drawText(QRectF(plot.left() - 4.0 * u, plot.top() - 1.6 * u, plot.width(), 1.4 * u),
                     Qt::AlignLeft | Qt::AlignVCenter, figure.unit);
    painter.setPen(QPen(axisColor, 0.1 * u));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    painter.drawLine(plot.bottomLeft(), plot.topLeft());
    const int yearStep = (xHigh - xLow) > 12 ? 5 : 1;
    for (int year = int(std::ceil(xLow / yearStep)) * yearStep; year <= xHigh; year += yearStep) {
        const double xYear = toDevice(QPointF(year, yLow)).x();
        painter.setPen(QPen(axisColor, 0.1 * u));
        painter.drawLine(QPointF(xYear, plot.bottom()), QPointF(xYear, plot.bottom() + 0.4 * u));
        painter.setPen(mutedColor);
        painter.drawText(QRectF(xYear - 2.5 * u, plot.bottom() + 0.4 * u, 5 * u, 1.4 * u), Qt::AlignCenter,
                         QString::number(year));
    }

    // Bands, then baselines, then scenarios on top; targets last.
    painter.save();
    painter.setClipRect(plot.adjusted(-u, -u, u, u));
    for (const ChartLine &line : figure.lines) {
        if (line.p10.isEmpty() || line.p10.size() != line.p90.size())
            continue;
        QPolygonF band;
        for (const QPointF &p : line.p90)
            band.append(toDevice(p));
        for (qsizetype i = line.p10.size() - 1; i >= 0; --i)
            band.append(toDevice(line.p10.at(i)));
        QColor fill = line.color;
        fill.setAlphaF(0.2);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawPolygon(band);
    }
    painter.setBrush(Qt::NoBrush);
    for (const ChartLine &line : figure.lines) {
        QPen pen(line.color, 0.18 * u, Qt::DashLine);
        painter.setPen(pen);
        painter.drawPath(pathOf(line.baseline, toDevice));
    }
    for (const ChartLine &line : figure.lines) {
        painter.setPen(QPen(line.color, 0.28 * u, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPath(pathOf(line.scenario, toDevice));
    }
    for (const ChartTarget &target : figure.targets) {
        const QPointF at = toDevice(QPointF(target.year, target.value));
        painter.setPen(QPen(textColor, 0.12 * u));
        painter.setBrush(chartRegionColor(target.regionId));
        const double s = 0.45 * u;
        painter.drawRect(QRectF(at.x() - s, at.y() - s, 2 * s, 2 * s));
    }
    painter.restore();

    // Source line (wrapped to two lines, elided past them; the data export lists every source) and versions.
    painter.setPen(mutedColor);
    painter.setFont(fontOfSize(0.8 * u));
    const QFontMetricsF sourceMetrics(painter.font());
    const double lineHeight = l.source.height() / 3;
    const QRectF sourceRect(l.source.left(), l.source.top(), l.source.width(), 2 * lineHeight);
    QString sources = figure.sourceLine;
    if (sourceMetrics.boundingRect(sourceRect, Qt::TextWordWrap, sources).height() > sourceRect.height() + 0.5)
        sources = sourceMetrics.elidedText(sources, Qt::ElideRight, 1.85 * sourceRect.width());
    painter.drawText(sourceRect, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, sources);
    const QString versions = QCoreApplication::translate("ChartPainter", "%1 · knowledge base %2 · scenario “%3”")
                                 .arg(figure.modelVersion, figure.kbVersion, figure.scenarioName);
    const QRectF versionRect(l.source.left(), sourceRect.bottom(), l.source.width(), lineHeight);
    painter.drawText(versionRect, Qt::AlignLeft | Qt::AlignVCenter,
                     sourceMetrics.elidedText(versions, Qt::ElideRight, versionRect.width()));
    painter.restore();
}

Status exportChart(const ChartFigure &figure, ExportFormat format, const QString &path, QSize size, double scale)
{
    PictureSpec spec;
    spec.format = format;
    spec.size = size;
    spec.scale = scale;
    spec.title = figure.title;
    spec.description = figure.description();
    return exportPicture(
        path, spec, [&](QPainter &painter, const QRectF &bounds) { ChartPainter::paint(painter, figure, bounds); });
}

} // namespace techrace
