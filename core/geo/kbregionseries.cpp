#include "geo/kbregionseries.h"

namespace techrace {

PolicyCountSeries::PolicyCountSeries(QList<TimelineItem> items, Side side, int firstYear, int lastYear)
    : m_items(std::move(items))
    , m_side(side)
{
    const bool targeted = side == Side::Targeted;
    m_info.id = targeted ? QStringLiteral("kb.measures_targeting") : QStringLiteral("kb.measures_imposed");
    m_info.label = targeted ? QStringLiteral("Restricting measures in force against the region")
                            : QStringLiteral("Restricting measures the region imposes");
    m_info.unit = QStringLiteral("measures");
    m_info.description =
        QStringLiteral("Export controls, entity listings, guardrails, investment screening and countermeasures "
                       "(mineral export controls, legacy-chip curbs, mandates) in the knowledge base, counted from "
                       "their effective year through their expiry year. Approvals, suspensions and tariff changes "
                       "are not counted.");
    m_info.sourceLine = QStringLiteral("Source: TechRace knowledge base, table policies (each row cites its source)");
    m_info.firstYear = firstYear;
    m_info.lastYear = lastYear;
    m_info.hasScenario = false;
}

std::optional<double> PolicyCountSeries::value(const QString &regionId, int year, SeriesRun) const
{
    int count = 0;
    for (const TimelineItem &item : m_items) {
        if (!item.restrictsDuring(year))
            continue;
        const QString &side = m_side == Side::Targeted ? item.targetRegionId : item.regionId;
        count += side == regionId ? 1 : 0;
    }
    return double(count);
}

} // namespace techrace
