#pragma once

#include "model/modelengine.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace techrace {

/** Which output value an analysis looks at: metric, region, segment (may be empty), company (may be empty), year. */
struct OutputRef
{
    QString metric;
    QString region;
    QString segment;
    QString company;
    int year = 2030;
};

/** Resolves an OutputRef against the engine's layout: the series index, or a message naming what is unknown. */
Expected<int> findSeries(const ModelEngine &engine, const OutputRef &output);

/**
 * Seeded Latin hypercube over every parameter with low < high (uniform within its range): `draws` runs, spread over
 * `threads` threads (0 = as many as the machine has). Returns the deterministic run at central values plus
 * p10/p50/p90 per value (nearest-rank quantiles). The samples depend only on the seed and the draw count, never on
 * the thread count, so the numbers are identical for the same scenario and seed. At most maxDraws draws.
 * Cost: draws x one run, plus quantiles over draws x values. A chart that needs a few bands passes their series
 * (a GUI's fast path); exports take all.
 */
struct Uncertainty
{
    static constexpr int maxDraws = 2000;
    /**
     * `series`: the series to compute quantiles for (empty: all); the others' quantiles are NaN. `cancelled`, when
     * given, is asked between draws (from the worker threads); once it returns true the run stops and fails with
     * "cancelled", so a view can drop a computation the user has already moved past.
     */
    static Expected<Results> run(const ModelEngine &engine, const Scenario &scenario, int draws, quint32 seed,
                                 int threads = 0, const std::vector<int> &series = {},
                                 const std::function<bool()> &cancelled = {});
};

/** One bar of a tornado: the output with one input at its low and at its high end, all else as in the scenario. */
struct TornadoBar
{
    QString id; // lever id, or parameter id
    QString label;
    bool isLever = false;
    double lowInput = 0;
    double highInput = 0;
    double outputAtLow = 0;
    double outputAtHigh = 0;
    [[nodiscard]] double swing() const { return outputAtHigh - outputAtLow; }
};

/** Every lever (over its range) and every parameter (over low..high), sorted by |swing|, largest first. */
Expected<std::vector<TornadoBar>> tornado(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output);

/** Where a tornado input comes from: its KB rows ("table:id"), the source of its value and the verbatim quote. */
struct InputSource
{
    QStringList kbRows;
    QString sourceId;
    QString quote;
};
/** The KB provenance of a bar's input (a lever or a parameter); empty when the engine does not know it. */
InputSource inputSource(const ModelEngine &engine, const TornadoBar &bar);

struct GoalSeekResult
{
    bool reached = false;
    double leverValue = 0; // the value that reaches the target, or the one that comes closest
    double output = 0; // the output at leverValue
};

/** The lever value (within its range) at which the output equals `target`, or the closest one when unreachable. */
Expected<GoalSeekResult> goalSeek(const ModelEngine &engine, const Scenario &scenario, const QString &leverId,
                                  const OutputRef &output, double target);

/** One policy's contribution to an output (see wedges()). */
struct Wedge
{
    QString leverId;
    QString label;
    double contribution = 0;
};

/**
 * Each active policy's contribution: starting from the scenario with every active policy lever (groups subsidies,
 * export controls, countermeasures; unit fraction or multiple; value above its minimum) switched off (set to its
 * minimum), policies are switched back on one at a time in registry order; a policy's wedge is the change it adds.
 * The wedges sum exactly to output(scenario) - output(no policies), returned in `total`.
 */
struct WedgeResult
{
    double noPolicyOutput = 0;
    double scenarioOutput = 0;
    std::vector<Wedge> wedges;
};
Expected<WedgeResult> wedges(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output);

/**
 * The change from the baseline, lever by lever: starting from the baseline, every lever the scenario moves is set to
 * the scenario's value one at a time in registry order; each wedge is the change it adds. `noPolicyOutput` holds the
 * baseline's value; the wedges sum exactly to scenario − baseline.
 */
Expected<WedgeResult> changeFromBaseline(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output);

} // namespace techrace
