#pragma once

#include "workbench/uncertaintybands.h"

#include <QAbstractSeries>
#include <QFuture>
#include <QObject>
#include <QPointF>
#include <QPointer>
#include <QQmlEngine>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>

namespace techrace {

class ScenarioController;
class Results;

/**
 * What one chart shows: a metric for some regions (and a segment or company), one line per region in the
 * baseline and in the scenario, in display units. The view creates its series when `linesChanged` fires and
 * refills the scenario lines on `valuesChanged`, with QXYSeries::replace (qmloscilloscope).
 * The p10–p90 band of the shown lines is computed off the GUI thread once the scenario stops changing
 * (UncertaintyBands); `bandChanged` says when to refill it. With a company chosen (metrics that have company series:
 * market share in one segment) the chart shows that company's line instead of the regions'.
 * provenance() explains a point the way `techrace explain` does, computed off the GUI thread too.
 */
class ChartData : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("workbench/scenariocontroller.h")

    Q_PROPERTY(techrace::ScenarioController *controller READ controller WRITE setController NOTIFY linesChanged)
    Q_PROPERTY(QString metric READ metric WRITE setMetric NOTIFY linesChanged)
    Q_PROPERTY(QStringList regions READ regions WRITE setRegions NOTIFY linesChanged)
    Q_PROPERTY(QString segment READ segment WRITE setSegment NOTIFY linesChanged)
    Q_PROPERTY(QString company READ company WRITE setCompany NOTIFY linesChanged)
    Q_PROPERTY(int lineCount READ lineCount NOTIFY linesChanged)
    Q_PROPERTY(QString title READ title NOTIFY linesChanged)
    Q_PROPERTY(QString unit READ unit NOTIFY linesChanged)
    Q_PROPERTY(double minimum READ minimum NOTIFY valuesChanged)
    Q_PROPERTY(double maximum READ maximum NOTIFY valuesChanged)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(bool hasBand READ hasBand NOTIFY bandChanged)
    Q_PROPERTY(bool bandBusy READ bandBusy NOTIFY bandBusyChanged)
    Q_PROPERTY(QVariantList companyChoices READ companyChoices NOTIFY companyChoicesChanged)
    Q_PROPERTY(bool companyApplies READ companyApplies NOTIFY companyChoicesChanged)
    Q_PROPERTY(QVariantMap provenance READ provenance NOTIFY provenanceChanged)
    Q_PROPERTY(bool provenanceLoading READ provenanceLoading NOTIFY provenanceChanged)
    Q_PROPERTY(QVariantList targets READ targets NOTIFY linesChanged)

public:
    explicit ChartData(QObject *parent = nullptr);

    [[nodiscard]] ScenarioController *controller() const { return m_controller; }
    void setController(ScenarioController *controller);
    [[nodiscard]] QString metric() const { return m_metric; }
    void setMetric(const QString &metric);
    [[nodiscard]] QStringList regions() const { return m_regions; }
    void setRegions(const QStringList &regions);
    [[nodiscard]] QString segment() const { return m_segment; }
    void setSegment(const QString &segment);
    [[nodiscard]] QString company() const { return m_company; }
    void setCompany(const QString &company);

    /** The regions of `regions` the model has this series for, in that order. */
    [[nodiscard]] int lineCount() const { return static_cast<int>(m_lines.size()); }
    [[nodiscard]] QString title() const;
    [[nodiscard]] QString unit() const;
    [[nodiscard]] double minimum() const;
    [[nodiscard]] double maximum() const;
    [[nodiscard]] bool hasBand() const;
    /** Whether the chart is on screen: an inactive chart computes no band until it is active again. */
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    /** The band computation has been running longer than a blink: show a progress indication. */
    [[nodiscard]] bool bandBusy() const { return m_bands.busy(); }
    /** A band is waiting for the debounce or being computed (for screenshots and tests). */
    Q_INVOKABLE [[nodiscard]] bool bandPending() const { return m_bands.pending(); }
    [[nodiscard]] const UncertaintyBands &bands() const { return m_bands; }
    /** [{id, name}] of the companies with a series for this metric and segment, after a "" (regions) entry; empty
     * when the metric has no company series. */
    [[nodiscard]] QVariantList companyChoices() const;
    [[nodiscard]] bool companyApplies() const { return !companyChoices().isEmpty(); }

    /** Explains the point (line, year) off the GUI thread; provenance fills when done. */
    Q_INVOKABLE void requestProvenance(int line, int year);
    Q_INVOKABLE void clearProvenance();
    /**
     * {title, output, value, equation, inputs: [{id, label, value, range, source}], text} of the last request;
     * `text` is what `techrace explain` prints for the same output. Empty while loading or after an error (error).
     */
    [[nodiscard]] QVariantMap provenance() const { return m_provenance; }
    [[nodiscard]] bool provenanceLoading() const
    {
        return m_provenanceLoading;
    } /** KB targets for what the chart shows: [{year, value, name, regionId, source}], in display units. */
    [[nodiscard]] QVariantList targets() const;

    Q_INVOKABLE [[nodiscard]] QString lineRegion(int line) const;
    Q_INVOKABLE [[nodiscard]] QString lineName(int line) const;
    /** Replaces the points of an XY series with a line's baseline or scenario values. False when no such line. */
    Q_INVOKABLE bool fill(int line, QAbstractSeries *series, bool baseline) const;
    /** The compared scenario's line (ScenarioController::compareWith…); empties the series when not comparing. */
    Q_INVOKABLE bool fillComparison(int line, QAbstractSeries *series) const;
    /** p10 into `lower`, p90 into `upper`; false (and empties both) without uncertainty. */
    Q_INVOKABLE bool fillBand(int line, QAbstractSeries *lower, QAbstractSeries *upper) const;
    Q_INVOKABLE [[nodiscard]] double valueAt(int line, int year, bool baseline) const;
    /** The points of a line, for tests and exports. */
    [[nodiscard]] QList<QPointF> points(int line, bool baseline) const;
    [[nodiscard]] QList<QPointF> comparisonPoints(int line) const;

Q_SIGNALS:
    void linesChanged();
    void valuesChanged();
    void bandChanged();
    void activeChanged();
    /** The metric or segment changed (not the company: a picker bound to the choices keeps its selection). */
    void companyChoicesChanged();
    void bandBusyChanged();
    /** The band of the latest scenario is in (or there is none to compute). */
    void bandSettled();
    void provenanceChanged();

private:
    void rebuild();
    void requestBand();
    [[nodiscard]] QList<QPointF> pointsOf(const Results &results, int line) const;
    [[nodiscard]] QString companyName(const QString &id) const;
    struct Line
    {
        QString region;
        int series;
        QString company; // empty: the region's line
    };
    QPointer<ScenarioController> m_controller;
    QMetaObject::Connection m_resultsConnection;
    QMetaObject::Connection m_comparisonConnection;
    QString m_metric = QStringLiteral("self_sufficiency");
    QStringList m_regions;
    QString m_segment;
    QString m_company;
    QList<Line> m_lines;
    UncertaintyBands m_bands;
    QVariantMap m_provenance;
    bool m_provenanceLoading = false;
    bool m_active = true;
    int m_provenanceGeneration = 0;
};

} // namespace techrace
