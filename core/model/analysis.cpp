#include "model/analysis.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

namespace techrace {

namespace {

struct Evaluator
{
    const ModelEngine &engine;
    std::vector<double> levers;
    std::vector<double> parameters;
    Results results;
    int series = 0;
    int year = 0;

    double operator()()
    {
        engine.runWith(levers.data(), parameters.data(), results);
        return results.at(series, year);
    }
};

Expected<Evaluator> evaluator(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output)
{
    auto series = findSeries(engine, output);
    if (!series)
        return series.status();
    return Evaluator {engine,
                      scenario.leverValues(engine.levers()),
                      engine.parameterValues(),
                      engine.makeResults(),
                      series.value(),
                      output.year};
}

} // namespace

Expected<int> findSeries(const ModelEngine &engine, const OutputRef &output)
{
    const auto metric = metricFromId(output.metric);
    if (!metric)
        return Status::failure(QStringLiteral("unknown metric \"%1\" (metrics: %2)")
                                   .arg(output.metric, metricIds().join(QStringLiteral(", "))));
    const auto index = [](const QStringList &ids, const QString &id) {
        return id.isEmpty() ? -1 : static_cast<int>(ids.indexOf(id));
    };
    const int region = index(engine.regions(), output.region);
    const int segment = index(engine.segments(), output.segment);
    const int company = index(engine.companies(), output.company);
    if (!output.region.isEmpty() && region < 0)
        return Status::failure(QStringLiteral("unknown region \"%1\" (regions: %2)")
                                   .arg(output.region, engine.regions().join(QStringLiteral(", "))));
    if (!output.segment.isEmpty() && segment < 0)
        return Status::failure(QStringLiteral("unknown segment \"%1\"").arg(output.segment));
    if (!output.company.isEmpty() && company < 0)
        return Status::failure(QStringLiteral("unknown company \"%1\"").arg(output.company));
    if (output.year < ModelEngine::firstYear || output.year > ModelEngine::lastYear)
        return Status::failure(QStringLiteral("year %1 is outside %2-%3")
                                   .arg(output.year)
                                   .arg(ModelEngine::firstYear)
                                   .arg(ModelEngine::lastYear));
    const int series = engine.layout()->find(*metric, region, segment, company);
    if (series < 0)
        return Status::failure(QStringLiteral("the model has no %1 for region \"%2\", segment \"%3\", company \"%4\"")
                                   .arg(output.metric, output.region, output.segment, output.company));
    return series;
}

Expected<Results> Uncertainty::run(const ModelEngine &engine, const Scenario &scenario, int draws, quint32 seed,
                                   int threads, const std::vector<int> &series, const std::function<bool()> &cancelled)
{
    if (draws < 2 || draws > maxDraws)
        return Status::failure(QStringLiteral("draws must be between 2 and %1, got %2").arg(maxDraws).arg(draws));
    const std::vector<double> levers = scenario.leverValues(engine.levers());
    const std::vector<double> central = engine.parameterValues();
    const auto &parameters = engine.parameters();

    // Latin hypercube: per uncertain parameter, one draw in each of `draws` equal strata, strata shuffled.
    std::vector<int> uncertain;
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        if (parameters[i].low < parameters[i].high)
            uncertain.push_back(static_cast<int>(i));
    }
    const auto n = static_cast<std::size_t>(draws);
    std::vector<double> samples(uncertain.size() * n);
    std::mt19937_64 rng(seed); // the engine is standardised, so are the draws; distributions are not, so none used
    const auto unit = [&rng] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
    std::vector<int> strata(n);
    for (std::size_t k = 0; k < uncertain.size(); ++k) {
        std::iota(strata.begin(), strata.end(), 0);
        for (std::size_t i = n - 1; i > 0; --i)
            std::swap(strata[i], strata[static_cast<std::size_t>(rng() % (i + 1))]);
        const ModelParameter &p = parameters[static_cast<std::size_t>(uncertain[k])];
        for (std::size_t d = 0; d < n; ++d) {
            const double u = (strata[d] + unit()) / static_cast<double>(n);
            samples[k * n + d] = p.low + u * (p.high - p.low);
        }
    }

    Results result = engine.makeResults();
    engine.runWith(levers.data(), central.data(), result);
    // The value cells whose quantiles are wanted: every cell, or the years of the chosen series.
    const auto years = static_cast<std::size_t>(result.layout().yearCount());
    std::vector<std::size_t> wanted;
    if (series.empty()) {
        wanted.resize(result.values().size());
        std::iota(wanted.begin(), wanted.end(), std::size_t(0));
    } else {
        for (int s : series) {
            if (s < 0 || static_cast<std::size_t>(s) >= result.layout().keys().size())
                return Status::failure(QStringLiteral("no series %1").arg(s));
            for (std::size_t y = 0; y < years; ++y)
                wanted.push_back(static_cast<std::size_t>(s) * years + y);
        }
    }
    const std::size_t cells = wanted.size();
    std::vector<float> byDraw(n * cells); // draw-major: each run writes one contiguous row

