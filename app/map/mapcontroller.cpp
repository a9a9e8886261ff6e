#include "map/mapcontroller.h"

#include "geo/kbregionseries.h"
#include "geo/worldshapes.h"
#include "kb/regionfacts.h"
#include "logging.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace techrace {

namespace {

MapController *s_instance = nullptr;

QString periodText(const TimelineItem &item)
{
    const auto monthText = [](double t) {
        const int year = int(t);
        const int month = int(std::lround((t - year) * 12)) + 1;
        return month <= 1 ? QString::number(year)
                          : QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
    };
    QString text = monthText(item.start);
    if (item.end)
        text += u" – " + monthText(*item.end);
    else if (item.kind == TimelineItem::Kind::Policy)
        text += QStringLiteral(" – (no expiry)");
    return text;
}

QString modeSubtitle(MapMode mode, bool hasScenario)
{
    switch (mode) {
    case MapMode::Baseline:
        return QStringLiteral("Baseline");
    case MapMode::Scenario:
        return hasScenario ? QStringLiteral("Scenario") : QStringLiteral("Observed (no scenario applies)");
    case MapMode::Difference:
        return QStringLiteral("Difference: scenario minus baseline");
    }
    return {};
}

} // namespace

MapController::MapController(std::shared_ptr<const AppContext> context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
    m_regions = m_context->knowledgeBase().regions();
    auto timeline = loadTimeline(m_context->knowledgeBase());
    if (timeline)
        m_timeline = std::move(timeline).value();
    else
        qCWarning(lcMap) << "cannot read the timeline:" << timeline.message();
    const geo::WorldShapes &shapes = geo::WorldShapes::embedded();
    if (shapes.shapes().isEmpty())
        qCWarning(lcMap) << "the embedded world map is empty";
    m_painter = std::make_unique<MapPainter>(shapes);
    for (const auto &facility : locatedFacilities(m_context->knowledgeBase())) {
        QString label = facility.name;
        if (!facility.location.isEmpty())
            label += QStringLiteral(" (%1)").arg(facility.location);
        if (!facility.status.isEmpty())
            label += QStringLiteral(", ") + QString(facility.status).replace(u'_', u' ');
        m_facilityDots.append({{*facility.longitude, *facility.latitude}, label, facility.regionId});
    }

    addSource(std::make_shared<PolicyCountSeries>(m_timeline, PolicyCountSeries::Side::Targeted,
                                                  FundingModel::firstYear, FundingModel::lastYear));
    addSource(std::make_shared<PolicyCountSeries>(m_timeline, PolicyCountSeries::Side::Imposed, FundingModel::firstYear,
                                                  FundingModel::lastYear));
}

MapController::~MapController()
{
    if (s_instance == this)
        s_instance = nullptr;
}

MapController *MapController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void MapController::setInstance(MapController *instance)
{
    s_instance = instance;
}

MapController *MapController::instance()
{
    return s_instance;
}

void MapController::addSource(std::shared_ptr<const RegionSeriesSource> source)
{
    const QString id = source->info().id;
    const auto it = std::find_if(m_sources.begin(), m_sources.end(), [&](const auto &s) { return s->info().id == id; });
    if (it != m_sources.end())
        *it = std::move(source);
    else if (id.startsWith(QLatin1String("kb.")))
        m_sources.push_back(std::move(source));
    else // model outputs come before the knowledge-base counts in the chooser
        m_sources.insert(std::find_if(m_sources.begin(), m_sources.end(),
                                      [](const auto &s) { return s->info().id.startsWith(QLatin1String("kb.")); }),
                         std::move(source));
    Q_EMIT metricsChanged();
    invalidate();
}

const RegionSeriesSource *MapController::source(const QString &metricId) const
{
    for (const auto &s : m_sources) {
        if (s->info().id == metricId)
            return s.get();
    }
    return nullptr;
}

QVariantList MapController::metrics() const
{
    QVariantList list;
    for (const auto &s : m_sources) {
        const RegionSeriesInfo &info = s->info();
        list.append(QVariantMap {{QStringLiteral("id"), info.id},
                                 {QStringLiteral("label"), info.label},
                                 {QStringLiteral("unit"), info.unit},
                                 {QStringLiteral("description"), info.description},
                                 {QStringLiteral("hasScenario"), info.hasScenario}});
    }
    return list;
}

