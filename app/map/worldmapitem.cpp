#include "map/worldmapitem.h"

#include <QCursor>
#include <QPainter>

namespace techrace {

WorldMap::WorldMap(QQuickItem *parent)
    : QQuickPaintedItem(parent)
{
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setOpaquePainting(true);
    if (MapController *controller = MapController::instance())
        connect(controller, &MapController::dataChanged, this, [this]() { update(); });
}

void WorldMap::setMetric(const QString &metric)
{
    if (metric == m_request.metricId)
        return;
    m_request.metricId = metric;
    Q_EMIT metricChanged();
    update();
}

void WorldMap::setYear(int year)
{
    if (year == m_request.year)
        return;
    m_request.year = year;
    Q_EMIT yearChanged();
    update();
}

QString WorldMap::mode() const
{
    switch (m_request.mode) {
    case MapMode::Baseline:
        return QStringLiteral("baseline");
    case MapMode::Scenario:
        return QStringLiteral("scenario");
    case MapMode::Difference:
        return QStringLiteral("difference");
    }
    return {};
}

void WorldMap::setMode(const QString &mode)
{
    const auto parsed = MapController::modeFromString(mode);
    if (!parsed || *parsed == m_request.mode)
        return;
    m_request.mode = *parsed;
    Q_EMIT modeChanged();
    update();
}

void WorldMap::setArrows(bool arrows)
{
    if (arrows == m_request.arrows)
        return;
    m_request.arrows = arrows;
    Q_EMIT arrowsChanged();
    update();
}

void WorldMap::setSelectedRegion(const QString &region)
{
    if (region == m_request.selectedRegion)
        return;
    m_request.selectedRegion = region;
    Q_EMIT selectedRegionChanged();
    update();
}

void WorldMap::setHoveredRegion(const QString &region)
{
    if (region == m_request.hoveredRegion)
        return;
    m_request.hoveredRegion = region;
    setCursor(region.isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
    Q_EMIT hoveredRegionChanged();
    update();
}

QString WorldMap::regionAt(qreal x, qreal y) const
{
    MapController *controller = MapController::instance();
    return controller ? controller->painter().regionAt(QPointF(x, y), boundingRect()) : QString();
}

QPointF WorldMap::regionPoint(const QString &regionId) const
{
    MapController *controller = MapController::instance();
    if (!controller)
        return {};
    const auto anchor = controller->painter().anchor(regionId);
    if (!anchor)
        return {};
    const QRectF map = controller->painter().mapRect(boundingRect());
    const double scale = map.width() / (2 * geo::equalearth::maxX());
    return {map.center().x() + anchor->x() * scale, map.center().y() - anchor->y() * scale};
}

QString WorldMap::facilityAt(qreal x, qreal y) const
{
    MapController *controller = MapController::instance();
    if (!controller)
        return {};
    const QList<MapDot> &dots = controller->facilityDots();
    const qsizetype index = controller->painter().dotAt(QPointF(x, y), boundingRect(), dots);
    return index < 0 ? QString() : dots.at(index).label;
}

QPointF WorldMap::facilityPoint(const QString &name) const
{
    MapController *controller = MapController::instance();
    if (!controller)
        return {};
    for (const MapDot &dot : controller->facilityDots()) {
        if (!dot.label.startsWith(name))
            continue;
        const QRectF map = controller->painter().mapRect(boundingRect());
        const double scale = map.width() / (2 * geo::equalearth::maxX());
        const geo::PlanePoint p = geo::equalearth::forward(dot.at);
        return {map.center().x() + p.x * scale, map.center().y() - p.y * scale};
    }
    return {};
}

void WorldMap::paint(QPainter *painter)
{
    MapController *controller = MapController::instance();
    if (!controller)
        return;
    auto frame = controller->frame(m_request);
    const QString error = frame ? QString() : frame.message();
    if (error != m_errorText) {
        m_errorText = error;
        Q_EMIT errorTextChanged();
    }
    if (!frame) {
        painter->fillRect(boundingRect(), Qt::white);
        return;
    }
    controller->painter().paint(*painter, boundingRect(), frame.value());
}

void WorldMap::hoverMoveEvent(QHoverEvent *event)
{
    setHoveredRegion(regionAt(event->position().x(), event->position().y()));
    setHoveredFacility(facilityAt(event->position().x(), event->position().y()));
}

void WorldMap::hoverLeaveEvent(QHoverEvent *)
{
    setHoveredRegion(QString());
    setHoveredFacility(QString());
}

void WorldMap::setHoveredFacility(const QString &label)
{
    if (label == m_hoveredFacility)
        return;
    m_hoveredFacility = label;
    Q_EMIT hoveredFacilityChanged();
}

void WorldMap::mousePressEvent(QMouseEvent *event)
{
    event->setAccepted(!regionAt(event->position().x(), event->position().y()).isEmpty());
}

void WorldMap::mouseReleaseEvent(QMouseEvent *event)
{
    const QString region = regionAt(event->position().x(), event->position().y());
    if (region.isEmpty())
        return;
    setSelectedRegion(region);
    Q_EMIT regionClicked(region);
}

} // namespace techrace
