#include "map/mappainter.h"

#include "export/picturestyle.h"

#include <QFontMetricsF>
#include <QImage>
#include <QPaintEngine>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace techrace {

namespace {

using namespace picture;

const QColor seaColor(0xee, 0xf2, 0xf5);
const QColor borderColor(0xff, 0xff, 0xff);
const QColor regionEdgeColor(0x7a, 0x7a, 0x75);
const QColor hoverColor(0x1d, 0x1d, 0x1b);
const QColor selectedColor(0x1f, 0x6f, 0xeb);
const QColor controlColor(0x8e, 0x01, 0x52);
const QColor countermeasureColor(0xe0, 0x82, 0x14);
constexpr int seaIndex = 253;
constexpr int transparentIndex = 254;

QPolygonF planeRing(const std::vector<geo::GeoPoint> &ring)
{
    QPolygonF polygon;
    polygon.reserve(qsizetype(ring.size()));
    for (const geo::GeoPoint &p : ring) {
        const geo::PlanePoint q = geo::equalearth::forward(p);
        polygon.append(QPointF(q.x, q.y));
    }
    return polygon;
}

/** Signed area and centroid of a closed polygon (shoelace). */
std::pair<double, QPointF> areaAndCentroid(const QPolygonF &polygon)
{
    double area = 0;
    double cx = 0;
    double cy = 0;
    for (qsizetype i = 0, n = polygon.size(); i < n; ++i) {
        const QPointF a = polygon.at(i);
        const QPointF b = polygon.at((i + 1) % n);
        const double cross = a.x() * b.y() - b.x() * a.y();
        area += cross;
        cx += (a.x() + b.x()) * cross;
        cy += (a.y() + b.y()) * cross;
    }
    area /= 2;
    if (std::abs(area) < 1e-12)
        return {0, polygon.isEmpty() ? QPointF() : polygon.first()};
    return {std::abs(area), QPointF(cx / (6 * area), cy / (6 * area))};
}

/** Layout unit: every size on the picture scales with it, so exports at any size look like the screen. */
double layoutUnit(const QRectF &bounds)
{
    return std::clamp(std::min(bounds.height() / 50, bounds.width() / 70), 10.0, 40.0);
}

} // namespace

MapPainter::MapPainter(const geo::WorldShapes &shapes)
{
    QHash<QString, qsizetype> indexOf;
    QHash<QString, double> largestArea;
    for (const geo::CountryShape &shape : shapes.shapes()) {
        auto it = indexOf.find(shape.regionId);
        if (it == indexOf.end()) {
            it = indexOf.insert(shape.regionId, m_regions.size());
            RegionPath region;
            region.regionId = shape.regionId;
            region.path.setFillRule(Qt::OddEvenFill);
            m_regions.append(region);
        }
        RegionPath &region = m_regions[*it];
        for (const auto &ring : shape.rings) {
            const QPolygonF polygon = planeRing(ring);
            region.path.addPolygon(polygon);
            region.path.closeSubpath();
            const auto [area, centroid] = areaAndCentroid(polygon);
            if (area > largestArea.value(shape.regionId, 0)) {
                largestArea.insert(shape.regionId, area);
                m_anchors.insert(shape.regionId, centroid);
            }
        }
    }
    for (RegionPath &region : m_regions)
        region.bounds = region.path.boundingRect();

    // The world's edge: the meridians ±180 from pole to pole.
    QPolygonF edge;
    for (int lat = -90; lat <= 90; ++lat)
        edge.append(
            QPointF(geo::equalearth::forward({180, double(lat)}).x, geo::equalearth::forward({180, double(lat)}).y));
    for (int lat = 90; lat >= -90; --lat)
        edge.append(
            QPointF(geo::equalearth::forward({-180, double(lat)}).x, geo::equalearth::forward({-180, double(lat)}).y));
    m_outline.addPolygon(edge);
    m_outline.closeSubpath();
}

QRectF MapPainter::mapRect(const QRectF &bounds) const
{
    const double unit = layoutUnit(bounds);
    const double top = bounds.top() + 4.2 * unit;
    const double bottom = bounds.bottom() - 5.6 * unit;
    const QRectF available(bounds.left() + unit, top, bounds.width() - 2 * unit, std::max(1.0, bottom - top));
    const double aspect = geo::equalearth::maxX() / geo::equalearth::maxY();
    double width = available.width();
    double height = width / aspect;
    if (height > available.height()) {
        height = available.height();
        width = height * aspect;
    }
    // Top-aligned, so the legend and the source line sit right under the map whatever the item's shape.
    return QRectF(available.center().x() - width / 2, available.top(), width, height);
}

