#include "workbench/sensitivitycontroller.h"

#include "backgroundwork.h"
#include "workbench/background.h"
#include "workbench/headlinemodel.h"
#include "workbench/metricinfo.h"
#include "workbench/scenariocontroller.h"

#include <QElapsedTimer>
#include <QFutureWatcher>

#include <algorithm>
#include <cmath>
#include <memory>
#include <tuple>

namespace techrace {

namespace {

const MetricInfo &infoOf(int outputIndex)
{
    return metricInfo(HeadlineModel::headlines().at(outputIndex).metric);
}

QString unitOf(const ModelEngine &engine, const TornadoBar &bar)
{
    if (bar.isLever) {
        const Lever *lever = engine.levers().find(bar.id);
        return lever ? lever->unit : QString();
    }
    const int i = engine.parameterIndex(bar.id);
    return i >= 0 ? engine.parameters()[static_cast<std::size_t>(i)].unit : QString();
}

bool isLeverUnit(const QString &unit)
{
    return unit == QLatin1String("fraction") || unit == QLatin1String("years") || unit == QLatin1String("multiple");
}

/** A KB unit id as a reader says it: "usd_per_wafer" → "usd per wafer". */
QString readableUnit(QString unit)
{
    return unit.replace(QLatin1Char('_'), QLatin1Char(' '));
}

/** An input's value as the tornado labels it: lever units as the levers panel shows them, others plainly. */
QString inputText(const QString &unit, double value)
{
    if (isLeverUnit(unit))
        return formatLeverValue(unit, value);
    return QString::number(value, 'g', 6) + QLatin1Char(' ') + readableUnit(unit);
}

/** "0.30× – 0.60×", "480 – 1120 usd per wafer": the unit once at the end when it is a word. */
QString rangeText(const QString &unit, double low, double high)
{
    if (isLeverUnit(unit))
        return QStringLiteral("%1 – %2").arg(formatLeverValue(unit, low), formatLeverValue(unit, high));
    return QStringLiteral("%1 – %2 %3")
        .arg(QString::number(low, 'g', 6), QString::number(high, 'g', 6), readableUnit(unit));
}

} // namespace

SensitivityController::SensitivityController(QObject *parent)
    : QObject(parent)
{ }

SensitivityController::~SensitivityController()
{
    m_job.waitForFinished();
    setBusy(false);
}

void SensitivityController::setController(ScenarioController *controller)
{
    if (m_controller == controller)
        return;
    disconnect(m_resultsConnection);
    m_controller = controller;
    if (controller)
        m_resultsConnection =
            connect(controller, &ScenarioController::resultsChanged, this, &SensitivityController::requestAnalysis);
    Q_EMIT controllerChanged();
    requestAnalysis();
}

QVariantList SensitivityController::outputs() const
{
    QVariantList list;
    for (const HeadlineModel::Headline &headline : HeadlineModel::headlines())
        list.append(QVariantMap {{QStringLiteral("title"), headline.title},
                                 {QStringLiteral("year"), headline.year},
                                 {QStringLiteral("label"), tr("%1, %2").arg(headline.title).arg(headline.year)}});
    return list;
}

OutputRef SensitivityController::outputOf(int index)
{
    const HeadlineModel::Headline &headline = HeadlineModel::headlines().at(index);
    return {metricId(headline.metric), headline.region, headline.segment, QString(), headline.year};
}

void SensitivityController::setOutputIndex(int index)
{
    if (index == m_outputIndex || index < 0 || index >= HeadlineModel::headlines().size())
        return;
    m_outputIndex = index;
    Q_EMIT outputIndexChanged();
    requestAnalysis();
}

void SensitivityController::setTopCount(int count)
{
    count = std::max(1, count);
    if (count == m_topCount)
        return;
    m_topCount = count;
    Q_EMIT topCountChanged();
    updateRanges();
    Q_EMIT resultsChanged();
}

void SensitivityController::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    Q_EMIT activeChanged();
    if (m_active && m_outOfDate)
        requestAnalysis();
}

void SensitivityController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    if (busy)
        BackgroundWork::instance().begin();
    else
        BackgroundWork::instance().end();
    Q_EMIT busyChanged();
}

SensitivityController::Analysis SensitivityController::analyse(const ModelEngine &engine, const Scenario &scenario,
                                                               const OutputRef &output)
{
    QElapsedTimer timer;
    timer.start();
    Analysis analysis;
    auto bars = tornado(engine, scenario, output);
    auto change = changeFromBaseline(engine, scenario, output);
    auto policies = wedges(engine, scenario, output);
    if (!bars || !change || !policies) {
        analysis.error = !bars ? bars.message() : !change ? change.message() : policies.message();
        return analysis;
    }
    analysis.bars = std::move(bars.value());
    analysis.change = std::move(change.value());
    analysis.policies = std::move(policies.value());
    analysis.computeMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return analysis;
}

void SensitivityController::requestAnalysis()
{
    if (!m_controller || !m_active) {
        m_outOfDate = m_controller != nullptr;
        return;
    }
    m_outOfDate = false;
    ++m_requestedGeneration;
    setBusy(true);
    // A running job keeps running (the engine cannot be interrupted); its result is dropped on arrival.
    if (m_runningGeneration == 0)
        startJob();
}

