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

/** A model value (model units) as a reader sees it, in display units: "42.3%", "1.25 million H100e". */
QString formatMetricValue(const MetricInfo &info, double modelValue);
/** A change in display units as a reader sees it: "+3.1 pp", "−0.20 million H100e", or "as baseline". */
QString formatMetricChange(const MetricInfo &info, double displayDelta);

/** A lever value as a reader sees it, in the lever's unit: "76%", "2.0×", "2030". */
QString formatLeverValue(const QString &unit, double value);
/** A lever's step for keyboard and spin-box entry. */
double leverStep(const QString &unit);

} // namespace techrace
