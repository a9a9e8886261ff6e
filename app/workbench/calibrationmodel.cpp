#include "workbench/calibrationmodel.h"

#include "workbench/scenariocontroller.h"

#include <QXYSeries>

#include <algorithm>
#include <cmath>
#include <limits>

namespace techrace {

namespace {

/** Observations span 6 % to 30 million wafers: short, readable numbers at any size. */
QString readable(double value)
{
    const double magnitude = std::abs(value);
    if (magnitude >= 1e6)
        return QStringLiteral("%1 M").arg(value / 1e6, 0, 'f', 2);
    if (magnitude >= 1e4)
        return QStringLiteral("%1 k").arg(value / 1e3, 0, 'f', 1);
    return QString::number(value, 'g', 4);
}

QString percent(double value)
{
    return QString::number(value, 'f', 1) + QLatin1Char('%');
}

void replacePoints(QAbstractSeries *series, const QList<QPointF> &points)
{
    if (auto *xy = qobject_cast<QXYSeries *>(series))
        xy->replace(points);
}

} // namespace

CalibrationModel::CalibrationModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

void CalibrationModel::setController(ScenarioController *controller)
{
    if (m_controller == controller)
        return;
    beginResetModel();
    m_controller = controller;
    m_report = {};
    m_error.clear();
    if (controller) {
        auto report = calibrate(controller->engine(), controller->context().knowledgeBase());
        if (report)
            m_report = std::move(report.value());
        else
            m_error = report.message();
    }
    double low = std::numeric_limits<double>::infinity();
    double high = 0;
    m_unplotted = 0;
    for (const CalibrationPoint &p : m_report.points) {
        if (!plottable(p)) {
            ++m_unplotted;
            continue;
        }
        low = std::min({low, p.observed, p.model});
        high = std::max({high, p.observed, p.model});
    }
    m_scatterMinimum = high > 0 ? std::floor(std::log10(low)) : 0;
    m_scatterMaximum = high > 0 ? std::ceil(std::log10(high)) : 1;
    endResetModel();
    Q_EMIT reportChanged();
}

int CalibrationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_report.points.size());
}

QVariant CalibrationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CalibrationPoint &p = m_report.points.at(static_cast<std::size_t>(index.row()));
    const double errorPercent =
        p.observed != 0 ? 100 * p.error() / p.observed : std::numeric_limits<double>::quiet_NaN();
    switch (role) {
    case Qt::DisplayRole:
    case ObservationIdRole:
        return p.observationId;
    case SeriesRole:
        return p.series;
    case SubjectRole: {
        QStringList parts;
        for (const QString &part : {p.region, p.segment, p.company}) {
            if (!part.isEmpty())
                parts.append(part);
        }
        return parts.join(QStringLiteral(" · "));
    }
    case YearRole:
        return p.year;
    case UnitRole:
        return p.unit;
    case ObservedRole:
        return p.observed;
    case ModelRole:
        return p.model;
    case ObservedTextRole:
        return readable(p.observed);
    case ModelTextRole:
        return readable(p.model);
    case ErrorPercentRole:
        return errorPercent;
    case ErrorTextRole:
        if (std::isnan(errorPercent))
            return QStringLiteral("–");
        return QString((errorPercent > 0 ? QStringLiteral("+") : QString()) + QString::number(errorPercent, 'f', 1) +
                       QLatin1Char('%'));
    case FittedRole:
        return p.fitted;
    case SampleTextRole:
        return p.fitted ? tr("in sample") : tr("out of sample");
    case SourceIdRole:
        return p.sourceId;
    default:
        return {};
    }
}

QHash<int, QByteArray> CalibrationModel::roleNames() const
{
    return {{ObservationIdRole, "observationId"},
            {SeriesRole, "series"},
            {SubjectRole, "subject"},
            {YearRole, "year"},
            {UnitRole, "unit"},
            {ObservedRole, "observed"},
            {ModelRole, "model"},
            {ObservedTextRole, "observedText"},
            {ModelTextRole, "modelText"},
            {ErrorPercentRole, "errorPercent"},
            {ErrorTextRole, "errorText"},
            {FittedRole, "fitted"},
            {SampleTextRole, "sampleText"},
            {SourceIdRole, "sourceId"}};
}

QString CalibrationModel::mapeAllText() const
{
    return percent(m_report.mapeAll);
}

QString CalibrationModel::mapeOutOfSampleText() const
{
    return percent(m_report.mapeOutOfSample);
}

QString CalibrationModel::maePointsText() const
{
    return tr("%1 pp").arg(m_report.maePointsPercent, 0, 'f', 1);
}

void CalibrationModel::fillScatter(QAbstractSeries *inSample, QAbstractSeries *outOfSample,
                                   QAbstractSeries *identity) const
{
    QList<QPointF> fitted;
    QList<QPointF> tested;
    for (const CalibrationPoint &p : m_report.points) {
        if (plottable(p))
            (p.fitted ? fitted : tested).append(QPointF(std::log10(p.observed), std::log10(p.model)));
    }
    replacePoints(inSample, fitted);
    replacePoints(outOfSample, tested);
    replacePoints(identity, {QPointF(m_scatterMinimum, m_scatterMinimum), QPointF(m_scatterMaximum, m_scatterMaximum)});
}

int CalibrationModel::rowNear(double observedExponent, double modelExponent) const
{
    int nearest = -1;
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < m_report.points.size(); ++i) {
        const CalibrationPoint &p = m_report.points[i];
        if (!plottable(p))
            continue;
        const double dx = std::log10(p.observed) - observedExponent;
        const double dy = std::log10(p.model) - modelExponent;
        if (const double d = dx * dx + dy * dy; d < best) {
            best = d;
            nearest = static_cast<int>(i);
        }
    }
    return nearest;
}

} // namespace techrace
