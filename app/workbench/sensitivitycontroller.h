#pragma once

#include "model/analysis.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QVariantList>

namespace techrace {

class ScenarioController;

/**
 * The Sensitivity page: for one headline output of the current scenario, a tornado (each lever and parameter over its
 * range, largest swings first) and two waterfalls: what each lever the scenario moves adds to the change from the
 * baseline, and what each active policy contributes (model/analysis.h).
 *
 * A tornado is ~2×60 model runs (tens of milliseconds), so it runs on a worker thread. One job runs at a time; a
 * scenario change while it runs bumps the generation, its result is dropped on arrival and the job starts again for
 * the latest scenario. While `active` is false (the page is hidden) changes only mark the results out of date.
 */
class SensitivityController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("workbench/scenariocontroller.h")

    Q_PROPERTY(techrace::ScenarioController *controller READ controller WRITE setController NOTIFY controllerChanged)
    Q_PROPERTY(QVariantList outputs READ outputs CONSTANT)
    Q_PROPERTY(int outputIndex READ outputIndex WRITE setOutputIndex NOTIFY outputIndexChanged)
    Q_PROPERTY(int topCount READ topCount WRITE setTopCount NOTIFY topCountChanged)
    Q_PROPERTY(bool active READ isActive WRITE setActive NOTIFY activeChanged)
    Q_PROPERTY(bool busy READ isBusy NOTIFY busyChanged)
    Q_PROPERTY(int revision READ revision NOTIFY resultsChanged)
    Q_PROPERTY(QString error READ error NOTIFY resultsChanged)
    Q_PROPERTY(QString outputTitle READ outputTitle NOTIFY resultsChanged)
    Q_PROPERTY(QString unit READ unit NOTIFY resultsChanged)
    Q_PROPERTY(double value READ value NOTIFY resultsChanged)
    Q_PROPERTY(double baseline READ baseline NOTIFY resultsChanged)
    Q_PROPERTY(QString valueText READ valueText NOTIFY resultsChanged)
    Q_PROPERTY(QString baselineText READ baselineText NOTIFY resultsChanged)
    Q_PROPERTY(QVariantList bars READ bars NOTIFY resultsChanged)
    Q_PROPERTY(double barMinimum READ barMinimum NOTIFY resultsChanged)
    Q_PROPERTY(double barMaximum READ barMaximum NOTIFY resultsChanged)
    Q_PROPERTY(QVariantList changeWedges READ changeWedges NOTIFY resultsChanged)
    Q_PROPERTY(QVariantList policyWedges READ policyWedges NOTIFY resultsChanged)
    Q_PROPERTY(double noPolicyValue READ noPolicyValue NOTIFY resultsChanged)
    Q_PROPERTY(QString noPolicyText READ noPolicyText NOTIFY resultsChanged)
    Q_PROPERTY(double wedgeMinimum READ wedgeMinimum NOTIFY resultsChanged)
    Q_PROPERTY(double wedgeMaximum READ wedgeMaximum NOTIFY resultsChanged)
    Q_PROPERTY(double lastComputeMs READ lastComputeMs NOTIFY resultsChanged)

public:
    explicit SensitivityController(QObject *parent = nullptr);
    /** Waits for a running job: it reads the engine, which the controller's owner may destroy next. */
    ~SensitivityController() override;