    const int threadCount =
        std::clamp(threads > 0 ? threads : static_cast<int>(std::thread::hardware_concurrency()), 1, 64);
    std::atomic<bool> stop = false;
    const auto work = [&](std::size_t firstDraw, std::size_t lastDraw) {
        std::vector<double> values = central;
        Results scratch = engine.makeResults();
        for (std::size_t d = firstDraw; d < lastDraw; ++d) {
            if (cancelled && (stop.load(std::memory_order_relaxed) || cancelled())) {
                stop = true;
                return;
            }
            for (std::size_t k = 0; k < uncertain.size(); ++k)
                values[static_cast<std::size_t>(uncertain[k])] = samples[k * n + d];
            engine.runWith(levers.data(), values.data(), scratch);
            const std::vector<double> &v = scratch.values();
            float *row = byDraw.data() + d * cells;
            for (std::size_t c = 0; c < cells; ++c)
                row[c] = static_cast<float>(v[wanted[c]]);
        }
    };
    // Quantiles per cell, a block of cells at a time: the block's draws are gathered into a cache-sized buffer.
    const auto quantiles = [&](std::size_t firstCell, std::size_t lastCell, std::vector<double> *q) {
        constexpr std::size_t block = 64;
        const std::size_t r10 = (n - 1) / 10, r50 = (n - 1) / 2, r90 = (9 * (n - 1)) / 10;
        std::vector<float> buffer(block * n);
        for (std::size_t c0 = firstCell; c0 < lastCell; c0 += block) {
            const std::size_t width = std::min(block, lastCell - c0);
            for (std::size_t d = 0; d < n; ++d) {
                const float *row = byDraw.data() + d * cells + c0;
                for (std::size_t c = 0; c < width; ++c)
                    buffer[c * n + d] = row[c];
            }
            for (std::size_t c = 0; c < width; ++c) {
                float *begin = buffer.data() + c * n;
                std::nth_element(begin, begin + r50, begin + n);
                std::nth_element(begin, begin + r10, begin + r50);
                std::nth_element(begin + r50 + 1, begin + r90, begin + n);
                q[0][wanted[c0 + c]] = begin[r10];
                q[1][wanted[c0 + c]] = begin[r50];
                q[2][wanted[c0 + c]] = begin[r90];
            }
        }
    };
    const auto parallel = [threadCount](std::size_t total, const auto &task) {
        std::vector<std::thread> pool;
        const std::size_t chunk =
            (total + static_cast<std::size_t>(threadCount) - 1) / static_cast<std::size_t>(threadCount);
        for (std::size_t start = chunk; start < total; start += chunk)
            pool.emplace_back(task, start, std::min(total, start + chunk));
        task(std::size_t(0), std::min(total, chunk));
        for (std::thread &t : pool)
            t.join();
    };
    parallel(n, work);
    if (stop)
        return Status::failure(QStringLiteral("cancelled"));
    const std::size_t all = result.values().size();
    const double none = std::numeric_limits<double>::quiet_NaN();
    std::vector<double> q[3] = {std::vector<double>(all, none), std::vector<double>(all, none),
                                std::vector<double>(all, none)};
    parallel(cells, [&](std::size_t a, std::size_t b) { quantiles(a, b, q); });
    result.setQuantiles(std::move(q[0]), std::move(q[1]), std::move(q[2]));
    return result;
}

Expected<std::vector<TornadoBar>> tornado(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output)
{
    auto eval = evaluator(engine, scenario, output);
    if (!eval)
        return eval.status();
    Evaluator &e = eval.value();
    std::vector<TornadoBar> bars;
    const auto swing = [&](std::vector<double> &inputs, std::size_t i, double low, double high, TornadoBar bar) {
        const double saved = inputs[i];
        inputs[i] = low;
        bar.outputAtLow = e();
        inputs[i] = high;
        bar.outputAtHigh = e();
        inputs[i] = saved;
        bar.lowInput = low;
        bar.highInput = high;
        bars.push_back(std::move(bar));
    };
    const auto &levers = engine.levers().levers();
    for (qsizetype i = 0; i < levers.size(); ++i) {
        const Lever &lever = levers.at(i);
        swing(e.levers, static_cast<std::size_t>(i), lever.min, lever.max, TornadoBar {lever.id, lever.label, true});
    }
    const auto &parameters = engine.parameters();
    for (std::size_t i = 0; i < parameters.size(); ++i) {
        if (parameters[i].low < parameters[i].high)
            swing(e.parameters, i, parameters[i].low, parameters[i].high,
                  TornadoBar {parameters[i].id, parameters[i].name, false});
    }
    std::stable_sort(bars.begin(), bars.end(), [](const TornadoBar &a, const TornadoBar &b) {
        return std::abs(a.swing()) > std::abs(b.swing());
    });
    return bars;
}

