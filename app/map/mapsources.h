#pragma once

namespace techrace {

class FundingController;
class MapController;

/**
 * Puts the funding projection on the map: cumulative announced state funding by region (USD bn), baseline and the
 * scenario FundingController holds; the map repaints when its lever moves. The model engine's outputs plug in the
 * same way (MapController::addSource with a FunctionRegionSeries, and a connection to MapController::invalidate).
 */
void addFundingSeries(MapController &map, const FundingController &funding);

} // namespace techrace
