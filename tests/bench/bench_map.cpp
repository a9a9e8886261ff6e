// Prints how long the map takes to repaint on a year change and on a lever change (median and p95, ms), at the
// sizes the window and the exports use. A benchmark, not a test: it asserts nothing about time.
//   build/dev/tests/bench_map [iterations]
#include "appcontext.h"
#include "fundingcontroller.h"
#include "geo/worldshapes.h"
#include "map/mapcontroller.h"
#include "map/mapsources.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QPainter>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace techrace;

namespace {

struct Figures
{
    double median = 0;
    double p95 = 0;
};

Figures summarise(std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

/** One repaint as WorldMap::paint does it: build the frame, paint it into the item's backing image. */
double repaint(MapController &map, const MapRequest &request, QImage &image)
{
    QElapsedTimer timer;
    timer.start();
    const auto frame = map.frame(request);
    QPainter painter(&image);
    map.painter().paint(painter, QRectF(image.rect()), frame.value());
    painter.end();
    return double(timer.nsecsElapsed()) / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int iterations = argc > 1 ? std::max(10, QString::fromLocal8Bit(argv[1]).toInt()) : 200;
    QTextStream out(stdout);

    auto context = AppContext::open();
    if (!context) {
        out << context.message() << Qt::endl;
        return 1;
    }
    FundingController funding(context.value());
    MapController map(context.value());
    addFundingSeries(map, funding);

    const geo::WorldShapes &shapes = geo::WorldShapes::embedded();
    QFile data(QString::fromLatin1(geo::WorldShapes::embeddedShapes));
    out << "map data: " << shapes.shapes().size() << " shapes, " << shapes.pointCount() << " ring points, "
        << data.size() << " bytes (" << geo::WorldShapes::embeddedShapes << ")\n";
    QElapsedTimer load;
    load.start();
    const auto reloaded = geo::WorldShapes::load();
    out << "load + decode: " << double(load.nsecsElapsed()) / 1e6 << " ms" << (reloaded ? "" : " (failed)") << "\n";
    out << "iterations per figure: " << iterations << "\n\n";

    for (const QSize size : {QSize(712, 450), QSize(1280, 720), QSize(1600, 900)}) {
        QImage image(size, QImage::Format_ARGB32_Premultiplied);
        MapRequest request;
        request.metricId = QStringLiteral("funding.cumulative_state");
        request.mode = MapMode::Scenario;
        request.year = 2026;
        repaint(map, request, image); // first paint projects the shapes for this size

        std::vector<double> yearChange;
        for (int i = 0; i < iterations; ++i) {
            request.year = FundingModel::firstYear + i % (FundingModel::lastYear - FundingModel::firstYear + 1);
            yearChange.push_back(repaint(map, request, image));
        }
        std::vector<double> leverChange;
        request.year = 2030;
        request.mode = MapMode::Difference;
        for (int i = 0; i < iterations; ++i) {
            QElapsedTimer timer;
            timer.start();
            funding.setScale(0.5 + (i % 50) * 0.05); // recompute the model, as a slider drag does
            const double model = double(timer.nsecsElapsed()) / 1e6;
            leverChange.push_back(model + repaint(map, request, image));
        }
        const Figures year = summarise(yearChange);
        const Figures lever = summarise(leverChange);
        out << size.width() << "x" << size.height() << "  year change: median " << Qt::fixed
            << qSetRealNumberPrecision(2) << year.median << " ms, p95 " << year.p95
            << " ms;  lever change (model + repaint, difference mode): median " << lever.median << " ms, p95 "
            << lever.p95 << " ms\n";
        funding.setScale(1.0);
    }
    out.flush();
    return 0;
}
