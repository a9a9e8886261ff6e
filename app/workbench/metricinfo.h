#pragma once

#include "model/results.h"

#include <QString>

namespace techrace {

/** How a view names and formats a model metric (docs/MODEL.md lists the units). */
struct MetricInfo
{
    Metric metric = Metric::Capacity;
    QString label;
    QString unit; // as shown on an axis: "%", "million wafers / month", …
    double displayScale = 1; // multiply model values by this to show them (fractions as percentages)
    int decimals = 1;
};

/** Every metric a chart can show, in menu order. */
const QList<MetricInfo> &metricInfos();
const MetricInfo &metricInfo(Metric metric);

/** A value in display units with its unit: "41.3%", "2.10 million H100e". */
QString formatMetricValue(const MetricInfo &info, double displayValue);
/** How a change that rounds to zero reads: "as baseline" (a headline) or "±0.0 pp" (one step of a sum). */
enum class ZeroChange
{
    AsBaseline,
    Signed
};
/** A change in display units, signed: "+1.2 pp" (percentage points for shares), "−0.30 million H100e". */
QString formatMetricChange(const MetricInfo &info, double displayDelta, ZeroChange zero = ZeroChange::AsBaseline);

/** A lever value as a reader sees it, in the lever's unit: "76%", "2.0×", "2030". */
QString formatLeverValue(const QString &unit, double value);
/** A lever's step for keyboard and spin-box entry. */
double leverStep(const QString &unit);

} // namespace techrace