QTransform MapPainter::planeToDevice(const QRectF &map) const
{
    const double scale = map.width() / (2 * geo::equalearth::maxX());
    QTransform t;
    t.translate(map.center().x(), map.center().y());
    t.scale(scale, -scale); // plane y points north, device y points down
    return t;
}

std::optional<QPointF> MapPainter::anchor(const QString &regionId) const
{
    const auto it = m_anchors.find(regionId);
    if (it == m_anchors.end())
        return std::nullopt;
    return *it;
}

QString MapPainter::regionAt(const QPointF &point, const QRectF &bounds) const
{
    const QRectF map = mapRect(bounds);
    if (!map.contains(point))
        return {};
    bool invertible = false;
    const QPointF plane = planeToDevice(map).inverted(&invertible).map(point);
    if (!invertible)
        return {};
    for (const RegionPath &region : m_regions) {
        if (region.bounds.contains(plane) && region.path.contains(plane))
            return region.regionId;
    }
    return {};
}

qsizetype MapPainter::dotAt(const QPointF &point, const QRectF &bounds, const QList<MapDot> &dots) const
{
    const QTransform toDevice = planeToDevice(mapRect(bounds));
    // A little larger than the dot: the drawn dot is small enough to be hard to hit exactly.
    const double radius = std::max(5.0, 0.6 * layoutUnit(bounds));
    qsizetype nearest = -1;
    double nearestDistance = radius * radius;
    for (qsizetype i = 0; i < dots.size(); ++i) {
        const geo::PlanePoint p = geo::equalearth::forward(dots.at(i).at);
        const QPointF offset = toDevice.map(QPointF(p.x, p.y)) - point;
        const double distance = QPointF::dotProduct(offset, offset);
        if (distance <= nearestDistance) {
            nearestDistance = distance;
            nearest = i;
        }
    }
    return nearest;
}

void MapPainter::paintDots(QPainter &painter, const QTransform &toDevice, const MapFrame &frame, double unit) const
{
    // The selected region's facilities last and larger, so neighbours' dots do not hide them.
    for (const bool selected : {false, true}) {
        painter.setPen(QPen(selected ? selectedColor : borderColor, std::max(0.8, unit / (selected ? 6 : 10))));
        painter.setBrush(textColor);
        const double radius = (selected ? 0.42 : 0.3) * unit;
        for (const MapDot &dot : frame.dots) {
            if ((dot.regionId == frame.selectedRegion && !frame.selectedRegion.isEmpty()) != selected)
                continue;
            const geo::PlanePoint p = geo::equalearth::forward(dot.at);
            painter.drawEllipse(toDevice.map(QPointF(p.x, p.y)), radius, radius);
        }
    }
}

void MapPainter::paint(QPainter &painter, const QRectF &bounds, const MapFrame &frame)
{
    const double unit = layoutUnit(bounds);
    const QRectF map = mapRect(bounds);
    const QTransform toDevice = planeToDevice(map);
    if (map != m_cachedMap) {
        m_cachedMap = map;
        m_devicePaths.clear();
        for (const RegionPath &region : std::as_const(m_regions))
            m_devicePaths.append(toDevice.map(region.path));
        m_deviceOutline = toDevice.map(m_outline);
        m_regionIndex = QImage();
        m_compositeTable.clear();
    }

    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setRenderHint(QPainter::TextAntialiasing, true);
    painter.fillRect(bounds, pageColor);

    // Title and subtitle.
    painter.setPen(textColor);
    painter.setFont(fontOfSize(1.45 * unit, true));
    const QRectF titleRect(bounds.left() + unit, bounds.top() + 0.6 * unit, bounds.width() - 2 * unit, 1.9 * unit);
    painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(painter.font()).elidedText(frame.title, Qt::ElideRight, titleRect.width()));
    painter.setPen(mutedColor);
    painter.setFont(fontOfSize(1.0 * unit));
    const QRectF subtitleRect(titleRect.left(), titleRect.bottom(), titleRect.width(), 1.5 * unit);
    painter.drawText(subtitleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(painter.font()).elidedText(frame.subtitle, Qt::ElideRight, subtitleRect.width()));

    if (painter.paintEngine() && painter.paintEngine()->type() == QPaintEngine::Raster &&
        painter.worldTransform().type() <= QTransform::TxScale &&
        qFuzzyCompare(painter.worldTransform().m11(), painter.worldTransform().m22()))
        paintChoroplethRaster(painter, frame, unit);
    else
        paintChoroplethVector(painter, frame, unit);

    paintDots(painter, toDevice, frame, unit);
    paintArrows(painter, toDevice, frame, unit);

    const QRectF legendArea(bounds.left() + unit, map.bottom() + 0.6 * unit, bounds.width() - 2 * unit, 3.4 * unit);
    paintLegend(painter, legendArea, frame, unit);

    painter.setPen(mutedColor);
    painter.setFont(fontOfSize(0.85 * unit));
    const QRectF sourceRect(bounds.left() + unit, legendArea.bottom() + 0.2 * unit, bounds.width() - 2 * unit,
                            1.4 * unit);
    painter.drawText(sourceRect, Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetricsF(painter.font()).elidedText(frame.sourceLine, Qt::ElideRight, sourceRect.width()));
    painter.restore();
}

