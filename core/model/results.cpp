#include "model/results.h"

#include <algorithm>
#include <array>

namespace techrace {

namespace {

constexpr std::array<const char *, static_cast<std::size_t>(Metric::Count)> metricNames = {
    "capacity",         "capacity_share",   "production",           "consumption",
    "net_exports",      "self_sufficiency", "market_share",         "market_share_cn",
    "ai_compute_h100e", "ai_compute_share", "ai_compute_additions", "ai_chip_imports",
    "best_node_nm",     "state_funding",
};

QString idAt(const QStringList &ids, int index)
{
    return index >= 0 && index < ids.size() ? ids.at(index) : QString();
}

int indexIn(const QStringList &ids, const QString &id)
{
    return id.isEmpty() ? -1 : static_cast<int>(ids.indexOf(id));
}

} // namespace

QString metricId(Metric metric)
{
    const auto i = static_cast<std::size_t>(metric);
    return i < metricNames.size() ? QLatin1String(metricNames[i]) : QString();
}

std::optional<Metric> metricFromId(const QString &id)
{
    for (std::size_t i = 0; i < metricNames.size(); ++i) {
        if (id == QLatin1String(metricNames[i]))
            return static_cast<Metric>(i);
    }
    return std::nullopt;
}

QStringList metricIds()
{
    QStringList ids;
    for (const char *name : metricNames)
        ids.append(QLatin1String(name));
    return ids;
}

ResultLayout::ResultLayout(int firstYear, int lastYear, QStringList regions, QStringList segments,
                           QStringList companies)
    : m_firstYear(firstYear)
    , m_lastYear(lastYear)
    , m_regions(std::move(regions))
    , m_segments(std::move(segments))
    , m_companies(std::move(companies))
{ }

std::uint64_t ResultLayout::pack(Metric metric, int region, int segment, int company)
{
    // Each index shifted by one so that -1 ("all") packs as 0.
    return (static_cast<std::uint64_t>(metric) << 48) | (static_cast<std::uint64_t>(region + 1) << 32) |
        (static_cast<std::uint64_t>(segment + 1) << 16) | static_cast<std::uint64_t>(company + 1);
}

int ResultLayout::add(SeriesKey key)
{
    const auto packed = pack(key.metric, key.region, key.segment, key.company);
    const auto it = m_index.find(packed);
    if (it != m_index.end())
        return it->second;
    const int index = static_cast<int>(m_keys.size());
    m_keys.push_back(key);
    m_index.emplace(packed, index);
    return index;
}

int ResultLayout::find(Metric metric, int region, int segment, int company) const
{
    const auto it = m_index.find(pack(metric, region, segment, company));
    return it == m_index.end() ? -1 : it->second;
}

Results::Results(std::shared_ptr<const ResultLayout> layout)
    : m_layout(std::move(layout))
    , m_values(m_layout->keys().size() * static_cast<std::size_t>(m_layout->yearCount()), 0.0)
{ }

int Results::seriesIndex(const QString &metric, const QString &region, const QString &segment,
                         const QString &company) const
{
    if (!m_layout)
        return -1;
    const auto m = metricFromId(metric);
    const int r = indexIn(m_layout->regions(), region);
    const int s = indexIn(m_layout->segments(), segment);
    const int c = indexIn(m_layout->companies(), company);
    if (!m || (!region.isEmpty() && r < 0) || (!segment.isEmpty() && s < 0) || (!company.isEmpty() && c < 0))
        return -1;
    return m_layout->find(*m, r, s, c);
}

std::optional<double> Results::value(const QString &metric, const QString &region, const QString &segment,
                                     const QString &company, int year) const
{
    if (!m_layout || year < m_layout->firstYear() || year > m_layout->lastYear())
        return std::nullopt;
    const int series = seriesIndex(metric, region, segment, company);
    if (series < 0)
        return std::nullopt;
    return at(series, year);
}

double Results::at(int series, int year) const
{
    return m_values[offset(series) + static_cast<std::size_t>(year - m_layout->firstYear())];
}

const double *Results::quantile(int q, int series) const
{
    const std::vector<double> &v = q == 0 ? m_p10 : (q == 1 ? m_p50 : m_p90);
    return v.empty() ? nullptr : v.data() + offset(series);
}

void Results::setQuantiles(std::vector<double> p10, std::vector<double> p50, std::vector<double> p90)
{
    m_p10 = std::move(p10);
    m_p50 = std::move(p50);
    m_p90 = std::move(p90);
}

std::vector<ResultRow> Results::rows() const
{
    std::vector<ResultRow> rows;
    if (!m_layout)
        return rows;
    const int years = m_layout->yearCount();
    rows.reserve(m_layout->keys().size() * static_cast<std::size_t>(years));
    for (std::size_t s = 0; s < m_layout->keys().size(); ++s) {
        const SeriesKey &key = m_layout->keys()[s];
        const QString metric = metricId(key.metric);
        const QString region = idAt(m_layout->regions(), key.region);
        const QString segment = idAt(m_layout->segments(), key.segment);
        const QString company = idAt(m_layout->companies(), key.company);
        for (int y = 0; y < years; ++y) {
            const std::size_t i = s * static_cast<std::size_t>(years) + static_cast<std::size_t>(y);
            ResultRow row {metric, region, segment, company, m_layout->firstYear() + y, m_values[i], 0, 0, 0};
            if (hasUncertainty()) {
                row.p10 = m_p10[i];
                row.p50 = m_p50[i];
                row.p90 = m_p90[i];
            }
            rows.push_back(std::move(row));
        }
    }
    return rows;
}

QByteArray Results::toCsv() const
{
    QByteArray csv = hasUncertainty() ? "metric,region,segment,company,year,value,p10,p50,p90\n"
                                      : "metric,region,segment,company,year,value\n";
    const auto number = [](double v) { return QByteArray::number(v, 'g', 10); };
    for (const ResultRow &row : rows()) {
        csv += row.metric.toUtf8() + ',' + row.region.toUtf8() + ',' + row.segment.toUtf8() + ',' +
            row.company.toUtf8() + ',' + QByteArray::number(row.year) + ',' + number(row.value);
        if (hasUncertainty())
            csv += ',' + number(row.p10) + ',' + number(row.p50) + ',' + number(row.p90);
        csv += '\n';
    }
    return csv;
}

} // namespace techrace
