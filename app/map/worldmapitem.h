#pragma once

#include "map/mapcontroller.h"

#include <QQuickPaintedItem>

namespace techrace {

/**
 * The choropleth on screen: paints MapController's frame for its metric, year and mode with the shared MapPainter,
 * reports the region under the pointer and emits regionClicked. Exports use the same painter.
 */
class WorldMap : public QQuickPaintedItem
{
    Q_OBJECT
    QML_ELEMENT

    Q_PROPERTY(QString metric READ metric WRITE setMetric NOTIFY metricChanged)
    Q_PROPERTY(int year READ year WRITE setYear NOTIFY yearChanged)
    /** "baseline", "scenario" or "difference". */
    Q_PROPERTY(QString mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(bool arrows READ arrows WRITE setArrows NOTIFY arrowsChanged)
    Q_PROPERTY(QString selectedRegion READ selectedRegion WRITE setSelectedRegion NOTIFY selectedRegionChanged)
    Q_PROPERTY(QString hoveredRegion READ hoveredRegion NOTIFY hoveredRegionChanged)
    /** The facility dot under the pointer: "name (location), status"; empty elsewhere. */
    Q_PROPERTY(QString hoveredFacility READ hoveredFacility NOTIFY hoveredFacilityChanged)
    /** Empty when the map draws; otherwise why it cannot (unknown metric, year out of range). */
    Q_PROPERTY(QString errorText READ errorText NOTIFY errorTextChanged)

public:
    explicit WorldMap(QQuickItem *parent = nullptr);

    [[nodiscard]] QString metric() const { return m_request.metricId; }
    void setMetric(const QString &metric);
    [[nodiscard]] int year() const { return m_request.year; }
    void setYear(int year);
    [[nodiscard]] QString mode() const;
    void setMode(const QString &mode);
    [[nodiscard]] bool arrows() const { return m_request.arrows; }
    void setArrows(bool arrows);
    [[nodiscard]] QString selectedRegion() const { return m_request.selectedRegion; }
    void setSelectedRegion(const QString &region);
    [[nodiscard]] QString hoveredRegion() const { return m_request.hoveredRegion; }
    [[nodiscard]] QString hoveredFacility() const { return m_hoveredFacility; }
    [[nodiscard]] QString errorText() const { return m_errorText; }

    /** The region under a point in item coordinates, or an empty string. */
    Q_INVOKABLE [[nodiscard]] QString regionAt(qreal x, qreal y) const;
    /** Where a region's arrows start (its largest land mass), in item coordinates; for tests and tooltips. */
    Q_INVOKABLE [[nodiscard]] QPointF regionPoint(const QString &regionId) const;
    /** The facility dot under a point in item coordinates ("name (location), status"), or an empty string. */
    Q_INVOKABLE [[nodiscard]] QString facilityAt(qreal x, qreal y) const;
    /** Where the dot of the facility whose label starts with `name` is, in item coordinates; for tests. */
    Q_INVOKABLE [[nodiscard]] QPointF facilityPoint(const QString &name) const;

    void paint(QPainter *painter) override;

Q_SIGNALS:
    void metricChanged();
    void yearChanged();
    void modeChanged();
    void arrowsChanged();
    void selectedRegionChanged();
    void hoveredRegionChanged();
    void hoveredFacilityChanged();
    void errorTextChanged();
    void regionClicked(const QString &regionId);

protected:
    void hoverMoveEvent(QHoverEvent *event) override;
    void hoverLeaveEvent(QHoverEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;

private:
    void setHoveredRegion(const QString &region);
    void setHoveredFacility(const QString &label);
    MapRequest m_request;
    QString m_hoveredFacility;
    QString m_errorText;
};

} // namespace techrace