QColor MapPainter::fillColor(qsizetype region, const MapFrame &frame) const
{
    const QString &id = m_regions.at(region).regionId;
    const auto value = frame.values.constFind(id);
    const QColor color = value == frame.values.constEnd() ? ColorScale::noDataColor() : frame.scale.color(*value);
    return id == frame.hoveredRegion ? color.darker(118) : color;
}

void MapPainter::paintSelection(QPainter &painter, const MapFrame &frame, double unit) const
{
    for (qsizetype i = 0; i < m_regions.size(); ++i) {
        if (m_regions.at(i).regionId == frame.selectedRegion) {
            painter.setBrush(Qt::NoBrush);
            painter.setPen(QPen(selectedColor, std::max(1.5, unit / 5)));
            painter.drawPath(m_devicePaths.at(i));
        }
    }
}

void MapPainter::paintChoroplethVector(QPainter &painter, const MapFrame &frame, double unit) const
{
    painter.setPen(Qt::NoPen);
    painter.setBrush(seaColor);
    painter.drawPath(m_deviceOutline);
    for (qsizetype i = 0; i < m_regions.size(); ++i) {
        painter.setBrush(fillColor(i, frame));
        painter.drawPath(m_devicePaths.at(i));
    }
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(regionEdgeColor, std::max(0.5, unit / 18)));
    for (const QPainterPath &path : m_devicePaths)
        painter.drawPath(path);
    paintSelection(painter, frame, unit);
}

void MapPainter::paintChoroplethRaster(QPainter &painter, const MapFrame &frame, double unit)
{
    // Cache in device pixels (a high-DPI window paints through a scaling transform) and draw untransformed.
    const qreal ratio = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const QTransform device = painter.worldTransform() * QTransform::fromScale(ratio, ratio);
    if (m_regionIndex.isNull() || device != m_rasterTransform) {
        m_rasterTransform = device;
        buildRasterCache(unit);
        m_composite.setDevicePixelRatio(ratio);
    }
    std::vector<QRgb> table(256, pageColor.rgb());
    for (qsizetype i = 0; i < m_regions.size(); ++i)
        table[std::size_t(i)] = fillColor(i, frame).rgb();
    table[seaIndex] = seaColor.rgb();
    if (table != m_compositeTable) {
        // Recolour in plain C++: one table look-up per pixel, then the sparse edge pixels blended on top.
        m_compositeTable = table;
        const int width = m_regionIndex.width();
        for (int y = 0; y < m_regionIndex.height(); ++y) {
            const uchar *source = m_regionIndex.constScanLine(y);
            auto *target = reinterpret_cast<QRgb *>(m_composite.scanLine(y));
            for (int x = 0; x < width; ++x)
                target[x] = table[source[x]];
        }
        auto *pixels = reinterpret_cast<QRgb *>(m_composite.bits());
        const qsizetype stride = m_composite.bytesPerLine() / qsizetype(sizeof(QRgb));
        for (const EdgePixel &edge : m_edgePixels) {
            QRgb &target = pixels[edge.y * stride + edge.x];
            const int inverse = 255 - qAlpha(edge.color);
            target = qRgb(qRed(edge.color) + qRed(target) * inverse / 255,
                          qGreen(edge.color) + qGreen(target) * inverse / 255,
                          qBlue(edge.color) + qBlue(target) * inverse / 255);
        }
    }
    painter.save();
    painter.resetTransform();
    painter.drawImage(QPointF(m_rasterOrigin) / m_composite.devicePixelRatio(), m_composite);
    painter.restore();
    paintSelection(painter, frame, unit);
}

