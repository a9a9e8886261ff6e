#include "gui/latencyprobe.h"

#include "cli/output.h"
#include "workbench/chartdata.h"
#include "workbench/scenariocontroller.h"

#include <QGuiApplication>
#include <QQuickItem>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace techrace {

namespace {
constexpr int settleMs = 500; // charts build their series after the first frame
constexpr int frameTimeoutMs = 1000; // a change that shows no frame within this counts as missed
constexpr int positions = 10; // the lever sweeps its range in this many steps, back and forth

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return std::nan("");
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}
} // namespace

LatencyProbe::LatencyProbe(QQuickWindow *window, ScenarioController *controller, int count, QString leverId)
    : m_window(window)
    , m_controller(controller)
    , m_count(count)
    , m_leverId(std::move(leverId))
{
    connect(window, &QQuickWindow::frameSwapped, this, &LatencyProbe::frameShown);
}

void LatencyProbe::start()
{
    m_clock.start();
    QTimer::singleShot(settleMs, this, &LatencyProbe::step);
}

void LatencyProbe::step()
{
    const int done = static_cast<int>(m_frameMs.size()) + m_missed;
    if (done >= m_count) {
        report();
        return;
    }
    const Lever *lever = m_controller->engine().levers().find(m_leverId);
    // Triangle sweep over the range, never landing on the current value, so every step changes the charts.
    const int phase = (done + 1) % (2 * positions);
    const double t = (phase <= positions ? phase : 2 * positions - phase) / static_cast<double>(positions);
    const double value = lever->min + t * (lever->max - lever->min);

    m_changedAt = m_clock.nsecsElapsed();
    m_lastMoveAt = m_changedAt;
    m_controller->dragLever(m_leverId, value);
    m_modelMs.push_back(static_cast<double>(m_clock.nsecsElapsed() - m_changedAt) / 1e6);
    const int expected = done;
    QTimer::singleShot(frameTimeoutMs, this, [this, expected]() {
        if (m_changedAt >= 0 && static_cast<int>(m_frameMs.size()) + m_missed == expected) {
            ++m_missed;
            m_changedAt = -1;
            step();
        }
    });
}

void LatencyProbe::frameShown()
{
    if (m_changedAt < 0)
        return;
    m_frameMs.push_back(static_cast<double>(m_clock.nsecsElapsed() - m_changedAt) / 1e6);
    m_changedAt = -1;
    QTimer::singleShot(0, this, &LatencyProbe::step);
}

namespace {
/** The chart on the page, if any: its band is timed once the sweep ends. */
ChartData *shownChartData(QQuickItem *item)
{
    if (!item)
        return nullptr;
    if (item->objectName() == QLatin1String("scenarioChart"))
        return item->property("chartData").value<ChartData *>();
    const auto children = item->childItems();
    for (QQuickItem *child : children) {
        if (ChartData *found = shownChartData(child))
            return found;
    }
    return nullptr;
}
} // namespace

void LatencyProbe::report()
{
    m_controller->finishDrag();
    // The sweep's last move leaves the band to compute once the lever rests: wait for it and report its time.
    ChartData *chart = shownChartData(m_window->contentItem());
    if (chart && chart->bandPending()) {
        connect(
            chart, &ChartData::bandSettled, this,
            [this, chart] {
                m_bandText =
                    QStringLiteral("  uncertainty band after the lever rests: %1 draws for %2 lines, %3 ms computing, "
                                   "%4 ms from the last move to the band (debounce %5 ms)")
                        .arg(UncertaintyBands::draws)
                        .arg(chart->lineCount())
                        .arg(chart->bands().lastComputeMs(), 0, 'f', 1)
                        .arg(static_cast<double>(m_clock.nsecsElapsed() - m_lastMoveAt) / 1e6, 0, 'f', 1)
                        .arg(UncertaintyBands::debounceMs);
                printReport();
            },
            Qt::SingleShotConnection);
        return;
    }
    printReport();
}

void LatencyProbe::printReport()
{
    const auto backend = m_window->rendererInterface()->graphicsApi() == QSGRendererInterface::Software
        ? QStringLiteral("software")
        : QStringLiteral("hardware");
    cli::out() << QStringLiteral("latency: lever %1 moved %2 times, window %3x%4, platform %5, %6 renderer")
                      .arg(m_leverId)
                      .arg(m_count)
                      .arg(m_window->width())
                      .arg(m_window->height())
                      .arg(QGuiApplication::platformName(), backend)
               << '\n'
               << QStringLiteral("  change to frame: p50 %1 ms, p95 %2 ms, max %3 ms (%4 frames, %5 missed)")
                      .arg(percentile(m_frameMs, 0.5), 0, 'f', 2)
                      .arg(percentile(m_frameMs, 0.95), 0, 'f', 2)
                      .arg(percentile(m_frameMs, 1.0), 0, 'f', 2)
                      .arg(m_frameMs.size())
                      .arg(m_missed)
               << '\n'
               << QStringLiteral("  synchronous part (model run + views updated): p50 %1 ms, p95 %2 ms")
                      .arg(percentile(m_modelMs, 0.5), 0, 'f', 3)
                      .arg(percentile(m_modelMs, 0.95), 0, 'f', 3)
               << Qt::endl;
    if (!m_bandText.isEmpty())
        cli::out() << m_bandText << Qt::endl;
    Q_EMIT finished(m_missed == 0 ? 0 : 1);
}

} // namespace techrace