QVariantList MapController::regions() const
{
    QVariantList list;
    for (const auto &region : m_context->knowledgeBase().regions())
        list.append(QVariantMap {{QStringLiteral("id"), region.id}, {QStringLiteral("name"), region.name}});
    return list;
}

int MapController::firstYear() const
{
    int year = FundingModel::firstYear;
    for (const auto &s : m_sources)
        year = std::min(year, s->info().firstYear);
    return year;
}

int MapController::lastYear() const
{
    int year = FundingModel::lastYear;
    for (const auto &s : m_sources)
        year = std::max(year, s->info().lastYear);
    return year;
}

void MapController::invalidate()
{
    ++m_revision;
    Q_EMIT dataChanged();
}

std::optional<MapMode> MapController::modeFromString(const QString &mode)
{
    if (mode == u"baseline")
        return MapMode::Baseline;
    if (mode == u"scenario")
        return MapMode::Scenario;
    if (mode == u"difference")
        return MapMode::Difference;
    return std::nullopt;
}

std::optional<double> MapController::value(const QString &metricId, const QString &regionId, int year,
                                           MapMode mode) const
{
    const RegionSeriesSource *s = source(metricId);
    if (!s)
        return std::nullopt;
    if (mode == MapMode::Baseline)
        return s->value(regionId, year, SeriesRun::Baseline);
    const auto scenario = s->value(regionId, year, SeriesRun::Scenario);
    if (mode == MapMode::Scenario || !scenario)
        return scenario;
    const auto baseline = s->value(regionId, year, SeriesRun::Baseline);
    if (!baseline)
        return std::nullopt;
    return *scenario - *baseline;
}

Expected<MapFrame> MapController::frame(const MapRequest &request) const
{
    const RegionSeriesSource *s = source(request.metricId);
    if (!s) {
        QStringList ids;
        for (const auto &known : m_sources)
            ids.append(known->info().id);
        return Status::failure(
            QStringLiteral("Unknown metric \"%1\"; known metrics: %2").arg(request.metricId, ids.join(u", ")));
    }
    const RegionSeriesInfo &info = s->info();
    if (request.year < info.firstYear || request.year > info.lastYear)
        return Status::failure(QStringLiteral("Year %1 is outside %2–%3, the years of \"%4\"")
                                   .arg(request.year)
                                   .arg(info.firstYear)
                                   .arg(info.lastYear)
                                   .arg(info.id));
    MapFrame frame;
    frame.title = QStringLiteral("%1, %2").arg(info.label).arg(request.year);
    frame.subtitle = modeSubtitle(request.mode, info.hasScenario);
    frame.legendTitle =
        request.mode == MapMode::Difference ? QStringLiteral("Change from baseline, %1").arg(info.unit) : info.unit;
    frame.sourceLine = info.sourceLine;
    frame.hoveredRegion = request.hoveredRegion;
    frame.selectedRegion = request.selectedRegion;

    // The scale spans every year, so colours stay put while the year plays.
    double lowest = 0;
    double highest = 0;
    for (const auto &region : std::as_const(m_regions)) {
        frame.regionNames.insert(region.id, region.name);
        for (int year = info.firstYear; year <= info.lastYear; ++year) {
            if (const auto v = value(info.id, region.id, year, request.mode)) {
                lowest = std::min(lowest, *v);
                highest = std::max(highest, *v);
            }
        }
        if (const auto v = value(info.id, region.id, request.year, request.mode))
            frame.values.insert(region.id, *v);
    }
    if (info.scaleCap && request.mode != MapMode::Difference)
        highest = std::min(highest, *info.scaleCap);
    frame.scale = ColorScale::fit(request.mode == MapMode::Difference ? ColorScale::Kind::Diverging
                                                                      : ColorScale::Kind::Sequential,
                                  lowest, highest);

    if (request.arrows) {
        for (const TimelineItem &item : m_timeline) {
            if (!item.restrictsDuring(request.year))
                continue;
            const bool counter = item.effect == TimelineItem::Effect::Countermeasure;
            const auto it = std::find_if(frame.arrows.begin(), frame.arrows.end(), [&](const MapArrow &a) {
                return a.from == item.regionId && a.to == item.targetRegionId && a.countermeasure == counter;
            });
            if (it != frame.arrows.end()) {
                ++it->count;
                it->names.append(item.title);
            } else {
                frame.arrows.append({item.regionId, item.targetRegionId, 1, counter, {item.title}});
            }
        }
    }
    frame.dots = m_facilityDots;
    if (!frame.dots.isEmpty())
        frame.sourceLine += QStringLiteral(" Facility towns: GeoNames (CC BY 4.0), docs/PLACES.md.");
    return frame;
}

