#pragma once

#include <cstddef>
#include <vector>

namespace techrace {

/** One announced commitment, already in US dollars. Plain data so the projection loop stays free of Qt. */
struct FundingCommitment
{
    std::size_t region = 0;
    std::size_t lever = 0; // index into the scales vector
    int year = 0;
    double amountUsd = 0;
};

/** Cumulative announced state funding per region and year, laid out region-major. */
class FundingProjection
{
public:
    FundingProjection(std::size_t regions, int firstYear, int lastYear);

    [[nodiscard]] int firstYear() const { return m_firstYear; }
    [[nodiscard]] int lastYear() const { return m_lastYear; }
    [[nodiscard]] std::size_t regionCount() const { return m_regions; }
    [[nodiscard]] std::size_t yearCount() const { return static_cast<std::size_t>(m_lastYear - m_firstYear + 1); }
    [[nodiscard]] double at(std::size_t region, int year) const;
    [[nodiscard]] double max() const;

    /**
     * Equation F1 in docs/MODEL.md: F(r, y) = sum over commitments c of region r with year(c) <= y of
     * scale(lever(c)) * amount(c). Commitments before firstYear count from the first year on.
     */
    static FundingProjection run(std::size_t regions, const std::vector<FundingCommitment> &commitments,
                                 const std::vector<double> &scales, int firstYear, int lastYear);

private:
    double &cell(std::size_t region, std::size_t yearIndex) { return m_values[region * yearCount() + yearIndex]; }
    std::size_t m_regions;
    int m_firstYear;
    int m_lastYear;
    std::vector<double> m_values;
};

} // namespace techrace
