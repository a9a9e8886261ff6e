#include "map/mapsources.h"

#include "fundingcontroller.h"
#include "map/mapcontroller.h"

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