Expected<GoalSeekResult> goalSeek(const ModelEngine &engine, const Scenario &scenario, const QString &leverId,
                                  const OutputRef &output, double target)
{
    const qsizetype index = engine.levers().indexOf(leverId);
    if (index < 0)
        return Status::failure(QStringLiteral("unknown lever \"%1\"").arg(leverId));
    auto eval = evaluator(engine, scenario, output);
    if (!eval)
        return eval.status();
    Evaluator &e = eval.value();
    const Lever &lever = engine.levers().levers().at(index);
    const auto at = [&](double x) {
        e.levers[static_cast<std::size_t>(index)] = x;
        return e();
    };
    // Scan the range, then bisect the first bracket that holds the target (the output need not be monotonic).
    constexpr int steps = 60;
    GoalSeekResult closest;
    double previousX = lever.min;
    double previousY = at(previousX);
    closest = {false, previousX, previousY};
    for (int s = 0; s <= steps; ++s) {
        const double x = lever.min + (lever.max - lever.min) * s / steps;
        const double y = at(x);
        if (std::abs(y - target) < std::abs(closest.output - target))
            closest = {false, x, y};
        if (y == target)
            return GoalSeekResult {true, x, y};
        if (s > 0 && (previousY - target) * (y - target) < 0) {
            double lo = previousX, hi = x, yLo = previousY;
            for (int i = 0; i < 60; ++i) {
                const double mid = 0.5 * (lo + hi);
                const double yMid = at(mid);
                if ((yLo - target) * (yMid - target) <= 0) {
                    hi = mid;
                } else {
                    lo = mid;
                    yLo = yMid;
                }
            }
            const double x0 = 0.5 * (lo + hi);
            return GoalSeekResult {true, x0, at(x0)};
        }
        previousX = x;
        previousY = y;
    }
    return closest;
}

InputSource inputSource(const ModelEngine &engine, const TornadoBar &bar)
{
    if (bar.isLever) {
        const Lever *lever = engine.levers().find(bar.id);
        return lever ? InputSource {lever->kbRows, lever->sourceId, lever->quote} : InputSource {};
    }
    const int i = engine.parameterIndex(bar.id);
    if (i < 0)
        return {};
    const ModelParameter &p = engine.parameters()[static_cast<std::size_t>(i)];
    return {{QStringLiteral("parameters:") + p.id}, p.sourceId, p.quote};
}

namespace {

/**
 * Runs the output from `start` (lever values), then moves each lever that differs from the scenario to its scenario
 * value, in registry order: each move's change is that lever's wedge, and the wedges sum to scenario - start.
 */
WedgeResult stackWedges(Evaluator &e, const LeverRegistry &registry, const std::vector<double> &start)
{
    WedgeResult result;
    const std::vector<double> scenarioLevers = e.levers;
    result.scenarioOutput = e();
    e.levers = start;
    result.noPolicyOutput = e();
    double previous = result.noPolicyOutput;
    const auto &levers = registry.levers();
    for (std::size_t i = 0; i < scenarioLevers.size(); ++i) {
        if (scenarioLevers[i] == e.levers[i])
            continue;
        e.levers[i] = scenarioLevers[i];
        const double now = e();
        const Lever &lever = levers.at(static_cast<qsizetype>(i));
        result.wedges.push_back({lever.id, lever.label, now - previous});
        previous = now;
    }
    return result;
}

} // namespace

Expected<WedgeResult> wedges(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output)
{
    auto eval = evaluator(engine, scenario, output);
    if (!eval)
        return eval.status();
    // Start with every active policy (a subsidy, control or countermeasure above its minimum level) switched off.
    std::vector<double> noPolicy = eval->levers;
    const auto &levers = engine.levers().levers();
    for (qsizetype i = 0; i < levers.size(); ++i) {
        const Lever &lever = levers.at(i);
        const bool policy = lever.group == LeverGroup::Subsidies || lever.group == LeverGroup::ExportControls ||
            lever.group == LeverGroup::Countermeasures;
        const bool level = lever.unit == QLatin1String("fraction") || lever.unit == QLatin1String("multiple");
        double &value = noPolicy[static_cast<std::size_t>(i)];
        if (policy && level && value > lever.min)
            value = lever.min;
    }
    return stackWedges(eval.value(), engine.levers(), noPolicy);
}

Expected<WedgeResult> changeFromBaseline(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output)
{
    auto eval = evaluator(engine, scenario, output);
    if (!eval)
        return eval.status();
    return stackWedges(eval.value(), engine.levers(), engine.levers().baselineValues());
}

} // namespace techrace
