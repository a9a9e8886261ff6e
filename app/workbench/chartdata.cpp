#include "workbench/chartdata.h"

#include "chart/chartfigure.h"
#include "kb/sqlitedb.h"
#include "model/provenance.h"
#include "workbench/background.h"
#include "workbench/metricinfo.h"
#include "workbench/scenariocontroller.h"

#include <QFutureWatcher>
#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <limits>

namespace techrace {

ChartData::ChartData(QObject *parent)
    : QObject(parent)
{
    connect(&m_bands, &UncertaintyBands::changed, this, &ChartData::bandChanged);
    connect(&m_bands, &UncertaintyBands::busyChanged, this, &ChartData::bandBusyChanged);
    connect(&m_bands, &UncertaintyBands::settled, this, &ChartData::bandSettled);
}

void ChartData::setController(ScenarioController *controller)
{
    if (m_controller == controller)
        return;
    disconnect(m_resultsConnection);
    disconnect(m_comparisonConnection);
    m_controller = controller;
    if (controller) {
        m_resultsConnection = connect(controller, &ScenarioController::resultsChanged, this, [this] {
            Q_EMIT valuesChanged();
            requestBand();
        });
        m_comparisonConnection =
            connect(controller, &ScenarioController::comparisonChanged, this, &ChartData::valuesChanged);
    }
    rebuild();
    Q_EMIT companyChoicesChanged();
}

void ChartData::setMetric(const QString &metric)
{
    if (m_metric == metric)
        return;
    m_metric = metric;
    rebuild();
    Q_EMIT companyChoicesChanged();
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
    Q_EMIT companyChoicesChanged();
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
            m_lines.append({line.regionId, line.series, m_company});
    }
    clearProvenance();
    Q_EMIT linesChanged();
    Q_EMIT valuesChanged();
    requestBand();
}