void MapPainter::buildRasterCache(double unit)
{
    // Region ids as pixels, drawn once per size without antialiasing; a year or lever change then only swaps the
    // colour table. The antialiased edges, also drawn once, cover the aliased steps along every border and coast.
    const QTransform &device = m_rasterTransform;
    const double scale = device.m11();
    const QRect pixels = device.mapRect(m_cachedMap).toAlignedRect().adjusted(-2, -2, 2, 2);
    QImage ids(pixels.size(), QImage::Format_RGB32);
    ids.fill(qRgb(transparentIndex, 0, 0));
    QPainter p(&ids);
    p.translate(-pixels.topLeft());
    p.setTransform(device, true);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(seaIndex, 0, 0));
    p.drawPath(m_deviceOutline);
    for (qsizetype i = 0; i < m_regions.size(); ++i) {
        p.setBrush(QColor(int(i), 0, 0));
        p.drawPath(m_devicePaths.at(i));
    }
    p.end();
    m_regionIndex = QImage(pixels.size(), QImage::Format_Indexed8);
    for (int y = 0; y < ids.height(); ++y) {
        const auto *source = reinterpret_cast<const QRgb *>(ids.constScanLine(y));
        uchar *target = m_regionIndex.scanLine(y);
        for (int x = 0; x < ids.width(); ++x)
            target[x] = uchar(qRed(source[x]));
    }
    m_edges = QImage(pixels.size(), QImage::Format_ARGB32_Premultiplied);
    m_edges.fill(Qt::transparent);
    QPainter e(&m_edges);
    e.translate(-pixels.topLeft());
    e.setTransform(device, true);
    e.setRenderHint(QPainter::Antialiasing, true);
    e.setPen(QPen(seaColor.darker(103), 1.2 / scale));
    e.drawPath(m_deviceOutline);
    e.setPen(QPen(regionEdgeColor, std::max(0.5, unit / 18)));
    for (const QPainterPath &path : std::as_const(m_devicePaths))
        e.drawPath(path);
    e.end();
    m_edgePixels.clear();
    for (int y = 0; y < m_edges.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(m_edges.constScanLine(y));
        for (int x = 0; x < m_edges.width(); ++x) {
            if (qAlpha(line[x]) != 0)
                m_edgePixels.push_back({x, y, line[x]});
        }
    }
    m_edges = QImage();
    m_composite = QImage(pixels.size(), QImage::Format_RGB32); // opaque: drawn with a plain copy
    m_compositeTable.clear();
    m_rasterOrigin = pixels.topLeft();
}

void MapPainter::paintArrows(QPainter &painter, const QTransform &toDevice, const MapFrame &frame, double unit) const
{
    for (const MapArrow &arrow : frame.arrows) {
        const auto from = anchor(arrow.from);
        const auto to = anchor(arrow.to);
        if (!from || !to)
            continue;
        const QPointF a = toDevice.map(*from);
        const QPointF b = toDevice.map(*to);
        const QPointF chord = b - a;
        const double length = std::hypot(chord.x(), chord.y());
        if (length < unit)
            continue;
        // Bow to the left of the direction of travel, so arrows both ways between two regions stay apart.
        const QPointF normal(chord.y() / length, -chord.x() / length);
        const QPointF control = (a + b) / 2 + normal * (0.22 * length);
        QPointF tangent = b - control;
        tangent /= std::hypot(tangent.x(), tangent.y());
        const double head = 1.1 * unit;
        const QPointF tip = b - tangent * (0.4 * unit);
        QPainterPath curve(a);
        curve.quadTo(control, tip - tangent * head * 0.6);
        const QColor color = arrow.countermeasure ? countermeasureColor : controlColor;
        const double width = std::max(1.2, unit / 7) * (1 + 0.35 * (arrow.count - 1));

        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(255, 255, 255, 200), width + std::max(1.5, unit / 6), Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(curve);
        painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(curve);
        const QPointF side(-tangent.y(), tangent.x());
        QPolygonF arrowHead;
        arrowHead << tip << tip - tangent * head + side * head * 0.5 << tip - tangent * head - side * head * 0.5;
        painter.setPen(QPen(QColor(255, 255, 255, 200), std::max(1.0, unit / 10)));
        painter.setBrush(color);
        painter.drawPolygon(arrowHead);

        if (arrow.count > 1) {
            const QPointF middle = 0.25 * a + 0.5 * control + 0.25 * b;
            const double radius = 0.75 * unit;
            painter.setPen(QPen(Qt::white, std::max(1.0, unit / 10)));
            painter.setBrush(color);
            painter.drawEllipse(middle, radius, radius);
            painter.setPen(Qt::white);
            painter.setFont(fontOfSize(0.9 * unit, true));
            painter.drawText(QRectF(middle.x() - radius, middle.y() - radius, 2 * radius, 2 * radius), Qt::AlignCenter,
                             QString::number(arrow.count));
        }
    }
}

