#include "workbench/uncertaintybands.h"

#include "backgroundwork.h"
#include "model/analysis.h"
#include "workbench/background.h"

#include <QFutureWatcher>
#include <QLoggingCategory>

namespace techrace {

Q_LOGGING_CATEGORY(lcBands, "techrace.workbench.bands", QtInfoMsg)

UncertaintyBands::UncertaintyBands(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setInterval(debounceMs);
    connect(&m_timer, &QTimer::timeout, this, &UncertaintyBands::start);
    m_busyTimer.setSingleShot(true);
    m_busyTimer.setInterval(busyDelayMs);
    connect(&m_busyTimer, &QTimer::timeout, this, [this] { setBusy(true); });
}

UncertaintyBands::~UncertaintyBands()
{
    cancelRunning();
    m_timer.stop();
    countPendingWork();
}

void UncertaintyBands::countPendingWork()
{
    if (pending() == m_countedAsWork)
        return;
    m_countedAsWork = pending();
    if (m_countedAsWork)
        BackgroundWork::instance().begin();
    else
        BackgroundWork::instance().end();
}

void UncertaintyBands::request(std::shared_ptr<const AppContext> context, const Scenario &scenario,
                               std::vector<int> series)
{
    ++m_generation;
    cancelRunning();
    const bool hadBand = hasBand();
    m_results = Results();
    m_context = std::move(context);
    m_scenario = scenario;
    m_series = std::move(series);
    if (hadBand)
        Q_EMIT changed();
    if (m_series.empty() || !m_context) {
        m_timer.stop();
        countPendingWork();
        Q_EMIT settled();
        return;
    }
    m_timer.start();
    countPendingWork();
}

void UncertaintyBands::cancelRunning()
{
    if (m_running.isValid())
        m_running.cancel(); // the worker stops at its next draw; its result is dropped by generation
    m_running = QFuture<Results>();
    m_busyTimer.stop();
    setBusy(false);
}

void UncertaintyBands::start()
{
    const int generation = m_generation;
    m_clock.start();
    m_running = runInBackground<Results>(
        [context = m_context, scenario = m_scenario, series = m_series](QPromise<Results> &promise) {
            auto results = Uncertainty::run(context->modelEngine(), scenario, draws, scenario.seed, 0, series,
                                            [&promise] { return promise.isCanceled(); });
            if (results)
                promise.addResult(std::move(results.value()));
        });
    m_busyTimer.start();
    auto *watcher = new QFutureWatcher<Results>(this);
    connect(watcher, &QFutureWatcher<Results>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation)
            return; // a newer scenario is on its way: never show a stale band
        const QFuture<Results> future = watcher->future();
        m_running = QFuture<Results>();
        m_busyTimer.stop();
        setBusy(false);
        m_lastComputeMs = static_cast<double>(m_clock.nsecsElapsed()) / 1e6;
        if (!future.isCanceled() && future.resultCount() > 0) {
            m_results = future.result();
            qCDebug(lcBands) << "band for" << m_series.size() << "series," << draws << "draws in" << m_lastComputeMs
                             << "ms";
            Q_EMIT changed();
        }
        countPendingWork();
        Q_EMIT settled();
    });
    watcher->setFuture(m_running);
}

void UncertaintyBands::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged();
}

} // namespace techrace
