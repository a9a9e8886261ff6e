#include "report/reportexporter.h"

#include "report/scenarioreport.h"
#include "workbench/scenariocontroller.h"

namespace techrace {

ReportExporter::ReportExporter(QObject *parent)
    : QObject(parent)
{ }

ReportExporter::~ReportExporter()
{
    if (m_thread) {
        m_cancel.store(true);
        m_thread->disconnect(this);
        m_thread->wait();
        delete m_thread;
    }
}

void ReportExporter::setScenarioController(ScenarioController *controller)
{
    if (controller == m_controller)
        return;
    m_controller = controller;
    Q_EMIT scenarioControllerChanged();
}

bool ReportExporter::start(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    if (!m_controller) {
        Q_EMIT finished(false, false, tr("No scenario to report on"), path);
        return false;
    }
    Scenario scenario = m_controller->scenario();
    if (scenario.name.isEmpty())
        scenario.name = m_controller->displayName();
    return start(m_controller->sharedContext(), std::move(scenario), path);
}

bool ReportExporter::start(std::shared_ptr<const AppContext> context, Scenario scenario, const QString &path)
{
    if (m_thread) {
        Q_EMIT finished(false, false, tr("A report is being written already"), path);
        return false;
    }
    struct Outcome
    {
        bool ok = false;
        bool cancelled = false;
        QString message;
    };
    auto outcome = std::make_shared<Outcome>();
    m_cancel.store(false);
    m_progress = 0;
    m_step.clear();
    m_thread = QThread::create([this, context = std::move(context), scenario = std::move(scenario), path, outcome]() {
        ScenarioReport report(context, scenario);
        report.setCancelFlag(&m_cancel);
        report.setProgressCallback([this](const ReportProgress &progress) {
            QMetaObject::invokeMethod(
                this,
                [this, fraction = progress.fraction(), step = progress.step]() {
                    m_progress = fraction;
                    m_step = step;
                    Q_EMIT progressChanged();
                },
                Qt::QueuedConnection);
        });
        const Status written = report.write(path);
        outcome->ok = written.ok();
        outcome->cancelled = report.wasCancelled();
        outcome->message = written.ok() ? tr("Wrote %1").arg(path) : written.message();
    });
    connect(m_thread, &QThread::finished, this, [this, outcome, path]() {
        m_thread->deleteLater();
        m_thread = nullptr;
        m_progress = outcome->ok ? 1 : 0;
        m_step.clear();
        Q_EMIT progressChanged();
        Q_EMIT runningChanged();
        Q_EMIT finished(outcome->ok, outcome->cancelled, outcome->message, path);
    });
    m_thread->start();
    Q_EMIT progressChanged();
    Q_EMIT runningChanged();
    return true;
}

void ReportExporter::cancel()
{
    m_cancel.store(true);
}

} // namespace techrace
