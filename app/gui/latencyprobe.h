#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <vector>

class QQuickWindow;

namespace techrace {

class ScenarioController;

/**
 * `techrace --measure-latency N`: moves one lever N times in the real window and measures, for each move, the time
 * from the change (before the model runs) to the frameSwapped of the frame that shows it. Prints p50/p95.
 */
class LatencyProbe : public QObject
{
    Q_OBJECT

public:
    LatencyProbe(QQuickWindow *window, ScenarioController *controller, int count, QString leverId);

    /** Starts after the window's first frames have settled; emits finished(exitCode) when done. */
    void start();

Q_SIGNALS:
    void finished(int exitCode);

private:
    void step();
    void frameShown();
    void report();
    void printReport();

    QQuickWindow *m_window;
    ScenarioController *m_controller;
    int m_count;
    QString m_leverId;
    QElapsedTimer m_clock;
    qint64 m_changedAt = -1; // ns; -1 when no change awaits its frame
    qint64 m_lastMoveAt = 0; // ns
    int m_missed = 0;
    std::vector<double> m_frameMs;
    std::vector<double> m_modelMs;
    QString m_bandText;
};

} // namespace techrace
