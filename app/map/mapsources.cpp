#include "map/mapsources.h"

#include "appcontext.h"
#include "fundingcontroller.h"
#include "map/mapcontroller.h"
#include "model/results.h"
#include "workbench/metricinfo.h"

#include <QHash>

#include <array>
#include <cmath>

namespace techrace {

void addFundingSeries(MapController &map, const FundingController &funding)
{
    RegionSeriesInfo info;
    info.id = QStringLiteral("funding.cumulative_state");
    info.label = QStringLiteral("Cumulative announced state funding");
    info.unit = QStringLiteral("USD bn");
    info.description = QStringLiteral(
        "State semiconductor programmes announced up to the year, in billions of US dollars (equation F1 in "
        "docs/MODEL.md); the scenario scales Big Fund III with its lever.");
    info.sourceLine = funding.sourceLine();
    info.firstYear = funding.firstYear();
    info.lastYear = funding.lastYear();
    info.hasScenario = true;
    const FundingController *controller = &funding;
    map.addSource(std::make_shared<FunctionRegionSeries>(
        info, [controller](const QString &regionId, int year, SeriesRun run) -> std::optional<double> {
            return controller->value(regionId, year, run == SeriesRun::Baseline);
        }));
    QObject::connect(&funding, &FundingController::resultsChanged, &map, &MapController::invalidate);
}

} // namespace techrace

namespace techrace {

namespace {

// Which model outputs the map offers, by region and optionally per segment; names and units come from
// metricInfo(), as on the charts.
struct ModelMapMetric
{
    Metric metric;
    bool perSegment;
    double scaleCap = 0; // in displayed units; 0: the colour scale spans the data
};

constexpr std::array<ModelMapMetric, 12> modelMapMetrics {{
    {Metric::SelfSufficiency, false, 200},
    {Metric::Capacity, false},
    {Metric::AiComputeH100e, false},
    {Metric::AiComputeShare, false},
    {Metric::AiComputeAdditions, false},
    {Metric::AiChipImports, false},
    {Metric::BestNodeNm, false},
    {Metric::StateFunding, false},
    {Metric::CapacityShare, true},
    {Metric::SelfSufficiency, true, 200},
    {Metric::MarketShare, true},
    {Metric::MarketShareCn, true},
}};

QHash<QString, QString> segmentNames(const KnowledgeBase &kb)
{
    QHash<QString, QString> names;
    auto rows = kb.database().prepare(QStringLiteral("SELECT id, name FROM segments"));
    while (rows && rows->step() == SqliteStatement::Step::Row)
        names.insert(rows->text(0), rows->text(1));
    return names;
}

} // namespace

void addModelSeries(MapController &map, const AppContext &context, ModelResultsProvider results)
{
    const ModelEngine &engine = context.modelEngine();
    const auto layout = engine.layout();
    const QHash<QString, QString> segmentLabel = segmentNames(context.knowledgeBase());
    const QString sourceLine = QStringLiteral(
        "Source: TechRace model (docs/MODEL.md) on the TechRace knowledge base; parameters traced in the KB.");
    auto provider = std::make_shared<ModelResultsProvider>(std::move(results));

    for (const ModelMapMetric &view : modelMapMetrics) {
        const MetricInfo &shown = metricInfo(view.metric);
        const QStringList segments = view.perSegment ? engine.segments() : QStringList {QString()};
        for (int s = 0; s < segments.size(); ++s) {
            const int segmentIndex = view.perSegment ? s : -1;
            if (layout->find(view.metric, 0, segmentIndex) < 0)
                continue; // the model computes no such region series
            RegionSeriesInfo info;
            info.id = QStringLiteral("model.") + metricId(view.metric) +
                (view.perSegment ? QLatin1Char('.') + segments[s] : QString());
            info.label = shown.label +
                (view.perSegment ? QStringLiteral(": ") + segmentLabel.value(segments[s], segments[s]) : QString());
            info.unit = shown.unit;
            info.description =
                QStringLiteral("%1 by region, as the TechRace model computes it (metric %2 in docs/MODEL.md).")
                    .arg(shown.label, metricId(view.metric));
            info.sourceLine = sourceLine;
            info.firstYear = ModelEngine::firstYear;
            info.lastYear = ModelEngine::lastYear;
            info.hasScenario = true;
            if (view.scaleCap > 0)
                info.scaleCap = view.scaleCap;
            const QStringList regions = engine.regions();
            const Metric metric = view.metric;
            const double scale = shown.displayScale;
            map.addSource(std::make_shared<FunctionRegionSeries>(
                info,
                [provider, layout, regions, metric, segmentIndex, scale](const QString &regionId, int year,
                                                                         SeriesRun run) -> std::optional<double> {
                    const int region = regions.indexOf(regionId);
                    const int series = region < 0 ? -1 : layout->find(metric, region, segmentIndex);
                    if (series < 0 || year < layout->firstYear() || year > layout->lastYear())
                        return std::nullopt;
                    const double value = (*provider)(run).at(series, year);
                    if (std::isnan(value))
                        return std::nullopt;
                    return value * scale;
                }));
        }
    }
}

} // namespace techrace