    [[nodiscard]] ScenarioController *controller() const { return m_controller; }
    void setController(ScenarioController *controller);
    /** The outputs to choose from: the dashboard's headlines, [{title, year, label}]. */
    [[nodiscard]] QVariantList outputs() const;
    [[nodiscard]] int outputIndex() const { return m_outputIndex; }
    void setOutputIndex(int index);
    [[nodiscard]] int topCount() const { return m_topCount; }
    void setTopCount(int count);
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool active);
    [[nodiscard]] bool isBusy() const { return m_busy; }
    /** How many results have been shown; results of a superseded scenario are never counted (nor shown). */
    [[nodiscard]] int revision() const { return m_revision; }
    [[nodiscard]] QString error() const { return m_error; }

    [[nodiscard]] QString outputTitle() const;
    [[nodiscard]] QString unit() const;
    /** The output in the scenario and in the baseline, in display units (percent for shares). */
    [[nodiscard]] double value() const;
    [[nodiscard]] double baseline() const;
    [[nodiscard]] QString valueText() const;
    [[nodiscard]] QString baselineText() const;
    /**
     * The topCount largest bars with a non-zero swing, largest first: [{id, label, isLever, lowInputText,
     * highInputText, rangeText, outputAtLow, outputAtHigh, lowOutputText, highOutputText, swingText, kbRows, sourceId,
     * quote}], outputs in display units.
     */
    [[nodiscard]] QVariantList bars() const;
    /** The axis of the tornado: the bars' ends and the scenario value, padded a little. */
    [[nodiscard]] double barMinimum() const { return m_barMinimum; }
    [[nodiscard]] double barMaximum() const { return m_barMaximum; }
    /**
     * Waterfall steps, [{id, label, contribution, from, to, text}] in display units: `from`..`to` is the running
     * total before and after the step. changeWedges go from the baseline to the scenario; policyWedges from the
     * scenario without its active policies to the scenario.
     */
    [[nodiscard]] QVariantList changeWedges() const;
    [[nodiscard]] QVariantList policyWedges() const;
    /** The output with every active policy switched off, where policyWedges start (display units). */
    [[nodiscard]] double noPolicyValue() const;
    [[nodiscard]] QString noPolicyText() const;
    /** One axis for both waterfalls: every running total, padded a little. */
    [[nodiscard]] double wedgeMinimum() const { return m_wedgeMinimum; }
    [[nodiscard]] double wedgeMaximum() const { return m_wedgeMaximum; }
    /** Wall time of the last accepted job on its worker thread: tornado and both waterfalls. */
    [[nodiscard]] double lastComputeMs() const { return m_result.computeMs; }

    /** The output a headline row stands for (for tests and the CLI's figures). */
    [[nodiscard]] static OutputRef outputOf(int index);
    /** The raw analysis last accepted (model units), for tests. */
    [[nodiscard]] const std::vector<TornadoBar> &tornadoBars() const { return m_result.bars; }
    [[nodiscard]] const WedgeResult &changeFromBaselineResult() const { return m_result.change; }
    [[nodiscard]] const WedgeResult &policyWedgesResult() const { return m_result.policies; }

Q_SIGNALS:
    void controllerChanged();
    void outputIndexChanged();
    void topCountChanged();
    void activeChanged();
    void busyChanged();
    void resultsChanged();

private:
    struct Analysis
    {
        QString error;
        std::vector<TornadoBar> bars;
        WedgeResult change;
        WedgeResult policies;
        double computeMs = 0;
    };
    static Analysis analyse(const ModelEngine &engine, const Scenario &scenario, const OutputRef &output);

    void requestAnalysis();
    void startJob();
    void setBusy(bool busy);
    [[nodiscard]] QString format(double displayValue) const;
    [[nodiscard]] double displayScale() const;
    [[nodiscard]] QVariantList waterfall(const WedgeResult &wedges) const;
    void updateRanges();

    QPointer<ScenarioController> m_controller;
    QMetaObject::Connection m_resultsConnection;
    int m_outputIndex = 0;
    int m_topCount = 15;
    bool m_active = true;
    bool m_busy = false;
    bool m_outOfDate = false; // a change arrived while inactive
    int m_requestedGeneration = 0;
    int m_runningGeneration = 0; // 0: no job running
    QFuture<Analysis> m_job;
    int m_revision = 0;
    int m_resultOutput = 0; // the output index the accepted result is for
    Analysis m_result;
    QString m_error;
    double m_barMinimum = 0;
    double m_barMaximum = 1;
    double m_wedgeMinimum = 0;
    double m_wedgeMaximum = 1;
};

} // namespace techrace
