#include "workbench/headlinemodel.h"

#include "workbench/metricinfo.h"
#include "workbench/scenariocontroller.h"

#include <cmath>

namespace techrace {

const QList<HeadlineModel::Headline> &HeadlineModel::headlines()
{
    static const QList<Headline> list = {
        {tr("China's chip self-sufficiency"), Metric::SelfSufficiency, QStringLiteral("CN"), QString(), 2030},
        {tr("US share of leading-edge logic capacity"), Metric::CapacityShare, QStringLiteral("US"),
         QStringLiteral("leading_logic"), 2032},
        {tr("China's share of world AI compute"), Metric::AiComputeShare, QStringLiteral("CN"), QString(), 2030},
        {tr("Taiwan's share of leading-edge logic capacity"), Metric::CapacityShare, QStringLiteral("TW"),
         QStringLiteral("leading_logic"), 2030},
    };
    return list;
}

HeadlineModel::HeadlineModel(ScenarioController *controller, QObject *parent)
    : QAbstractListModel(parent)
    , m_controller(controller)
{
    for (const Headline &headline : headlines())
        m_series.append(seriesIndex(headline));
    connect(controller, &ScenarioController::resultsChanged, this, [this]() {
        if (rowCount() > 0)
            Q_EMIT dataChanged(index(0), index(rowCount() - 1),
                               {ValueRole, DeltaRole, ValueTextRole, DeltaTextRole, SparklineRole});
    });
}

int HeadlineModel::seriesIndex(const Headline &headline) const
{
    const ModelEngine &engine = m_controller->engine();
    const int region = static_cast<int>(engine.regions().indexOf(headline.region));
    const int segment = headline.segment.isEmpty() ? -1 : static_cast<int>(engine.segments().indexOf(headline.segment));
    if (region < 0 || (!headline.segment.isEmpty() && segment < 0))
        return -1;
    return engine.layout()->find(headline.metric, region, segment);
}

int HeadlineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(headlines().size());
}

namespace {

QVariantList sparkline(const double *values, int count, double scale)
{
    QVariantList list;
    list.reserve(count);
    for (int i = 0; i < count; ++i)
        list.append(values[i] * scale);
    return list;
}

} // namespace

QVariant HeadlineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Headline &headline = headlines().at(index.row());
    const int series = m_series.at(index.row());
    const MetricInfo &info = metricInfo(headline.metric);
    const bool available = series >= 0;
    const Results &scenario = m_controller->scenarioResults();
    const Results &baseline = m_controller->baselineResults();
    const double value = available ? scenario.at(series, headline.year) * info.displayScale : 0;
    const double base = available ? baseline.at(series, headline.year) * info.displayScale : 0;
    const auto format = [&info](double v) -> QString { return formatMetricValue(info, v / info.displayScale); };
    const int years = scenario.layout().yearCount();
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return headline.title;
    case YearRole:
        return headline.year;
    case AvailableRole:
        return available;
    case ValueRole:
        return value;
    case BaselineRole:
        return base;
    case DeltaRole:
        return value - base;
    case ValueTextRole:
        return available ? format(value) : tr("n/a");
    case BaselineTextRole:
        return available ? tr("baseline %1").arg(format(base)) : QString();
    case DeltaTextRole:
        return available ? formatMetricChange(info, value - base) : QString();
    case UnitRole:
        return info.unit;
    case SparklineRole:
        return available ? sparkline(scenario.series(series), years, info.displayScale) : QVariantList();
    case BaselineSparklineRole:
        return available ? sparkline(baseline.series(series), years, info.displayScale) : QVariantList();
    case FirstYearRole:
        return scenario.layout().firstYear();
    default:
        return {};
    }
}

QHash<int, QByteArray> HeadlineModel::roleNames() const
{
    return {{TitleRole, "title"},         {YearRole, "year"},
            {AvailableRole, "available"}, {ValueRole, "value"},
            {BaselineRole, "baseline"},   {DeltaRole, "delta"},
            {ValueTextRole, "valueText"}, {BaselineTextRole, "baselineText"},
            {DeltaTextRole, "deltaText"}, {UnitRole, "unit"},
            {SparklineRole, "sparkline"}, {BaselineSparklineRole, "baselineSparkline"},
            {FirstYearRole, "firstYear"}};
}

} // namespace techrace
