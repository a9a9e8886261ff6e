#pragma once

#include "appcontext.h"
#include "model/scenario.h"
#include "workbench/scenariocontroller.h"

#include <QObject>
#include <QQmlEngine>
#include <QThread>
#include <QUrl>

#include <atomic>
#include <memory>

namespace techrace {

/**
 * Builds a ScenarioReport on a worker thread, so the window stays responsive: progress and the result come back as
 * signals on the GUI thread, and cancel() stops it between steps (nothing is left at the target). One report at a
 * time; destroying the exporter cancels the running report and waits for it.
 */
class ReportExporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT

    /** The scenario "Export report…" writes: the one this controller holds when start() is called. */
    Q_PROPERTY(techrace::ScenarioController *scenarioController READ scenarioController WRITE setScenarioController
                   NOTIFY scenarioControllerChanged)
    Q_PROPERTY(bool running READ isRunning NOTIFY runningChanged)
    /** 0..1, the share of the steps done. */
    Q_PROPERTY(double progress READ progress NOTIFY progressChanged)
    /** The step under way, e.g. "Charts". */
    Q_PROPERTY(QString step READ step NOTIFY progressChanged)

public:
    explicit ReportExporter(QObject *parent = nullptr);
    ~ReportExporter() override;

    [[nodiscard]] ScenarioController *scenarioController() const { return m_controller; }
    void setScenarioController(ScenarioController *controller);
    [[nodiscard]] bool isRunning() const { return m_thread != nullptr; }
    [[nodiscard]] double progress() const { return m_progress; }
    [[nodiscard]] QString step() const { return m_step; }

    /** Starts a report of the controller's current scenario into `file`; false (and an error) if one is running. */
    Q_INVOKABLE bool start(const QUrl &file);
    /** The same for any scenario (the tests, other front ends). */
    bool start(std::shared_ptr<const AppContext> context, Scenario scenario, const QString &path);
    Q_INVOKABLE void cancel();

Q_SIGNALS:
    void scenarioControllerChanged();
    void runningChanged();
    void progressChanged();
    /** The report is written (`ok`), or failed or was cancelled: `message` says which, for the user. */
    void finished(bool ok, bool cancelled, const QString &message, const QString &path);

private:
    ScenarioController *m_controller = nullptr;
    QThread *m_thread = nullptr;
    std::atomic_bool m_cancel {false};
    double m_progress = 0;
    QString m_step;
};

} // namespace techrace