void ChartData::setActive(bool active)
{
    if (m_active == active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    requestBand();
}

void ChartData::requestBand()
{
    std::vector<int> series;
    for (const Line &line : std::as_const(m_lines))
        series.push_back(line.series);
    if (!m_controller || !m_active) {
        m_bands.request(nullptr, Scenario(), {});
        return;
    }
    m_bands.request(m_controller->sharedContext(), m_controller->scenario(), std::move(series));
}

QString ChartData::companyName(const QString &id) const
{
    if (!m_controller)
        return id;
    auto stmt = m_controller->context().knowledgeBase().database().prepare(
        QStringLiteral("SELECT name FROM companies WHERE id = ?"));
    if (!stmt)
        return id;
    stmt->bindText(1, id);
    return stmt->step() == SqliteStatement::Step::Row ? stmt->text(0) : id;
}

QVariantList ChartData::companyChoices() const
{
    QVariantList list;
    const auto metric = metricFromId(m_metric);
    if (!m_controller || !metric || m_segment.isEmpty())
        return list;
    const ModelEngine &engine = m_controller->engine();
    const int segment = static_cast<int>(engine.segments().indexOf(m_segment));
    QStringList ids;
    for (const SeriesKey &key : engine.layout()->keys()) {
        if (key.metric == *metric && key.segment == segment && key.segment >= 0 && key.company >= 0)
            ids.append(engine.companies().value(key.company));
    }
    if (ids.isEmpty())
        return list;
    list.append(QVariantMap {{QStringLiteral("id"), QString()}, {QStringLiteral("name"), tr("Regions")}});
    for (const QString &id : std::as_const(ids))
        list.append(QVariantMap {{QStringLiteral("id"), id}, {QStringLiteral("name"), companyName(id)}});
    return list;
}

void ChartData::clearProvenance()
{
    ++m_provenanceGeneration;
    const bool had = !m_provenance.isEmpty() || m_provenanceLoading;
    m_provenance.clear();
    m_provenanceLoading = false;
    if (had)
        Q_EMIT provenanceChanged();
}

void ChartData::requestProvenance(int line, int year)
{
    clearProvenance();
    if (!m_controller || line < 0 || line >= lineCount())
        return;
    const Line &l = m_lines.at(line);
    OutputRef output {m_metric, l.region == QLatin1String("WORLD") ? QString() : l.region, m_segment, l.company, year};
    const int generation = m_provenanceGeneration;
    const MetricInfo &info = metricInfo(*metricFromId(m_metric));
    QString title = QStringLiteral("%1, %2: %3").arg(lineName(line)).arg(year).arg(this->title());
    m_provenanceLoading = true;
    Q_EMIT provenanceChanged();
    // A tornado over every input: a few hundred runs, too slow for the GUI thread on a busy machine.
    auto future = runInBackground<Expected<Provenance>>([context = m_controller->sharedContext(),
                                                         scenario = m_controller->scenario(),
                                                         output](QPromise<Expected<Provenance>> &promise) {
        promise.addResult(explainOutput(context->modelEngine(), scenario, output));
    });
    auto *watcher = new QFutureWatcher<Expected<Provenance>>(this);
    connect(watcher, &QFutureWatcher<Expected<Provenance>>::finished, this, [this, watcher, generation, title, info] {
        watcher->deleteLater();
        if (generation != m_provenanceGeneration || watcher->future().resultCount() == 0)
            return;
        const Expected<Provenance> p = watcher->future().result();
        m_provenanceLoading = false;
        if (!p) {
            m_provenance = {{QStringLiteral("title"), title}, {QStringLiteral("error"), p.message()}};
            Q_EMIT provenanceChanged();
            return;
        }
        QVariantList inputs;
        for (const ProvenanceInput &input : p->inputs) {
            const double scale = info.displayScale;
            inputs.append(QVariantMap {
                {QStringLiteral("id"), input.id},
                {QStringLiteral("label"), input.label},
                {QStringLiteral("value"), QString::number(input.value, 'g', 6)},
                {QStringLiteral("range"),
                 QStringLiteral("%1 … %2 → %3 … %4 %5")
                     .arg(QString::number(input.lowInput, 'g', 4), QString::number(input.highInput, 'g', 4),
                          QString::number(input.outputAtLow * scale, 'f', info.decimals),
                          QString::number(input.outputAtHigh * scale, 'f', info.decimals), info.unit)},
                {QStringLiteral("source"), input.source}});
        }
        m_provenance = {
            {QStringLiteral("title"), title},
            {QStringLiteral("output"), p->outputText},
            {QStringLiteral("value"),
             QStringLiteral("%1 %2").arg(QString::number(p->value * info.displayScale, 'f', info.decimals), info.unit)},
            {QStringLiteral("equation"), p->equation},
            {QStringLiteral("inputs"), inputs},
            {QStringLiteral("text"), p->text()},
        };
        Q_EMIT provenanceChanged();
    });
    watcher->setFuture(future);
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
    if (!m_lines.at(line).company.isEmpty())
        return companyName(m_lines.at(line).company);
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
    return m_bands.hasBand();
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
    const Results &results = m_bands.results();
    const double scale = metricInfo(*metricFromId(m_metric)).displayScale;
    const int series = m_lines.at(line).series;
    const auto quantile = [&](int q) {
        QList<QPointF> list;
        const double *values = results.quantile(q, series);
        for (int i = 0; i < results.layout().yearCount(); ++i) {
            if (std::isfinite(values[i]))
                list.append(QPointF(results.layout().firstYear() + i, values[i] * scale));
        }
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
        if (hasBand()) {
            const double *p10 = m_bands.results().quantile(0, m_lines.at(line).series);
            for (int i = 0; i < m_bands.results().layout().yearCount(); ++i) {
                if (std::isfinite(p10[i]))
                    low = std::min(low, p10[i] * metricInfo(*metricFromId(m_metric)).displayScale);
            }
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
        if (hasBand()) {
            const double *p90 = m_bands.results().quantile(2, m_lines.at(line).series);
            for (int i = 0; i < m_bands.results().layout().yearCount(); ++i) {
                if (std::isfinite(p90[i]))
                    high = std::max(high, p90[i] * metricInfo(*metricFromId(m_metric)).displayScale);
            }
        }
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