QString MapController::regionName(const QString &regionId) const
{
    for (const auto &region : m_context->knowledgeBase().regions()) {
        if (region.id == regionId)
            return region.name;
    }
    return regionId;
}

QString MapController::valueText(const QString &metricId, const QString &regionId, int year, const QString &mode) const
{
    const RegionSeriesSource *s = source(metricId);
    const auto parsedMode = modeFromString(mode);
    if (!s || !parsedMode || regionId.isEmpty())
        return {};
    const auto v = value(metricId, regionId, year, *parsedMode);
    if (!v)
        return QStringLiteral("%1: no data").arg(regionName(regionId));
    const QString number = QLocale::c().toString(*v, 'f', std::abs(*v) >= 100 || *v == std::round(*v) ? 0 : 1);
    const QString sign = *parsedMode == MapMode::Difference && *v > 0 ? QStringLiteral("+") : QString();
    return QStringLiteral("%1: %2%3 %4").arg(regionName(regionId), sign, number, s->info().unit);
}

QVariantMap MapController::regionDetail(const QString &regionId, const QString &metricId) const
{
    QVariantMap detail;
    detail.insert(QStringLiteral("id"), regionId);
    detail.insert(QStringLiteral("name"), regionName(regionId));
    if (const RegionSeriesSource *s = source(metricId)) {
        QVariantList series;
        for (int year = s->info().firstYear; year <= s->info().lastYear; ++year) {
            const auto baseline = s->value(regionId, year, SeriesRun::Baseline);
            const auto scenario = s->value(regionId, year, SeriesRun::Scenario);
            series.append(QVariantMap {{QStringLiteral("year"), year},
                                       {QStringLiteral("baseline"), baseline ? QVariant(*baseline) : QVariant()},
                                       {QStringLiteral("scenario"), scenario ? QVariant(*scenario) : QVariant()}});
        }
        detail.insert(QStringLiteral("series"), series);
        detail.insert(QStringLiteral("unit"), s->info().unit);
        detail.insert(QStringLiteral("metricLabel"), s->info().label);
    }
    const RegionFacts facts = loadRegionFacts(m_context->knowledgeBase(), regionId);
    QVariantList companies;
    for (const auto &c : facts.companies)
        companies.append(QVariantMap {{QStringLiteral("name"), c.name}, {QStringLiteral("roles"), c.roles}});
    detail.insert(QStringLiteral("companies"), companies);
    QVariantList facilities;
    for (const auto &f : facts.facilities) {
        facilities.append(QVariantMap {{QStringLiteral("name"), f.name},
                                       {QStringLiteral("company"), f.companyName},
                                       {QStringLiteral("location"), f.location},
                                       {QStringLiteral("status"), f.status},
                                       {QStringLiteral("located"), f.latitude.has_value()}});
    }
    detail.insert(QStringLiteral("facilities"), facilities);
    QVariantList policies;
    for (const TimelineItem &item : m_timeline) {
        if (item.kind != TimelineItem::Kind::Policy || !item.involves(regionId))
            continue;
        const bool imposes = item.regionId == regionId;
        const QString other = regionName(imposes ? item.targetRegionId : item.regionId);
        policies.append(QVariantMap {
            {QStringLiteral("title"), item.title},
            {QStringLiteral("role"),
             imposes ? QStringLiteral("imposes on %1").arg(other) : QStringLiteral("imposed by %1").arg(other)},
            {QStringLiteral("period"), periodText(item)},
            {QStringLiteral("status"), item.status},
            {QStringLiteral("quote"), item.quote},
            {QStringLiteral("source"), item.sourceId}});
    }
    detail.insert(QStringLiteral("policies"), policies);
    return detail;
}

} // namespace techrace
