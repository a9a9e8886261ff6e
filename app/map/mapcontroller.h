#pragma once

#include "appcontext.h"
#include "geo/regionseries.h"
#include "map/mappainter.h"
#include "status.h"
#include "timeline/timeline.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

#include <memory>
#include <vector>

namespace techrace {

/** Which picture of a series the map shows. */
enum class MapMode
{
    Baseline,
    Scenario,
    Difference // scenario minus baseline, on a diverging scale
};

/** One picture's parameters, as the window and the command line state them. */
struct MapRequest
{
    QString metricId;
    int year = 0;
    MapMode mode = MapMode::Scenario;
    bool arrows = true;
    QString hoveredRegion;
    QString selectedRegion;
};

/**
 * The map's data: a registry of region series (model outputs and knowledge-base counts), the policies drawn as
 * arrows and the facts shown in a region's detail. The window's WorldMap, the region detail and
 * `techrace export map` all build their pictures here, so they agree.
 *
 * Plug a model output in with one call: `addSource(std::make_shared<FunctionRegionSeries>(info, valueFunction))`
 * and connect the model's "results changed" signal to `invalidate()`.
 */
class MapController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /** [{id, label, unit, description, hasScenario}] in registration order. */
    Q_PROPERTY(QVariantList metrics READ metrics NOTIFY metricsChanged)
    Q_PROPERTY(int firstYear READ firstYear NOTIFY metricsChanged)
    Q_PROPERTY(int lastYear READ lastYear NOTIFY metricsChanged)
    /** [{id, name}] of the knowledge base's regions, in their order. */
    Q_PROPERTY(QVariantList regions READ regions CONSTANT)
    /** Bumped whenever any series changes, so bindings that show values re-evaluate. */
    Q_PROPERTY(int revision READ revision NOTIFY dataChanged)

public:
    explicit MapController(std::shared_ptr<const AppContext> context, QObject *parent = nullptr);
    ~MapController() override;

    static MapController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(MapController *instance);
    /** The instance QML gets (owned by main() or the test); null before setInstance. */
    static MapController *instance();

    /** Adds a series to the metric chooser (a source with an id already present replaces it). */
    void addSource(std::shared_ptr<const RegionSeriesSource> source);
    [[nodiscard]] const RegionSeriesSource *source(const QString &metricId) const;
    [[nodiscard]] QVariantList metrics() const;
    [[nodiscard]] int firstYear() const;
    [[nodiscard]] int lastYear() const;
    [[nodiscard]] int revision() const { return m_revision; }
    [[nodiscard]] QVariantList regions() const;

    [[nodiscard]] const KnowledgeBase &knowledgeBase() const { return m_context->knowledgeBase(); }
    [[nodiscard]] const QList<TimelineItem> &timeline() const { return m_timeline; }
    /** Shared by every map view: projected shapes are built once. */
    [[nodiscard]] MapPainter &painter() { return *m_painter; }
    /** The knowledge base's facilities that have coordinates, as the map draws them. */
    [[nodiscard]] const QList<MapDot> &facilityDots() const { return m_facilityDots; }

    /** The picture for a request, or a message naming the unknown metric or the year out of range. */
    [[nodiscard]] Expected<MapFrame> frame(const MapRequest &request) const;
    /** A region's value as the map shows it (mode applied); nothing when it has no data. */
    [[nodiscard]] std::optional<double> value(const QString &metricId, const QString &regionId, int year,
                                              MapMode mode) const;
    static std::optional<MapMode> modeFromString(const QString &mode);

    Q_INVOKABLE [[nodiscard]] QString regionName(const QString &regionId) const;
    /** "China: 142 USD bn" (or "China: no data"), as the hover label shows it. */
    Q_INVOKABLE [[nodiscard]] QString valueText(const QString &metricId, const QString &regionId, int year,
                                                const QString &mode) const;
    /**
     * What the region detail shows: {id, name, unit, series: [{year, baseline, scenario}], companies: [{name, roles}],
     * facilities: [{name, company, location, status, located}], policies: [{title, role, period, status, quote,
     * source}]}.
     */
    Q_INVOKABLE [[nodiscard]] QVariantMap regionDetail(const QString &regionId, const QString &metricId) const;

public Q_SLOTS:
    /** Call when a series' values changed (a lever moved): every map repaints. */
    void invalidate();

Q_SIGNALS:
    void metricsChanged();
    void dataChanged();

private:
    std::shared_ptr<const AppContext> m_context;
    QList<KnowledgeBase::Region> m_regions;
    std::vector<std::shared_ptr<const RegionSeriesSource>> m_sources;
    QList<TimelineItem> m_timeline;
    QList<MapDot> m_facilityDots;
    std::unique_ptr<MapPainter> m_painter;
    int m_revision = 0;
};

} // namespace techrace