void MapPainter::paintLegend(QPainter &painter, const QRectF &area, const MapFrame &frame, double unit) const
{
    const ColorScale &scale = frame.scale;
    const QFont labelFont = fontOfSize(0.9 * unit);
    painter.setFont(fontOfSize(0.95 * unit, true));
    painter.setPen(textColor);
    painter.drawText(QRectF(area.left(), area.top(), area.width() / 2, 1.3 * unit), Qt::AlignLeft | Qt::AlignVCenter,
                     frame.legendTitle);

    const qsizetype bins = scale.colors().size();
    const double swatchWidth = std::min(4.5 * unit, area.width() * 0.5 / double(std::max<qsizetype>(bins, 1)));
    const double swatchTop = area.top() + 1.4 * unit;
    const double swatchHeight = 0.9 * unit;
    painter.setFont(labelFont);
    const QFontMetricsF metrics(labelFont);
    double x = area.left();
    for (qsizetype i = 0; i < bins; ++i) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(scale.colors().at(i));
        painter.drawRect(QRectF(x, swatchTop, swatchWidth, swatchHeight));
        x += swatchWidth;
    }
    painter.setPen(QPen(mutedColor, std::max(0.5, unit / 16)));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(QRectF(area.left(), swatchTop, swatchWidth * double(bins), swatchHeight));
    painter.setPen(textColor);
    for (qsizetype i = 0; i <= bins; ++i) {
        const double edgeX = area.left() + swatchWidth * double(i);
        const QString label = ColorScale::formatNumber(scale.edges().at(i));
        const double w = metrics.horizontalAdvance(label);
        painter.drawText(QPointF(std::max(area.left() - 0.8 * unit, edgeX - w / 2),
                                 swatchTop + swatchHeight + metrics.ascent() + 0.2 * unit),
                         label);
    }

    // No-data swatch, when a region has no value.
    x = area.left() + swatchWidth * double(bins) + 1.5 * unit;
    bool anyMissing = false;
    for (auto it = frame.regionNames.constBegin(); it != frame.regionNames.constEnd(); ++it)
        anyMissing = anyMissing || !frame.values.contains(it.key());
    if (anyMissing) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(ColorScale::noDataColor());
        painter.drawRect(QRectF(x, swatchTop, 1.4 * unit, swatchHeight));
        painter.setPen(textColor);
        painter.drawText(QPointF(x + 1.8 * unit, swatchTop + metrics.ascent() * 0.85), QStringLiteral("No data"));
        x += 1.8 * unit + metrics.horizontalAdvance(QStringLiteral("No data")) + 1.5 * unit;
    }

    // Arrow key, when arrows are drawn.
    bool controls = false;
    bool countermeasures = false;
    for (const MapArrow &arrow : frame.arrows)
        (arrow.countermeasure ? countermeasures : controls) = true;
    const auto key = [&](const QColor &color, const QString &text) {
        const double y = swatchTop + swatchHeight / 2;
        painter.setPen(QPen(color, std::max(1.2, unit / 7)));
        painter.drawLine(QPointF(x, y), QPointF(x + 2 * unit, y));
        painter.setBrush(color);
        painter.setPen(Qt::NoPen);
        QPolygonF head;
        head << QPointF(x + 2.4 * unit, y) << QPointF(x + 1.7 * unit, y - 0.4 * unit)
             << QPointF(x + 1.7 * unit, y + 0.4 * unit);
        painter.drawPolygon(head);
        painter.setPen(textColor);
        painter.drawText(QPointF(x + 2.8 * unit, y + metrics.ascent() * 0.35), text);
        x += 2.8 * unit + metrics.horizontalAdvance(text) + 1.5 * unit;
    };
    if (controls)
        key(controlColor, QStringLiteral("Export controls in force (imposer → target)"));
    if (countermeasures)
        key(countermeasureColor, QStringLiteral("Countermeasures in force"));
    if (!frame.dots.isEmpty()) {
        const double y = swatchTop + swatchHeight / 2;
        painter.setPen(QPen(borderColor, std::max(0.8, unit / 10)));
        painter.setBrush(textColor);
        painter.drawEllipse(QPointF(x + 0.4 * unit, y), 0.3 * unit, 0.3 * unit);
        painter.setPen(textColor);
        painter.drawText(QPointF(x + 1.1 * unit, y + metrics.ascent() * 0.35),
                         QStringLiteral("Facility (at the town the KB names)"));
    }
}

} // namespace techrace
