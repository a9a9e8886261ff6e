#include "fundingcontroller.h"

#include "workbench/scenariocontroller.h"

#include <QXYSeries>

#include <algorithm>
#include <cmath>

namespace techrace {

namespace {
FundingController *s_instance = nullptr;
constexpr double billion = 1e9;
} // namespace

FundingController::FundingController(std::shared_ptr<const AppContext> context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_leverIndex(m_context->fundingModel().leverIndex(QString::fromLatin1(leverProgramme)))
    , m_baseline(m_context->fundingModel().run(m_context->fundingModel().baselineScales()))
    , m_scenario(m_baseline)
{
    Q_ASSERT_X(m_leverIndex >= 0, "FundingController", "the knowledge base lacks the lever's programme");
}

FundingController *FundingController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void FundingController::setInstance(FundingController *instance)
{
    s_instance = instance;
}

const FundingModel::Lever &FundingController::lever() const
{
    return m_context->fundingModel().levers().at(m_leverIndex);
}

QStringList FundingController::chartRegions() const
{
    QStringList regions;
    const FundingModel &model = m_context->fundingModel();
    for (qsizetype r = 0; r < model.regions().size(); ++r) {
        if (m_baseline.at(static_cast<std::size_t>(r), lastYear()) > 0)
            regions.append(model.regions().at(r).id);
    }
    return regions;
}

QString FundingController::leverLabel() const
{
    return lever().label;
}

QString FundingController::leverQuote() const
{
    return lever().quote;
}

QString FundingController::leverSource() const
{
    const auto source = m_context->knowledgeBase().source(lever().sourceId);
    return source ? QStringLiteral("%1, %2").arg(source->publisher, source->published) : lever().sourceId;
}

void FundingController::followScenario(const ScenarioController *scenario)
{
    const auto follow = [this, scenario] { setScale(scenario->leverValue(leverId())); };
    connect(scenario, &ScenarioController::resultsChanged, this, follow);
    follow();
}

void FundingController::setScale(double scale)
{
    scale = std::clamp(scale, minimumScale(), maximumScale());
    if (std::abs(scale - m_scale) < 1e-9)
        return;
    m_scale = scale;
    Q_EMIT scaleChanged();
    recompute();
}

void FundingController::recompute()
{
    std::vector<double> scales = m_context->fundingModel().baselineScales();
    scales[static_cast<std::size_t>(m_leverIndex)] = m_scale;
    m_scenario = m_context->fundingModel().run(scales);
    Q_EMIT resultsChanged();
}

double FundingController::maxValue() const
{
    return std::max(m_baseline.max(), m_scenario.max()) / billion;
}

QString FundingController::sourceLine() const
{
    QStringList publishers;
    for (const FundingModel::Lever &l : m_context->fundingModel().levers()) {
        const auto source = m_context->knowledgeBase().source(l.sourceId);
        const QString name = source ? source->publisher : l.sourceId;
        if (!publishers.contains(name))
            publishers.append(name);
    }
    return tr("Source: TechRace knowledge base (%1); announced amounts counted in the year announced.")
        .arg(publishers.join(QStringLiteral("; ")));
}

QString FundingController::regionName(const QString &regionId) const
{
    for (const auto &region : m_context->fundingModel().regions()) {
        if (region.id == regionId)
            return region.name;
    }
    return regionId;
}

double FundingController::value(const QString &regionId, int year, bool baseline) const
{
    const qsizetype region = m_context->fundingModel().regionIndex(regionId);
    if (region < 0)
        return 0.0;
    return (baseline ? m_baseline : m_scenario).at(static_cast<std::size_t>(region), year) / billion;
}

void FundingController::fillSeries(QAbstractSeries *series, const QString &regionId, bool baseline) const
{
    auto *xy = qobject_cast<QXYSeries *>(series);
    if (!xy)
        return;
    QList<QPointF> points;
    points.reserve(lastYear() - firstYear() + 1);
    for (int year = firstYear(); year <= lastYear(); ++year)
        points.append(QPointF(year, value(regionId, year, baseline)));
    xy->replace(points);
}

} // namespace techrace
