#include "workbench/chartdata.h"

#include "chart/chartfigure.h"
#include "workbench/metricinfo.h"
#include "workbench/scenariocontroller.h"

#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <limits>

namespace techrace {

ChartData::ChartData(QObject *parent)
    : QObject(parent)
{ }

void ChartData::setController(ScenarioController *controller)
{
    if (m_controller == controller)
        return;
    disconnect(m_resultsConnection);
    disconnect(m_comparisonConnection);
    m_controller = controller;
    if (controller) {
        m_resultsConnection = connect(controller, &ScenarioController::resultsChanged, this, &ChartData::valuesChanged);
        m_comparisonConnection =
            connect(controller, &ScenarioController::comparisonChanged, this, &ChartData::valuesChanged);
    }
    rebuild();
}

void ChartData::setMetric(const QString &metric)
{
    if (m_metric == metric)
        return;
    m_metric = metric;
    rebuild();
}

void ChartData::setRegions(const QStringList &regions)
{
    if (m_regions == regions)
        return;
    m_regions = regions;
    rebuild();
}

void ChartData::setSegment(const QString &segment)
{
    if (m_segment == segment)
        return;
    m_segment = segment;
    rebuild();
}

void ChartData::setCompany(const QString &company)
{
    if (m_company == company)
        return;
    m_company = company;
    rebuild();
}

void ChartData::rebuild()
{
    m_lines.clear();
    if (m_controller) {
        // The same resolution as the exports and the command line (chart/chartfigure.h); unknown ids are skipped.
        const ResolvedChart resolved =
            resolveChart(m_controller->engine(), ChartRequest {m_metric, m_regions, m_segment, m_company});
        for (const ChartLineRef &line : resolved.lines)
            m_lines.append({line.regionId, line.series});
    }
    Q_EMIT linesChanged();
    Q_EMIT valuesChanged();
}

QString ChartData::title() const
{
    const auto metric = metricFromId(m_metric);
    if (!metric)
        return {};
    QString title = metricInfo(*metric).label;
    if (m_controller && !m_segment.isEmpty())
        title += QStringLiteral(" — ") + m_controller->segmentName(m_segment);
    return title;
}

QString ChartData::unit() const
{
    const auto metric = metricFromId(m_metric);
    return metric ? metricInfo(*metric).unit : QString();
}

QString ChartData::lineRegion(int line) const
{
    return line >= 0 && line < lineCount() ? m_lines.at(line).region : QString();
}

QString ChartData::lineName(int line) const
{
    if (!m_controller || line < 0 || line >= lineCount())
        return {};
    return m_controller->regionName(m_lines.at(line).region);
}

QList<QPointF> ChartData::points(int line, bool baseline) const
{
    if (!m_controller)
        return {};
    return pointsOf(baseline ? m_controller->baselineResults() : m_controller->scenarioResults(), line);
}

QList<QPointF> ChartData::comparisonPoints(int line) const
{
    if (!m_controller || !m_controller->comparing())
        return {};
    return pointsOf(m_controller->comparisonResults(), line);
}

QList<QPointF> ChartData::pointsOf(const Results &results, int line) const
{
    if (line < 0 || line >= lineCount())
        return {};
    return seriesPoints(results, m_lines.at(line).series, metricInfo(*metricFromId(m_metric)).displayScale);
}

bool ChartData::fill(int line, QAbstractSeries *series, bool baseline) const
{
    auto *xy = qobject_cast<QXYSeries *>(series);
    if (!xy || line < 0 || line >= lineCount())
        return false;
    xy->replace(points(line, baseline));
    return true;
}

bool ChartData::fillComparison(int line, QAbstractSeries *series) const
{
    auto *xy = qobject_cast<QXYSeries *>(series);
    if (!xy)
        return false;
    const QList<QPointF> list = comparisonPoints(line);
    xy->replace(list);
    return !list.isEmpty();
}

bool ChartData::hasBand() const
{
    return m_controller && m_controller->scenarioResults().hasUncertainty();
}

bool ChartData::fillBand(int line, QAbstractSeries *lower, QAbstractSeries *upper) const
{
    auto *low = qobject_cast<QXYSeries *>(lower);
    auto *high = qobject_cast<QXYSeries *>(upper);
    if (!low || !high)
        return false;
    if (!hasBand() || line < 0 || line >= lineCount()) {
        low->clear();
        high->clear();
        return false;
    }
    const Results &results = m_controller->scenarioResults();
    const double scale = metricInfo(*metricFromId(m_metric)).displayScale;
    const int series = m_lines.at(line).series;
    const auto quantile = [&](int q) {
        QList<QPointF> list;
        const double *values = results.quantile(q, series);
        for (int i = 0; i < results.layout().yearCount(); ++i)
            list.append(QPointF(results.layout().firstYear() + i, values[i] * scale));
        return list;
    };
    low->replace(quantile(0));
    high->replace(quantile(2));
    return true;
}

double ChartData::valueAt(int line, int year, bool baseline) const
{
    if (!m_controller || line < 0 || line >= lineCount() || year < ModelEngine::firstYear ||
        year > ModelEngine::lastYear)
        return std::nan("");
    const Results &results = baseline ? m_controller->baselineResults() : m_controller->scenarioResults();
    return results.at(m_lines.at(line).series, year) * metricInfo(*metricFromId(m_metric)).displayScale;
}

double ChartData::minimum() const
{
    double low = 0; // axes start at zero unless a value is negative
    for (int line = 0; line < lineCount(); ++line) {
        for (bool baseline : {true, false}) {
            for (const QPointF &p : points(line, baseline))
                low = std::min(low, p.y());
        }
    }
    return low;
}

double ChartData::maximum() const
{
    double high = 0;
    for (int line = 0; line < lineCount(); ++line) {
        for (bool baseline : {true, false}) {
            for (const QPointF &p : points(line, baseline))
                high = std::max(high, p.y());
        }
        for (const QPointF &p : comparisonPoints(line))
            high = std::max(high, p.y());
    }
    for (const QVariant &target : targets())
        high = std::max(high, target.toMap().value(QStringLiteral("value")).toDouble());
    return high;
}

QVariantList ChartData::targets() const
{
    QVariantList list;
    const auto metric = metricFromId(m_metric);
    if (!m_controller || !metric)
        return list;
    for (const ChartTarget &target :
         chartTargets(m_controller->context().knowledgeBase(), *metric, m_regions, m_segment))
        list.append(QVariantMap {{QStringLiteral("name"), target.name},
                                 {QStringLiteral("regionId"), target.regionId},
                                 {QStringLiteral("value"), target.value},
                                 {QStringLiteral("year"), target.year},
                                 {QStringLiteral("source"), target.sourceId},
                                 {QStringLiteral("quote"), target.quote}});
    return list;
}

} // namespace techrace
