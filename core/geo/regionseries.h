#pragma once

#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace techrace {

/** Which run of the model a map or chart shows. */
enum class SeriesRun
{
    Baseline,
    Scenario
};

/** What a region series is: its id, the words and unit users see, and the line that credits its source. */
struct RegionSeriesInfo
{
    QString id; // stable, e.g. "funding.cumulative_state"
    QString label; // "Cumulative announced state funding"
    QString unit; // as printed on the legend, e.g. "USD bn"
    QString description; // one or two sentences: what it measures and how
    QString sourceLine; // "Source: TechRace knowledge base (…); model equation F1"
    int firstYear = 0;
    int lastYear = 0;
    /** True when baseline and scenario can differ (model outputs); false for observed facts. */
    bool hasScenario = true;
    /** Where the colour scale stops (values above share the darkest bin), so a few outliers (e.g. Taiwan's
     *  self-sufficiency of several hundred percent) do not wash every other region into the lightest colour. */
    std::optional<double> scaleCap;
};

/**
 * A value per region and year, for the baseline and the current scenario: what the map colours by. Implementations
 * wrap a model output or a knowledge-base count; the map never knows which. Values are in `info().unit`.
 */
class RegionSeriesSource
{
public:
    virtual ~RegionSeriesSource() = default;
    [[nodiscard]] virtual const RegionSeriesInfo &info() const = 0;
    /** The value of a region (a KB region id) in a year, or nothing when there is no data. */
    [[nodiscard]] virtual std::optional<double> value(const QString &regionId, int year, SeriesRun run) const = 0;
};

/** A source made from a function: the one-call way to put any model output on the map. */
class FunctionRegionSeries final : public RegionSeriesSource
{
public:
    using ValueFunction = std::function<std::optional<double>(const QString &regionId, int year, SeriesRun run)>;
    FunctionRegionSeries(RegionSeriesInfo info, ValueFunction function)
        : m_info(std::move(info))
        , m_function(std::move(function))
    { }
    [[nodiscard]] const RegionSeriesInfo &info() const override { return m_info; }
    [[nodiscard]] std::optional<double> value(const QString &regionId, int year, SeriesRun run) const override
    {
        return m_function(regionId, year, run);
    }

private:
    RegionSeriesInfo m_info;
    ValueFunction m_function;
};

} // namespace techrace
