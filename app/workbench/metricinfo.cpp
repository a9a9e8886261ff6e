#include "workbench/metricinfo.h"

#include <QCoreApplication>

#include <cmath>

namespace techrace {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("MetricInfo", text);
}
} // namespace

const QList<MetricInfo> &metricInfos()
{
    static const QList<MetricInfo> infos = {
        {Metric::SelfSufficiency, tr("Self-sufficiency"), QStringLiteral("%"), 100, 1},
        {Metric::CapacityShare, tr("Share of world capacity"), QStringLiteral("%"), 100, 1},
        {Metric::Capacity, tr("Capacity"), tr("million wafers / month"), 1, 2},
        {Metric::Production, tr("Production"), tr("million wafers / month"), 1, 2},
        {Metric::Consumption, tr("Consumption"), tr("million wafers / month"), 1, 2},
        {Metric::NetExports, tr("Net exports"), tr("million wafers / month"), 1, 2},
        {Metric::MarketShare, tr("Share of world market"), QStringLiteral("%"), 100, 1},
        {Metric::MarketShareCn, tr("Share of China's market"), QStringLiteral("%"), 100, 1},
        {Metric::AiComputeH100e, tr("Installed AI compute"), tr("million H100e"), 1, 2},
        {Metric::AiComputeShare, tr("Share of world AI compute"), QStringLiteral("%"), 100, 1},
        {Metric::AiComputeAdditions, tr("AI compute added in the year"), tr("million H100e"), 1, 2},
        {Metric::AiChipImports, tr("AI-chip imports"), tr("million H100e"), 1, 2},
        {Metric::BestNodeNm, tr("Finest logic node in volume"), tr("nm"), 1, 0},
        {Metric::StateFunding, tr("State funding, cumulative"), tr("US$ billion"), 1, 0},
    };
    return infos;
}

const MetricInfo &metricInfo(Metric metric)
{
    for (const MetricInfo &info : metricInfos()) {
        if (info.metric == metric)
            return info;
    }
    Q_UNREACHABLE();
}

QString formatMetricValue(const MetricInfo &info, double modelValue)
{
    return QString::number(modelValue * info.displayScale, 'f', info.decimals) + info.unit;
}

QString formatMetricChange(const MetricInfo &info, double displayDelta)
{
    if (std::abs(displayDelta) < 0.5 * std::pow(10.0, -info.decimals))
        return tr("as baseline");
    const QString unit = info.unit == QLatin1String("%") ? tr(" pp") : info.unit;
    return QString((displayDelta > 0 ? QStringLiteral("+") : QStringLiteral("−")) +
                   QString::number(std::abs(displayDelta), 'f', info.decimals) + unit);
}

QString formatLeverValue(const QString &unit, double value)
{
    if (unit == QLatin1String("fraction"))
        return QStringLiteral("%1%").arg(std::round(value * 1000) / 10);
    if (unit == QLatin1String("years"))
        return QString::number(std::lround(value));
    if (unit == QLatin1String("multiple"))
        return QStringLiteral("%1×").arg(value, 0, 'f', 2);
    return QStringLiteral("%1 %2").arg(value, 0, 'g', 3).arg(unit);
}

double leverStep(const QString &unit)
{
    if (unit == QLatin1String("years"))
        return 1;
    if (unit == QLatin1String("multiple"))
        return 0.05;
    return 0.01;
}

} // namespace techrace
