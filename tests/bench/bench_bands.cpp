// Prints what the Charts page's p10–p90 band costs and how far it moves with the draw count, to choose
// UncertaintyBands::draws: wall time of Uncertainty::run for the three lines the Charts page opens on (CN, US, TW
// self-sufficiency) at several draw counts, and the largest gap of their p10/p90 from a 2,000-draw reference.
// Not a test (no pass/fail on time); run `build/dev/tests/bench_bands`.
#include "appcontext.h"
#include "model/analysis.h"
#include "workbench/uncertaintybands.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <cmath>

using namespace techrace;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    auto context = AppContext::open();
    if (!context) {
        out << "cannot open the knowledge base: " << context.message() << Qt::endl;
        return 1;
    }
    const ModelEngine &engine = context.value()->modelEngine();
    const Scenario scenario;
    std::vector<int> series;
    for (const char *region : {"CN", "US", "TW"})
        series.push_back(engine.layout()->find(Metric::SelfSufficiency,
                                               static_cast<int>(engine.regions().indexOf(QLatin1String(region)))));
    const auto reference = Uncertainty::run(engine, scenario, Uncertainty::maxDraws, scenario.seed, 0, series).value();
    out << "band for CN, US, TW self-sufficiency; the GUI uses " << UncertaintyBands::draws << " draws\n"
        << "draws  wall (median of 7, all threads)   largest |p10 or p90 - the 2,000-draw one| over 2015-2040\n";
    for (int draws : {100, 200, 300, 400, 500, 1000}) {
        std::vector<double> walls;
        Results results;
        for (int i = 0; i < 7; ++i) {
            QElapsedTimer timer;
            timer.start();
            results = Uncertainty::run(engine, scenario, draws, scenario.seed, 0, series).value();
            walls.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        }
        std::sort(walls.begin(), walls.end());
        double cnGap = 0; // percentage points on China's line
        double relativeGap = 0; // of the reference value, any line (Taiwan's runs to several hundred percent)
        for (int s : series) {
            for (int q : {0, 2}) {
                for (int y = 0; y < results.layout().yearCount(); ++y) {
                    const double gap = std::abs(results.quantile(q, s)[y] - reference.quantile(q, s)[y]);
                    if (s == series.front())
                        cnGap = std::max(cnGap, gap * 100);
                    if (reference.quantile(q, s)[y] != 0)
                        relativeGap = std::max(relativeGap, gap / std::abs(reference.quantile(q, s)[y]));
                }
            }
        }
        out << qSetFieldWidth(5) << draws << qSetFieldWidth(0) << "  " << QString::number(walls[3], 'f', 1)
            << " ms   CN " << QString::number(cnGap, 'f', 2) << " pp   any line "
            << QString::number(relativeGap * 100, 'f', 1) << "% of the value\n";
    }
    out.flush();
    return 0;
}
