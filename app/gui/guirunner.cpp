#include "gui/guirunner.h"

#include "appcontext.h"
#include "backgroundwork.h"
#include "cli/output.h"
#include "fundingcontroller.h"
#include "gui/latencyprobe.h"
#include "knowledgecontroller.h"
#include "map/mapcontroller.h"
#include "map/mapsources.h"
#include "workbench/scenariocontroller.h"

#include <QApplication>
#include <QImage>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickStyle>
#include <QQuickWindow>
#include <QSGRendererInterface>
#include <QTimer>
#include <QXYSeries>

#include <functional>

namespace techrace {

namespace {

constexpr auto mainQml = "qrc:/TechRace/Ui/Main.qml";
constexpr int renderTimeoutMs = 20000;
// After the last background result is in: a chart redraws its scene image on the next event-loop turns.
constexpr int sceneSettleMs = 100;

using cli::err;
using cli::out;

/** Finds an item by objectName in the visual tree (loaded pages are not QObject children of the window). */
QQuickItem *findItem(QQuickItem *root, const QString &objectName)
{
    if (!root || root->objectName() == objectName)
        return root;
    const auto children = root->childItems();
    for (QQuickItem *child : children) {
        if (QQuickItem *found = findItem(child, objectName))
            return found;
    }
    return nullptr;
}

/** What the self-test checks: the window is up and the chart holds data. Empty list means healthy. */
QStringList inspectWindow(QQuickWindow *window)
{
    QStringList problems;
    auto *chart = findItem(window->contentItem(), QStringLiteral("fundingChart"));
    if (!chart) {
        problems.append(QStringLiteral("the funding chart is missing"));
        return problems;
    }
    // ChartView keeps its series in the scene, not as QObject children: ask it through its QML API.
    const int seriesCount = chart->property("count").toInt();
    int points = 0;
    for (int i = 0; i < seriesCount; ++i) {
        QAbstractSeries *series = nullptr;
        QMetaObject::invokeMethod(chart, "series", Q_RETURN_ARG(QAbstractSeries *, series), Q_ARG(int, i));
        if (auto *xy = qobject_cast<QXYSeries *>(series))
            points += static_cast<int>(xy->count());
    }
    if (seriesCount < 2)
        problems.append(
            QStringLiteral("the chart has %1 series, expected a baseline and a scenario per region").arg(seriesCount));
    if (points == 0)
        problems.append(QStringLiteral("the chart's series hold no points"));
    if (!findItem(window->contentItem(), QStringLiteral("leverSlider")))
        problems.append(QStringLiteral("the lever slider is missing"));
    return problems;
}

/**
 * Runs `task` from the event loop once no view computes in the background (a page's analysis, a chart's uncertainty
 * band), after the frame that shows the finished result, so a screenshot never catches a busy indicator.
 */
void afterBackgroundWork(QQuickWindow *window, const std::function<void()> &task)
{
    if (!BackgroundWork::instance().busy()) {
        QTimer::singleShot(0, window, task);
        return;
    }
    QObject::connect(
        &BackgroundWork::instance(), &BackgroundWork::idle, window,
        [window, task]() {
            QObject::connect(
                window, &QQuickWindow::frameSwapped, window,
                [window, task]() { QTimer::singleShot(sceneSettleMs, window, task); }, Qt::SingleShotConnection);
            window->update();
        },
        Qt::SingleShotConnection);
}

/** Drives the real window offscreen on the Charts page (unless --page says otherwise) and prints the latency. */
int measureLatency(QQuickWindow *window, ScenarioController *scenario, const GuiOptions &options)
{
    if (options.page.isEmpty())
        QMetaObject::invokeMethod(window, "showPage", Q_ARG(QString, QStringLiteral("Charts")));
    window->resize(options.size);
    LatencyProbe probe(window, scenario, options.measureLatency, QStringLiteral("subsidy.cn_big_fund_3"));
    int exitCode = 1;
    QObject::connect(&probe, &LatencyProbe::finished, window, [&exitCode](int code) {
        exitCode = code;
        QCoreApplication::exit(code);
    });
    QObject::connect(
        window, &QQuickWindow::frameSwapped, window,
        [&probe]() {
            out() << "start-up: first frame " << processClock().elapsed() << " ms after start" << Qt::endl;
            probe.start();
        },
        Qt::SingleShotConnection);
    window->show();
    QApplication::exec();
    return exitCode;
}

} // namespace

QElapsedTimer &processClock()
{
    static QElapsedTimer clock;
    return clock;
}

int runGui(QApplication &app, const GuiOptions &options)
{
    const bool renderOnce = options.selfTest || !options.screenshotPath.isEmpty();
    // Qt's default QPlatformWindow::requestUpdate() (offscreen, and xcb without vsync-driven frames) waits 5 ms to
    // coalesce updates before it renders; under load that timer fires later still. A lever move already coalesces
    // (one model run, one chart refill), so render on the next pass of the event loop instead. Read once, at the
    // first update request.
    if (!qEnvironmentVariableIsSet("QT_QPA_UPDATE_IDLE_TIME"))
        qputenv("QT_QPA_UPDATE_IDLE_TIME", "0");
    if (QGuiApplication::platformName() == QLatin1String("offscreen"))
        QQuickWindow::setGraphicsApi(QSGRendererInterface::Software);
    QQuickStyle::setStyle(QStringLiteral("Fusion"));

    auto context = AppContext::open(options.kbPath, options.userDbPath);
    if (!context) {
        err() << "techrace: " << context.message() << Qt::endl;
        return 1;
    }
    if (const QString notice = context.value()->knowledgeBase().userDatabase().notice; !notice.isEmpty())
        err() << "techrace: " << notice << Qt::endl;
    FundingController funding(context.value());
    FundingController::setInstance(&funding);
    // Only the interactive window keeps a session (autosave, crash recovery, recent files) on disk.
    const bool interactive = !renderOnce && options.measureLatency == 0;
    ScenarioController scenario(context.value(),
                                interactive ? ScenarioController::Session::Persistent
                                            : ScenarioController::Session::Ephemeral);
    ScenarioController::setInstance(&scenario);
    funding.followScenario(&scenario); // one set of levers: the Overview's chart follows the workbench
    KnowledgeController knowledge(context.value());
    KnowledgeController::setInstance(&knowledge);
    MapController map(context.value());
    // The map's model series follow the workbench: its baseline and the scenario being edited. They come first, so
    // the map opens on the model's self-sufficiency, which the levers panel beside it moves.
    addModelSeries(map, *context.value(), [&scenario](SeriesRun run) -> const Results & {
        return run == SeriesRun::Baseline ? scenario.baselineResults() : scenario.scenarioResults();
    });
    QObject::connect(&scenario, &ScenarioController::resultsChanged, &map, &MapController::invalidate);
    addFundingSeries(map, funding);
    MapController::setInstance(&map);

    QQmlApplicationEngine engine;
    engine.addImportPath(QStringLiteral("qrc:/"));
    QStringList qmlWarnings;
    QObject::connect(&engine, &QQmlApplicationEngine::warnings, &engine, [&qmlWarnings](const QList<QQmlError> &list) {
        for (const QQmlError &e : list)
            qmlWarnings.append(e.toString());
    });
    engine.load(QUrl(QString::fromLatin1(mainQml)));
    auto *window =
        engine.rootObjects().isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(engine.rootObjects().first());
    if (!window) {
        err() << "techrace: the interface failed to load\n" << qmlWarnings.join(u'\n') << Qt::endl;
        return 1;
    }
    if (!options.page.isEmpty()) {
        bool shown = false;
        QMetaObject::invokeMethod(window, "showPage", Q_RETURN_ARG(bool, shown), Q_ARG(QString, options.page));
        if (!shown) {
            err() << "techrace: there is no page titled \"" << options.page
                  << "\"; pages: " << window->property("pageTitles").toStringList().join(QStringLiteral(", "))
                  << Qt::endl;
            return 2;
        }
    }
    if (options.measureLatency > 0)
        return measureLatency(window, &scenario, options);
    if (!renderOnce)
        return QApplication::exec();

    window->resize(options.size);
    int exitCode = 1;
    qint64 firstFrameMs = 0;
    const std::function<void()> finish = [&]() {
        exitCode = 0;
        if (!options.screenshotPath.isEmpty()) {
            const QImage image = window->grabWindow();
            if (image.isNull() || !image.save(options.screenshotPath, "PNG")) {
                err() << "techrace: cannot write screenshot " << options.screenshotPath << Qt::endl;
                exitCode = 1;
            } else {
                out() << "Wrote " << options.screenshotPath << " (" << image.width() << 'x' << image.height() << ")"
                      << Qt::endl;
            }
        }
        if (options.selfTest) {
            // The chart lives on the first page; another page (--page) is checked by its QML warnings alone.
            const bool onFirstPage =
                window->property("pageTitles").toStringList().value(0).compare(options.page, Qt::CaseInsensitive) ==
                    0 ||
                options.page.isEmpty();
            QStringList problems = onFirstPage ? inspectWindow(window) : QStringList();
            problems += qmlWarnings;
            for (const QString &p : std::as_const(problems))
                err() << "self-test: " << p << '\n';
            if (problems.isEmpty())
                out() << "self-test: OK; first frame " << firstFrameMs << " ms after start" << Qt::endl;
            else
                exitCode = 1;
        }
        QCoreApplication::exit(exitCode);
    };
    QObject::connect(
        window, &QQuickWindow::frameSwapped, &app,
        [&]() {
            firstFrameMs = processClock().elapsed();
            // Charts fill their series on completion; inspect after the event loop has delivered that frame and
            // after any background work the page started (an analysis, the charts' uncertainty bands after their
            // debounce) has been drawn.
            afterBackgroundWork(window, finish);
        },
        Qt::SingleShotConnection);
    QTimer::singleShot(renderTimeoutMs, &app, []() {
        err() << "techrace: no frame was rendered within " << renderTimeoutMs / 1000 << " s" << Qt::endl;
        QCoreApplication::exit(1);
    });
    window->show();
    QApplication::exec();
    return exitCode;
}

} // namespace techrace
