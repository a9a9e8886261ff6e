// Prints how fast the Sensitivity and Calibration pages answer: the worker's time for a tornado plus both waterfalls,
// the time from a lever change to the page's new result (event loop included), and building the calibration report.
// Not a test (no pass/fail on time); run `build/dev/tests/bench_analysis [changes]`.
#include "appcontext.h"
#include "workbench/calibrationmodel.h"
#include "workbench/scenariocontroller.h"
#include "workbench/sensitivitycontroller.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>

#include <algorithm>

using namespace techrace;

namespace {

double quantile(std::vector<double> values, double q)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[std::min(values.size() - 1, static_cast<std::size_t>(q * values.size()))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const int changes = argc > 1 ? std::max(1, QString::fromLocal8Bit(argv[1]).toInt()) : 40;
    auto context = AppContext::open();
    if (!context) {
        out << "cannot open the knowledge base: " << context.message() << Qt::endl;
        return 1;
    }
    ScenarioController controller(context.value());

    QElapsedTimer timer;
    timer.start();
    CalibrationModel calibration;
    calibration.setController(&controller);
    const double calibrationMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;

    SensitivityController analysis;
    QEventLoop loop;
    QObject::connect(&analysis, &SensitivityController::resultsChanged, &loop, &QEventLoop::quit);
    analysis.setController(&controller);
    loop.exec(); // the first analysis, not timed

    std::vector<double> worker;
    std::vector<double> endToEnd;
    for (int i = 0; i < changes; ++i) {
        timer.restart();
        controller.setLever(QStringLiteral("subsidy.cn_big_fund_3"), 3.0 * (i % 7) / 6.0);
        loop.exec();
        endToEnd.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        worker.push_back(analysis.lastComputeMs());
    }
    out << "calibration report (baseline run + KB query + model rows): " << calibrationMs << " ms, "
        << calibration.rowCount() << " points\n"
        << "sensitivity, " << changes << " lever changes, one at a time (" << analysis.tornadoBars().size()
        << " tornado bars = " << 2 * analysis.tornadoBars().size() << " runs, plus both waterfalls):\n"
        << "  worker thread:        p50 " << quantile(worker, 0.5) << " ms, p95 " << quantile(worker, 0.95) << " ms\n"
        << "  change -> new result: p50 " << quantile(endToEnd, 0.5) << " ms, p95 " << quantile(endToEnd, 0.95)
        << " ms (GUI thread free meanwhile)" << Qt::endl;
    return 0;
}
