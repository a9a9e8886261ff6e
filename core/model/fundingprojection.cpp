#include "model/fundingprojection.h"

#include <algorithm>

namespace techrace {

FundingProjection::FundingProjection(std::size_t regions, int firstYear, int lastYear)
    : m_regions(regions)
    , m_firstYear(firstYear)
    , m_lastYear(std::max(firstYear, lastYear))
    , m_values(regions * yearCount(), 0.0)
{ }

double FundingProjection::at(std::size_t region, int year) const
{
    if (region >= m_regions || year < m_firstYear || year > m_lastYear)
        return 0.0;
    return m_values[region * yearCount() + static_cast<std::size_t>(year - m_firstYear)];
}

double FundingProjection::max() const
{
    return m_values.empty() ? 0.0 : *std::max_element(m_values.begin(), m_values.end());
}

FundingProjection FundingProjection::run(std::size_t regions, const std::vector<FundingCommitment> &commitments,
                                         const std::vector<double> &scales, int firstYear, int lastYear)
{
    FundingProjection result(regions, firstYear, lastYear);
    const std::size_t years = result.yearCount();
    // Add each commitment in the year it is announced, then accumulate along the years.
    for (const FundingCommitment &c : commitments) {
        if (c.region >= regions || c.year > lastYear)
            continue;
        const double scale = c.lever < scales.size() ? scales[c.lever] : 1.0;
        const std::size_t yearIndex = c.year < firstYear ? 0 : static_cast<std::size_t>(c.year - firstYear);
        result.cell(c.region, yearIndex) += scale * c.amountUsd;
    }
    for (std::size_t r = 0; r < regions; ++r) {
        for (std::size_t y = 1; y < years; ++y)
            result.cell(r, y) += result.cell(r, y - 1);
    }
    return result;
}

} // namespace techrace
