#pragma once

#include "appcontext.h"
#include "model/results.h"
#include "model/scenario.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QTimer>

#include <memory>
#include <vector>

namespace techrace {

/**
 * p10–p90 bands for a few series, computed off the GUI thread once the scenario stops changing.
 *
 * request() drops the band on show (it belongs to the previous scenario), cancels a computation still running
 * and waits `debounceMs` for the next change; only then it runs a seeded Latin hypercube (Uncertainty::run) for
 * the requested series on the thread pool. Every request bumps a generation and a result is accepted only for the
 * latest one, so a late result never overwrites a newer scenario. `busy` turns on only when a computation has run
 * longer than `busyDelayMs`, so quick ones never flash a progress indication. While a band is pending it counts as
 * the window's background work, which --screenshot and --self-test wait for.
 */
class UncertaintyBands : public QObject
{
    Q_OBJECT

public:
    /**
     * 300 draws: China's p10/p90 stay within about 1 percentage point of a 2,000-draw run (any line within 4% of its
     * value) and the three lines the Charts page opens on take 50-70 ms on two busy cores (tests/bench/bench_bands,
     * docs/WORKBENCH.md), under the 150 ms after which a progress indication shows.
     */
    static constexpr int draws = 300;
    static constexpr int debounceMs = 300;
    static constexpr int busyDelayMs = 150;

    explicit UncertaintyBands(QObject *parent = nullptr);
    ~UncertaintyBands() override;

    /** The band for `series` of this scenario, after the debounce. An empty `series` just drops the band. */
    void request(std::shared_ptr<const AppContext> context, const Scenario &scenario, std::vector<int> series);

    /** Valid (with quantiles for the requested series) only while it belongs to the latest request. */
    [[nodiscard]] const Results &results() const { return m_results; }
    [[nodiscard]] bool hasBand() const { return m_results.isValid() && m_results.hasUncertainty(); }
    /** A request is waiting for its debounce or its computation. */
    [[nodiscard]] bool pending() const { return m_timer.isActive() || m_running.isValid(); }
    /** A computation has been running for longer than a blink. */
    [[nodiscard]] bool busy() const { return m_busy; }
    /** Wall time of the last accepted computation, milliseconds (the debounce not included). */
    [[nodiscard]] double lastComputeMs() const { return m_lastComputeMs; }
    [[nodiscard]] int generation() const { return m_generation; }

Q_SIGNALS:
    /** The band appeared or was dropped. */
    void changed();
    void busyChanged();
    /** pending() turned false: the band of the latest request is in (or failed). */
    void settled();

private:
    void start();
    void cancelRunning();
    void setBusy(bool busy);
    /** Counts a pending band as the window's background work (BackgroundWork), so a screenshot waits for it. */
    void countPendingWork();

    QTimer m_timer;
    QTimer m_busyTimer;
    std::shared_ptr<const AppContext> m_context;
    Scenario m_scenario;
    std::vector<int> m_series;
    int m_generation = 0;
    QFuture<Results> m_running;
    QElapsedTimer m_clock;
    Results m_results;
    bool m_busy = false;
    bool m_countedAsWork = false;
    double m_lastComputeMs = 0;
};

} // namespace techrace