void SensitivityController::startJob()
{
    m_runningGeneration = m_requestedGeneration;
    const int generation = m_runningGeneration;
    const int outputIndex = m_outputIndex;
    // The job holds the shared context, so the engine outlives it even if the page goes first.
    m_job = runInBackground<Analysis>([context = m_controller->sharedContext(), scenario = m_controller->scenario(),
                                       output = outputOf(outputIndex)](QPromise<Analysis> &promise) {
        promise.addResult(analyse(context->modelEngine(), scenario, output));
    });
    auto *watcher = new QFutureWatcher<Analysis>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation, outputIndex]() {
        watcher->deleteLater();
        m_runningGeneration = 0;
        if (generation != m_requestedGeneration) {
            startJob(); // superseded: drop the result, analyse the latest scenario
            return;
        }
        m_result = watcher->result();
        m_resultOutput = outputIndex;
        m_error = m_result.error;
        ++m_revision;
        updateRanges();
        setBusy(false);
        Q_EMIT resultsChanged();
    });
    watcher->setFuture(m_job);
}

double SensitivityController::displayScale() const
{
    return infoOf(m_resultOutput).displayScale;
}

QString SensitivityController::format(double displayValue) const
{
    return formatMetricValue(infoOf(m_resultOutput), displayValue);
}

QString SensitivityController::outputTitle() const
{
    const HeadlineModel::Headline &headline = HeadlineModel::headlines().at(m_resultOutput);
    return tr("%1, %2").arg(headline.title).arg(headline.year);
}

QString SensitivityController::unit() const
{
    return infoOf(m_resultOutput).unit;
}

double SensitivityController::value() const
{
    return m_result.change.scenarioOutput * displayScale();
}

double SensitivityController::baseline() const
{
    return m_result.change.noPolicyOutput * displayScale();
}

QString SensitivityController::valueText() const
{
    return m_revision > 0 ? format(value()) : QString();
}

QString SensitivityController::baselineText() const
{
    return m_revision > 0 ? format(baseline()) : QString();
}

QVariantList SensitivityController::bars() const
{
    QVariantList list;
    if (!m_controller)
        return list;
    const ModelEngine &engine = m_controller->engine();
    const MetricInfo &info = infoOf(m_resultOutput);
    const double scale = info.displayScale;
    for (const TornadoBar &bar : m_result.bars) {
        if (list.size() >= m_topCount || bar.swing() == 0)
            break; // sorted by |swing|: the rest move nothing
        const InputSource source = inputSource(engine, bar);
        const QString unit = unitOf(engine, bar);
        list.append(QVariantMap {
            {QStringLiteral("id"), bar.id},
            {QStringLiteral("label"), bar.label},
            {QStringLiteral("isLever"), bar.isLever},
            {QStringLiteral("lowInputText"), inputText(unit, bar.lowInput)},
            {QStringLiteral("highInputText"), inputText(unit, bar.highInput)},
            {QStringLiteral("rangeText"), rangeText(unit, bar.lowInput, bar.highInput)},
            {QStringLiteral("outputAtLow"), bar.outputAtLow * scale},
            {QStringLiteral("outputAtHigh"), bar.outputAtHigh * scale},
            {QStringLiteral("lowOutputText"), format(bar.outputAtLow * scale)},
            {QStringLiteral("highOutputText"), format(bar.outputAtHigh * scale)},
            {QStringLiteral("swingText"), formatMetricChange(info, bar.swing() * scale)},
            {QStringLiteral("kbRows"), source.kbRows.join(QStringLiteral(", "))},
            {QStringLiteral("sourceId"), source.sourceId},
            {QStringLiteral("quote"), source.quote},
        });
    }
    return list;
}

namespace {

/** A range around [low, high] with room for the value labels at the bars' ends, never empty. */
std::pair<double, double> padded(double low, double high)
{
    const double pad = high > low ? 0.15 * (high - low) : std::max(1.0, std::abs(low) * 0.1);
    return {low - pad, high + pad};
}

} // namespace

void SensitivityController::updateRanges()
{
    const double scale = displayScale();
    double low = value();
    double high = low;
    int shown = 0;
    for (const TornadoBar &bar : m_result.bars) {
        if (shown++ >= m_topCount || bar.swing() == 0)
            break;
        low = std::min({low, bar.outputAtLow * scale, bar.outputAtHigh * scale});
        high = std::max({high, bar.outputAtLow * scale, bar.outputAtHigh * scale});
    }
    std::tie(m_barMinimum, m_barMaximum) = padded(low, high);

    low = high = value();
    for (const WedgeResult *result : {&m_result.change, &m_result.policies}) {
        double total = result->noPolicyOutput * scale;
        low = std::min(low, total);
        high = std::max(high, total);
        for (const Wedge &wedge : result->wedges) {
            total += wedge.contribution * scale;
            low = std::min(low, total);
            high = std::max(high, total);
        }
    }
    std::tie(m_wedgeMinimum, m_wedgeMaximum) = padded(low, high);
}

QVariantList SensitivityController::waterfall(const WedgeResult &result) const
{
    QVariantList list;
    const MetricInfo &info = infoOf(m_resultOutput);
    double total = result.noPolicyOutput * info.displayScale;
    for (const Wedge &wedge : result.wedges) {
        const double step = wedge.contribution * info.displayScale;
        list.append(QVariantMap {{QStringLiteral("id"), wedge.leverId},
                                 {QStringLiteral("label"), wedge.label},
                                 {QStringLiteral("contribution"), step},
                                 {QStringLiteral("from"), total},
                                 {QStringLiteral("to"), total + step},
                                 {QStringLiteral("text"), formatMetricChange(info, step, ZeroChange::Signed)}});
        total += step;
    }
    return list;
}

QVariantList SensitivityController::changeWedges() const
{
    return waterfall(m_result.change);
}

QVariantList SensitivityController::policyWedges() const
{
    return waterfall(m_result.policies);
}

double SensitivityController::noPolicyValue() const
{
    return m_result.policies.noPolicyOutput * displayScale();
}

QString SensitivityController::noPolicyText() const
{
    return m_revision > 0 ? format(noPolicyValue()) : QString();
}

} // namespace techrace
