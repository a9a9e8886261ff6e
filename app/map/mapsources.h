#pragma once

#include "geo/regionseries.h"

#include <functional>

namespace techrace {

class AppContext;
class FundingController;
class MapController;
class Results;

/**
 * Puts the funding projection on the map: cumulative announced state funding by region (USD bn), baseline and the
 * scenario FundingController holds; the map repaints when its lever moves. The model engine's outputs plug in the
 * same way (MapController::addSource with a FunctionRegionSeries, and a connection to MapController::invalidate).
 */
void addFundingSeries(MapController &map, const FundingController &funding);

/** The model run a map series reads: the baseline, or whatever scenario the caller currently holds. */
using ModelResultsProvider = std::function<const Results &(SeriesRun run)>;

/**
 * Puts the model's region outputs on the map (ids "model.<metric>" and, per segment, "model.<metric>.<segment>"):
 * self-sufficiency, capacity and its share, AI compute and its share, additions, imports, best node, state funding.
 * Shares are shown in percent. The caller owns the runs and calls MapController::invalidate when they change.
 */
void addModelSeries(MapController &map, const AppContext &context, ModelResultsProvider results);

} // namespace techrace
