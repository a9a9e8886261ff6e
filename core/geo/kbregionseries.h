#pragma once

#include "geo/regionseries.h"
#include "timeline/timeline.h"

#include <QList>

#include <memory>

namespace techrace {

/**
 * Map series counted from the knowledge base's policies (observed facts: baseline and scenario are the same):
 * how many restricting measures (export controls and countermeasures) are in force against a region, or imposed by
 * it, in a year. A measure counts from its effective year through its expiry year.
 */
class PolicyCountSeries final : public RegionSeriesSource
{
public:
    enum class Side
    {
        Targeted,
        Imposed
    };
    PolicyCountSeries(QList<TimelineItem> items, Side side, int firstYear, int lastYear);

    [[nodiscard]] const RegionSeriesInfo &info() const override { return m_info; }
    [[nodiscard]] std::optional<double> value(const QString &regionId, int year, SeriesRun run) const override;

private:
    QList<TimelineItem> m_items;
    Side m_side;
    RegionSeriesInfo m_info;
};

} // namespace techrace
