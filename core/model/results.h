#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace techrace {

/** Every output metric, in the order exports list them. docs/MODEL.md gives each one's unit and equation. */
enum class Metric : std::uint8_t
{
    Capacity, // million wafer starts per month, 200mm-equivalent (adv_packaging: million H100e per year)
    CapacityShare, // fraction of world capacity in the segment
    Production, // as capacity, per month actually started (ai_accelerators: million H100e per year)
    Consumption, // as production, by the region that buys
    NetExports, // production - consumption
    SelfSufficiency, // domestic production / domestic consumption (value-weighted over chip segments)
    MarketShare, // fraction of the world market (region or company as supplier)
    MarketShareCn, // fraction of China's market
    AiComputeH100e, // installed AI compute, million H100-equivalents
    AiComputeShare, // fraction of world installed AI compute
    AiComputeAdditions, // million H100e added in the year
    AiChipImports, // million H100e imported in the year (permitted + leaked)
    BestNodeNm, // finest logic node in volume production in the region, nm (absent when none)
    StateFunding, // cumulative announced state funding, US$ billion (equation F1)
    Count
};

QString metricId(Metric metric);
std::optional<Metric> metricFromId(const QString &id);
QStringList metricIds();

/** Which series a run fills: fixed per engine, shared by all its results. Index -1 = "all"/not applicable. */
struct SeriesKey
{
    Metric metric = Metric::Capacity;
    int region = -1;
    int segment = -1;
    int company = -1;
};

class ResultLayout
{
public:
    ResultLayout(int firstYear, int lastYear, QStringList regions, QStringList segments, QStringList companies);

    int add(SeriesKey key); // returns the series index
    [[nodiscard]] int find(Metric metric, int region, int segment = -1, int company = -1) const;
    [[nodiscard]] const std::vector<SeriesKey> &keys() const { return m_keys; }
    [[nodiscard]] int firstYear() const { return m_firstYear; }
    [[nodiscard]] int lastYear() const { return m_lastYear; }
    [[nodiscard]] int yearCount() const { return m_lastYear - m_firstYear + 1; }
    [[nodiscard]] const QStringList &regions() const { return m_regions; }
    [[nodiscard]] const QStringList &segments() const { return m_segments; }
    [[nodiscard]] const QStringList &companies() const { return m_companies; }

private:
    static std::uint64_t pack(Metric metric, int region, int segment, int company);
    int m_firstYear;
    int m_lastYear;
    QStringList m_regions;
    QStringList m_segments;
    QStringList m_companies;
    std::vector<SeriesKey> m_keys;
    std::unordered_map<std::uint64_t, int> m_index;
};

/** One row of the long format every export uses. */
struct ResultRow
{
    QString metric;
    QString region;
    QString segment;
    QString company;
    int year = 0;
    double value = 0;
    double p10 = 0;
    double p50 = 0;
    double p90 = 0;
};

/**
 * The outputs of one run: dense series (one value per year) addressed by SeriesKey, read either by index (fast,
 * for charts) or as long-format rows (for CSV). When built by an uncertainty analysis it also holds p10/p50/p90
 * per value; `value` is then the deterministic run at the parameters' central values.
 */
class Results
{
public:
    Results() = default;
    explicit Results(std::shared_ptr<const ResultLayout> layout);

    [[nodiscard]] bool isValid() const { return m_layout != nullptr; }
    [[nodiscard]] const ResultLayout &layout() const { return *m_layout; }
    [[nodiscard]] std::shared_ptr<const ResultLayout> sharedLayout() const { return m_layout; }
    [[nodiscard]] bool hasUncertainty() const { return !m_p50.empty(); }

    /** The value by ids, e.g. value("self_sufficiency", "CN", "", "", 2030); nullopt when no such series/year. */
    [[nodiscard]] std::optional<double> value(const QString &metric, const QString &region, const QString &segment,
                                              const QString &company, int year) const;
    /** The series index by ids (empty = all/world), or -1: resolve once, then read series() on every run. */
    [[nodiscard]] int seriesIndex(const QString &metric, const QString &region, const QString &segment = {},
                                  const QString &company = {}) const;
    [[nodiscard]] double at(int series, int year) const;
    /** The series' yearCount() values, first year first. */
    [[nodiscard]] const double *series(int series) const { return m_values.data() + offset(series); }
    double *mutableSeries(int series) { return m_values.data() + offset(series); }
    [[nodiscard]] const double *quantile(int q, int series) const; // q: 0 = p10, 1 = p50, 2 = p90

    [[nodiscard]] std::vector<ResultRow> rows() const;
    /** CSV with a header: metric,region,segment,company,year,value[,p10,p50,p90]. */
    [[nodiscard]] QByteArray toCsv() const;

    void setQuantiles(std::vector<double> p10, std::vector<double> p50, std::vector<double> p90);
    [[nodiscard]] const std::vector<double> &values() const { return m_values; }

private:
    [[nodiscard]] std::size_t offset(int series) const
    {
        return static_cast<std::size_t>(series) * static_cast<std::size_t>(m_layout->yearCount());
    }
    std::shared_ptr<const ResultLayout> m_layout;
    std::vector<double> m_values;
    std::vector<double> m_p10, m_p50, m_p90;
};

} // namespace techrace
