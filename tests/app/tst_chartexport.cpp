// Chart exports: the figure the Charts page and the command line share, the pictures (PNG 1x/2x, SVG, PDF) and the
// data (CSV + metadata) it becomes, the same bytes from the window's exporter and from `techrace export`, and what
// a user sees when a file cannot be written.
#include "appcontext.h"
#include "chart/chartexporter.h"
#include "chart/chartfigure.h"
#include "chart/chartpainter.h"
#include "export/exportfile.h"
#include "fundingcontroller.h"
#include "map/mapcontroller.h"
#include "map/mapexporter.h"
#include "map/mapsources.h"
#include "map/worldmapitem.h"
#include "workbench/chartdata.h"
#include "workbench/scenariocontroller.h"

#include <poppler-qt6.h>

#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QProcess>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <grp.h>
#include <sys/resource.h>

#include <csignal>
#include <unistd.h>

using namespace techrace;

class TestChartExport : public QObject
{
    Q_OBJECT

private:
    static constexpr uid_t nobody = 65534;

    std::shared_ptr<const AppContext> m_context;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /**
     * The real binary, as scripts run it. `maxFileBytes` > 0 limits the size of any file it writes (RLIMIT_FSIZE);
     * `asNobody` runs it as user nobody (for tests run as root, which may write anywhere).
     */
    static Run techrace(const QStringList &args, qint64 maxFileBytes = 0, bool asNobody = false)
    {
        static QTemporaryDir dataHome;
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome.path());
        process.setProcessEnvironment(environment);
        process.setChildProcessModifier([maxFileBytes, asNobody] {
            if (maxFileBytes > 0) {
                // A write past the limit then fails with EFBIG, as a full disk fails with ENOSPC.
                ::signal(SIGXFSZ, SIG_IGN);
                const rlimit limit {static_cast<rlim_t>(maxFileBytes), static_cast<rlim_t>(maxFileBytes)};
                ::setrlimit(RLIMIT_FSIZE, &limit);
            }
            if (asNobody && (::setgroups(0, nullptr) != 0 || ::setgid(nobody) != 0 || ::setuid(nobody) != 0))
                ::_exit(99);
        });
        process.start(QStringLiteral(TECHRACE_BINARY), QStringList {QStringLiteral("--no-user-db")} + args);
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    [[nodiscard]] ChartFigure figureFor(const ChartRequest &request, const QString &preset = {}) const
    {
        const ModelEngine &engine = m_context->modelEngine();
        Scenario scenario;
        if (!preset.isEmpty())
            scenario = Scenario::preset(preset, engine.levers()).value();
        auto figure = buildChartFigure(*m_context, request, engine.baseline(), engine.run(scenario), scenario);
        if (!figure)
            qFatal("%s", qPrintable(figure.message()));
        return figure.value();
    }

    static QByteArray readAll(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    /** True when this process cannot write into a folder with mode 0555 (false as root, which ignores modes). */
    static bool readOnlyFoldersHold(const QString &dir)
    {
        const QString probe = QDir(dir).filePath(QStringLiteral("probe"));
        QFile file(probe);
        const bool written = file.open(QIODevice::WriteOnly);
        file.close();
        QFile::remove(probe);
        return !written;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TechRaceTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_chartexport"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TECHRACE_VERSION));
        auto context = AppContext::open();
        QVERIFY2(context.ok(), qPrintable(context.message()));
        m_context = context.value();
    }

    void figureHasWhatTheChartShows()
    {
        const ChartFigure figure = figureFor({"self_sufficiency", {"CN", "US"}, {}, {}}, "big_fund_3_doubled");
        QCOMPARE(figure.title, QStringLiteral("Self-sufficiency"));
        QCOMPARE(figure.unit, QStringLiteral("%"));
        QCOMPARE(figure.lines.size(), 2);
        QCOMPARE(figure.lines.at(0).name, QStringLiteral("China"));
        QCOMPARE(figure.lines.at(0).baseline.size(), ModelEngine::lastYear - ModelEngine::firstYear + 1);
        QVERIFY(figure.lines.at(0).baseline != figure.lines.at(0).scenario); // the preset moves China's line
        QVERIFY(figure.subtitle.contains(figure.scenarioName));
        QVERIFY(!figure.targets.isEmpty()); // Made in China 2025 and friends
        QVERIFY(!figure.sources.isEmpty());
        for (const ChartSource &source : figure.sources)
            QVERIFY2(!source.title.isEmpty() && !source.publisher.isEmpty(), qPrintable(source.id));
        QVERIFY(figure.sourceLine.startsWith(QStringLiteral("Sources: ")));
        QVERIFY(figure.modelVersion.startsWith(QStringLiteral("TechRace ")));
        QVERIFY(figure.kbVersion.contains(QStringLiteral("sha256 ")));
        QVERIFY(!figure.hasBand());
    }

    void chartDataShowsTheFigureLines()
    {
        ScenarioController controller(m_context);
        QVERIFY(controller.loadPreset(QStringLiteral("big_fund_3_doubled")));
        ChartData data;
        data.setController(&controller);
        data.setMetric(QStringLiteral("capacity_share"));
        data.setSegment(QStringLiteral("leading_logic"));
        data.setRegions({"TW", "US", "XX", "WORLD"});
        const ChartFigure figure =
            figureFor({"capacity_share", {"TW", "US", "WORLD"}, "leading_logic", {}}, "big_fund_3_doubled");
        QCOMPARE(data.lineCount(), figure.lines.size());
        for (int i = 0; i < data.lineCount(); ++i) {
            QCOMPARE(data.lineRegion(i), figure.lines.at(i).regionId);
            QCOMPARE(data.points(i, true), figure.lines.at(i).baseline);
            QCOMPARE(data.points(i, false), figure.lines.at(i).scenario);
        }
    }

    void companyLineSitsUnderItsHomeRegion()
    {
        const ModelEngine &engine = m_context->modelEngine();
        for (const SeriesKey &key : engine.layout()->keys()) {
            if (key.company < 0 || key.segment < 0)
                continue;
            const QString company = engine.companies().value(key.company);
            const QString segment = engine.segments().value(key.segment);
            const ChartFigure figure = figureFor({metricId(key.metric), {"WORLD"}, segment, company});
            QCOMPARE(figure.lines.size(), 1);
            QCOMPARE(figure.lines.first().regionId, engine.regions().value(key.region));
            QVERIFY(figure.title.endsWith(figure.lines.first().name));
            return;
        }
        QFAIL("the model has no company series: the Charts page and `export --company` need them");
    }

    void unknownChoicesAreNamed_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QStringList>("regions");
        QTest::addColumn<QString>("segment");
        QTest::addColumn<QString>("company");
        QTest::addColumn<QString>("message");
        QTest::newRow("metric") << "nope" << QStringList {"CN"} << ""
                                << ""
                                << "unknown metric \"nope\" (known: capacity,";
        QTest::newRow("region") << "capacity" << QStringList {"CN", "XX"} << ""
                                << ""
                                << "unknown region \"XX\" (known: ";
        QTest::newRow("segment") << "capacity" << QStringList {"CN"} << "chips"
                                 << ""
                                 << "unknown segment \"chips\" (known: ";
        QTest::newRow("company") << "market_share" << QStringList {"CN"} << ""
                                 << "acme"
                                 << "unknown company \"acme\" (known: ";
        QTest::newRow("no region") << "capacity" << QStringList {} << ""
                                   << ""
                                   << "no region chosen";
        QTest::newRow("no such series") << "state_funding" << QStringList {"CN"} << "dram"
                                        << ""
                                        << "the model has no state_funding series for region CN, segment dram";
        QTest::newRow("no series for any region") << "self_sufficiency" << QStringList {"WORLD"} << ""
                                                  << ""
                                                  << "the model has no self_sufficiency series for region WORLD";
    }

    void unknownChoicesAreNamed()
    {
        QFETCH(QString, metric);
        QFETCH(QStringList, regions);
        QFETCH(QString, segment);
        QFETCH(QString, company);
        QFETCH(QString, message);
        const ModelEngine &engine = m_context->modelEngine();
        const auto figure = buildChartFigure(*m_context, {metric, regions, segment, company}, engine.baseline(),
                                             engine.baseline(), Scenario());
        QVERIFY(!figure.ok());
        QVERIFY2(figure.message().contains(message), qPrintable(figure.message()));
    }

    void ticksAreRoundAndCoverTheRange_data()
    {
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::addColumn<QList<double>>("ticks");
        QTest::newRow("percent") << 0.0 << 87.0 << QList<double> {0, 20, 40, 60, 80, 100};
        QTest::newRow("negative") << -3.0 << 4.0 << QList<double> {-4, -2, 0, 2, 4};
        QTest::newRow("flat zero") << 0.0 << 0.0 << QList<double> {0, 0.2, 0.4, 0.6, 0.8, 1};
    }

    void ticksAreRoundAndCoverTheRange()
    {
        QFETCH(double, low);
        QFETCH(double, high);
        QFETCH(QList<double>, ticks);
        const QList<double> got = ChartPainter::ticks(low, high);
        QCOMPARE(got.size(), ticks.size());
        for (qsizetype i = 0; i < got.size(); ++i)
            QVERIFY2(qAbs(got.at(i) - ticks.at(i)) < 1e-9, qPrintable(QString::number(got.at(i))));
    }

    void picturesHoldTheChart_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<double>("scale");
        QTest::addColumn<QSize>("pixels");
        QTest::newRow("png 1x") << "png" << 1.0 << QSize(1200, 675);
        QTest::newRow("png 2x") << "png" << 2.0 << QSize(2400, 1350);
        QTest::newRow("svg") << "svg" << 1.0 << QSize(1200, 675);
        QTest::newRow("pdf") << "pdf" << 1.0 << QSize(1200, 675);
    }

    void picturesHoldTheChart()
    {
        QFETCH(QString, format);
        QFETCH(double, scale);
        QFETCH(QSize, pixels);
        ScenarioController controller(m_context);
        QVERIFY(controller.loadPreset(QStringLiteral("full_embargo")));
        ChartData data;
        data.setController(&controller);
        data.setMetric(QStringLiteral("self_sufficiency"));
        data.setRegions({"CN", "US"});
        ChartExporter exporter;
        exporter.setChartData(&data);
        QSignalSpy exported(&exporter, &ChartExporter::exported);
        QTemporaryDir dir;
        const QString path = dir.filePath("chart." + format);
        QVERIFY2(exporter.exportPicture(QUrl::fromLocalFile(path), format, scale), qPrintable(exporter.lastError()));
        QCOMPARE(exported.size(), 1);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {"chart." + format}); // no temporary left
        const QByteArray bytes = readAll(path);
        const ChartFigure figure = exporter.figure().value();
        if (format == "png") {
            const QImage image = QImage::fromData(bytes, "PNG");
            QCOMPARE(image.size(), pixels);
            // China's colour is on the picture (its lines), and so are many shades (text, axes, lines).
            QSet<QRgb> colours;
            bool china = false;
            for (int y = 0; y < image.height(); y += 3) {
                for (int x = 0; x < image.width(); x += 3) {
                    colours.insert(image.pixel(x, y));
                    china = china || image.pixelColor(x, y) == chartRegionColor(QStringLiteral("CN"));
                }
            }
            QVERIFY(china);
            QVERIFY2(colours.size() >= 20, qPrintable(QString::number(colours.size())));
        } else if (format == "svg") {
            QXmlStreamReader xml(bytes);
            QString title;
            QString texts;
            int paths = 0;
            while (!xml.atEnd()) {
                if (xml.readNext() != QXmlStreamReader::StartElement)
                    continue;
                if (xml.name() == u"title")
                    title = xml.readElementText();
                else if (xml.name() == u"text")
                    texts += xml.readElementText(QXmlStreamReader::IncludeChildElements) + u'\n';
                else if (xml.name() == u"path" || xml.name() == u"polyline")
                    ++paths;
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QCOMPARE(title, figure.title);
            for (const QString &expected : {figure.title, QStringLiteral("China"), QStringLiteral("United States"),
                                            QStringLiteral("baseline"), QStringLiteral("2030")})
                QVERIFY2(texts.contains(expected), qPrintable(expected + u'\n' + texts));
            QVERIFY2(paths >= 4, qPrintable(QString::number(paths))); // vectors: two lines per region at least
        } else {
            QVERIFY(bytes.startsWith("%PDF-"));
            QVERIFY(bytes.size() > 5000);
            const std::unique_ptr<Poppler::Document> pdf = Poppler::Document::loadFromData(bytes);
            QVERIFY(pdf && !pdf->isLocked());
            QCOMPARE(pdf->numPages(), 1);
            QCOMPARE(pdf->info(QStringLiteral("Title")), figure.title);
            const std::unique_ptr<Poppler::Page> page = pdf->page(0);
            QCOMPARE(page->pageSizeF(), QSizeF(1200, 675)); // points
            QString text = page->text(QRectF());
            text.replace(QChar(0xFB03), QStringLiteral("ffi")); // the "ffi" ligature the font draws
            for (const QString &expected : {figure.title, QStringLiteral("China"), QStringLiteral("United States"),
                                            QStringLiteral("Full"), QStringLiteral("2040")})
                QVERIFY2(text.contains(expected), qPrintable(expected + u'\n' + text));
        }
    }

    void mapExportsAt2x()
    {
        FundingController funding(m_context);
        MapController controller(m_context);
        addFundingSeries(controller, funding);
        MapController::setInstance(&controller);
        const auto unset = qScopeGuard([] { MapController::setInstance(nullptr); });
        WorldMap map;
        map.setMetric(QStringLiteral("funding.cumulative_state"));
        map.setYear(2030);
        MapExporter exporter;
        exporter.setMap(&map);
        QVERIFY(!exporter.hasData());
        QTemporaryDir dir;
        const QString png = dir.filePath(exporter.suggestedFileName("png"));
        QCOMPARE(QFileInfo(png).fileName(), QStringLiteral("funding.cumulative_state-2030-scenario.png"));
        QVERIFY2(exporter.exportPicture(QUrl::fromLocalFile(png), "png", 2), qPrintable(exporter.lastError()));
        QCOMPARE(QImage(png).size(), QSize(3200, 1800));
        const QString svg = dir.filePath("map.svg");
        QVERIFY2(exporter.exportPicture(QUrl::fromLocalFile(svg), "svg"), qPrintable(exporter.lastError()));
        QVERIFY(readAll(svg).contains("<title>Cumulative announced state funding, 2030"));
        QVERIFY(!exporter.exportData(QUrl::fromLocalFile(dir.filePath("map.csv"))));
        QCOMPARE(exporter.lastError(), QStringLiteral("This picture has no data export."));
    }

    void copyPutsA2xImageOnTheClipboard()
    {
        ScenarioController controller(m_context);
        ChartData data;
        data.setController(&controller);
        data.setRegions({"CN"});
        ChartExporter exporter;
        exporter.setChartData(&data);
        QVERIFY2(exporter.copyImage(), qPrintable(exporter.lastError()));
        const QImage image = QGuiApplication::clipboard()->image();
        if (image.isNull())
            QSKIP("this platform's clipboard keeps no image (offscreen)");
        QCOMPARE(image.size(), QSize(2400, 1350));
    }

    void dataIsTheSameFromTheWindowAndTheCommandLine_data()
    {
        QTest::addColumn<QString>("preset");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("regions");
        QTest::addColumn<QString>("segment");
        QTest::newRow("self-sufficiency, mandate") << "cn_domestic_mandate"
                                                   << "self_sufficiency"
                                                   << "CN,US"
                                                   << "";
        QTest::newRow("AI compute with the world, H200") << "h200_revenue_share"
                                                         << "ai_compute_h100e"
                                                         << "US,CN,WORLD"
                                                         << "";
        QTest::newRow("leading-logic share, embargo") << "full_embargo"
                                                      << "capacity_share"
                                                      << "CN,TW"
                                                      << "leading_logic";
        QTest::newRow("best node, baseline") << ""
                                             << "best_node_nm"
                                             << "CN,JP"
                                             << "";
    }

    void dataIsTheSameFromTheWindowAndTheCommandLine()
    {
        QFETCH(QString, preset);
        QFETCH(QString, metric);
        QFETCH(QString, regions);
        QFETCH(QString, segment);
        QTemporaryDir dir;

        ScenarioController controller(m_context);
        if (!preset.isEmpty())
            QVERIFY(controller.loadPreset(preset));
        ChartData data;
        data.setController(&controller);
        data.setMetric(metric);
        data.setSegment(segment);
        data.setRegions(regions.split(u','));
        ChartExporter exporter;
        exporter.setChartData(&data);
        const QString appCsv = dir.filePath("app.csv");
        QVERIFY2(exporter.exportData(QUrl::fromLocalFile(appCsv)), qPrintable(exporter.lastError()));

        const QString cliCsv = dir.filePath("cli.csv");
        QStringList args {"export", "data", "--metric", metric, "--region", regions, "--out", cliCsv};
        if (!preset.isEmpty())
            args << "--preset" << preset;
        if (!segment.isEmpty())
            args << "--segment" << segment;
        const Run run = techrace(args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains("Wrote " + cliCsv + " and " + dir.filePath("cli.metadata.json")),
                 qPrintable(run.out));

        const QByteArray csv = readAll(appCsv);
        QCOMPARE(csv, readAll(cliCsv));
        QCOMPARE(readAll(dir.filePath("app.metadata.json")), readAll(dir.filePath("cli.metadata.json")));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 (QStringList {"app.csv", "app.metadata.json", "cli.csv", "cli.metadata.json"}));

        const QList<QByteArray> lines = csv.trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("year,region,baseline,scenario"));
        QCOMPARE(lines.size(), 1 + regions.split(u',').size() * (ModelEngine::lastYear - ModelEngine::firstYear + 1));
        const QByteArray firstRow = "2015," + regions.split(u',').first().toUtf8() + ',';
        QVERIFY2(lines.at(1).startsWith(firstRow), lines.at(1).constData());

        const QJsonObject meta = QJsonDocument::fromJson(readAll(appCsv.chopped(4) + ".metadata.json")).object();
        QCOMPARE(meta.value("metric").toString(), metric);
        QCOMPARE(meta.value("scenario").toObject().value("name").toString(),
                 controller.scenario().name.isEmpty() ? QStringLiteral("Baseline") : controller.scenario().name);
        const QJsonArray levers = meta.value("scenario").toObject().value("levers").toArray();
        QCOMPARE(levers.size(), static_cast<qsizetype>(m_context->modelEngine().levers().levers().size()));
        int changed = 0;
        for (const QJsonValue &lever : levers) {
            QVERIFY(lever.toObject().contains("baseline"));
            changed += lever.toObject().value("changed").toBool() ? 1 : 0;
        }
        QCOMPARE(changed, controller.changedLeverCount());
        QVERIFY(meta.value("model").toString().startsWith("TechRace " TECHRACE_VERSION));
        QVERIFY(meta.value("knowledgeBase").toString().contains("sha256"));
        const QJsonArray sources = meta.value("sources").toArray();
        QVERIFY(!sources.isEmpty());
        for (const QJsonValue &source : sources)
            QVERIFY(!source.toObject().value("title").toString().isEmpty());
        QVERIFY(meta.value("citation").toString().contains(meta.value("title").toString()));
    }

    void bandIsExportedWithUncertainty()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath("band.csv");
        const Run run = techrace(
            {"export", "data", "--metric", "self_sufficiency", "--region", "CN", "--uncertainty", "50", "--out", csv});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QList<QByteArray> lines = readAll(csv).trimmed().split('\n');
        QCOMPARE(lines.first(), QByteArray("year,region,baseline,scenario,p10,p90"));
        const QList<QByteArray> row2030 = lines.at(1 + 2030 - ModelEngine::firstYear).split(',');
        QCOMPARE(row2030.at(0), QByteArray("2030"));
        QVERIFY(row2030.at(4).toDouble() <= row2030.at(3).toDouble() + 1e-9);
        QVERIFY(row2030.at(5).toDouble() >= row2030.at(3).toDouble() - 1e-9);
        QVERIFY(row2030.at(5).toDouble() > row2030.at(4).toDouble());
    }

    void commandLineWritesEachFormat_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QSize>("pixels");
        QTest::newRow("png 2x") << QStringList {"--format", "png", "--scale", "2"} << "c.png" << QSize(2400, 1350);
        QTest::newRow("png sized") << QStringList {"--format", "png", "--size", "800x500"} << "c.png"
                                   << QSize(800, 500);
        QTest::newRow("svg") << QStringList {"--format", "svg"} << "c.svg" << QSize();
        QTest::newRow("pdf") << QStringList {"--format", "pdf"} << "c.pdf" << QSize();
    }

    void commandLineWritesEachFormat()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, file);
        QFETCH(QSize, pixels);
        QTemporaryDir dir;
        const QString path = dir.filePath(file);
        const Run run =
            techrace(QStringList {"export", "chart", "--preset", "taiwan_disruption", "--metric", "capacity_share",
                                  "--segment", "leading_logic", "--region", "TW,US", "--out", path} +
                     args);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray bytes = readAll(path);
        if (pixels.isValid())
            QCOMPARE(QImage::fromData(bytes, "PNG").size(), pixels);
        else if (file.endsWith(".svg"))
            QVERIFY(bytes.contains("Taiwan") && bytes.contains("<title>Share of world capacity"));
        else
            QCOMPARE(Poppler::Document::loadFromData(bytes)->numPages(), 1);
    }

    void unwritableTargetsLeaveNothingBehind_data()
    {
        QTest::addColumn<QString>("what"); // chart or data
        QTest::addColumn<QString>("where"); // missing, readonly, folder, toolarge
        QTest::addColumn<QString>("message");
        QTest::newRow("chart, missing folder") << "chart"
                                               << "missing"
                                               << "does not exist";
        QTest::newRow("data, missing folder") << "data"
                                              << "missing"
                                              << "does not exist";
        QTest::newRow("chart, read-only folder") << "chart"
                                                 << "readonly"
                                                 << "Permission denied";
        QTest::newRow("data, read-only folder") << "data"
                                                << "readonly"
                                                << "Permission denied";
        QTest::newRow("chart, full tmpfs") << "chart"
                                           << "tmpfs"
                                           << "No space left on device";
        QTest::newRow("data, full tmpfs") << "data"
                                          << "tmpfs"
                                          << "No space left on device";
        QTest::newRow("chart, target is a folder") << "chart"
                                                   << "folder"
                                                   << "it is a folder";
        QTest::newRow("chart, disk full") << "chart"
                                          << "toolarge"
                                          << "Cannot write";
        QTest::newRow("data, disk full") << "data"
                                         << "toolarge"
                                         << "Cannot write";
    }

    void unwritableTargetsLeaveNothingBehind()
    {
        QFETCH(QString, what);
        QFETCH(QString, where);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString folder = dir.filePath("out");
        QVERIFY(QDir().mkpath(folder));
        const QString name = what == "chart" ? "chart.png" : "data.csv";
        QString path = QDir(folder).filePath(name);
        // An older export the failed one must not touch.
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous");
        old.close();
        qint64 maxFileBytes = 0;
        bool asNobody = false;
        bool mounted = false;
        const auto unmount = qScopeGuard([&] {
            if (mounted)
                QProcess::execute(QStringLiteral("umount"), {folder});
        });
        if (where == "missing") {
            path = dir.filePath("nowhere/" + name);
        } else if (where == "readonly") {
            QVERIFY(QFile::setPermissions(folder,
                                          QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                                              QFile::ReadOther | QFile::ExeOther));
            if (!readOnlyFoldersHold(folder)) {
                if (::geteuid() != 0)
                    QSKIP("this user can write into a 0555 folder");
                asNobody = true; // root writes anyway: run the command as an ordinary user
                // The old export stays writable for that user, so only the folder is read-only.
                QVERIFY(QFile::setPermissions(
                    path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther | QFile::WriteOther));
                QVERIFY(QFile::setPermissions(dir.path(),
                                              QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                  QFile::ReadOther | QFile::ExeOther));
            }
        } else if (where == "folder") {
            path = folder;
        } else if (where == "tmpfs") {
            // A real full disk: a 64 KiB tmpfs filled up but for the old export (needs root and mount rights).
            if (::geteuid() != 0 ||
                QProcess::execute(QStringLiteral("mount"), {"-t", "tmpfs", "-o", "size=64k", "tmpfs", folder}) != 0)
                QSKIP("cannot mount a small tmpfs here (needs root)");
            mounted = true;
            QFile again(path);
            QVERIFY(again.open(QIODevice::WriteOnly));
            again.write("previous");
            again.close();
            QFile filler(QDir(folder).filePath("filler"));
            QVERIFY(filler.open(QIODevice::WriteOnly));
            const QByteArray block(4096, 'x');
            while (filler.write(block) == block.size() && filler.flush()) { }
            filler.close();
        } else {
            maxFileBytes = 600; // larger than "previous", smaller than any chart or CSV
        }
        QStringList args {"export", what, "--metric", "self_sufficiency", "--region", "CN,US", "--out", path};
        if (what == "chart")
            args << "--format"
                 << "png";
        const Run run = techrace(args, maxFileBytes, asNobody);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::remove(QDir(folder).filePath("filler"));
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains("techrace export " + what + ": ") && run.err.contains(message), qPrintable(run.err));
        QVERIFY2(run.err.contains(QDir::toNativeSeparators(path)), qPrintable(run.err));
        QCOMPARE(readAll(QDir(folder).filePath(name)), QByteArray("previous"));
        QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden), QStringList {name}); // no temporary, no sidecar
        QVERIFY(!QFile::exists(dir.filePath("nowhere")));
    }

    void exporterReportsErrorsToTheView()
    {
        ScenarioController controller(m_context);
        ChartData data;
        data.setController(&controller);
        data.setRegions({"CN"});
        ChartExporter exporter;
        exporter.setChartData(&data);
        QSignalSpy failed(&exporter, &ChartExporter::failed);
        QVERIFY(!exporter.exportPicture(QUrl::fromLocalFile("/nonexistent/folder/chart.png"), "png"));
        QCOMPARE(failed.size(), 1);
        QVERIFY2(exporter.lastError().contains("folder /nonexistent/folder does not exist"),
                 qPrintable(exporter.lastError()));
        QVERIFY(!exporter.exportPicture(QUrl::fromLocalFile("/tmp/chart.gif"), "gif"));
        QVERIFY(exporter.lastError().contains("gif"));
        data.setRegions({});
        QVERIFY(!exporter.exportData(QUrl::fromLocalFile("/tmp/data.csv")));
        QVERIFY(exporter.lastError().contains("no region chosen"));
        QCOMPARE(exporter.suggestedFileName("png"), QStringLiteral("self_sufficiency.png"));
    }

    void atomicWriterKeepsTheOldFileWhenWritingFails()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("x.txt");
        QVERIFY(writeBytesAtomically(path, "previous").ok());
        const Status failed = writeAtomically(path, [](QIODevice &device) {
            device.write("half");
            return Status::failure(QStringLiteral("drawing failed"));
        });
        QCOMPARE(failed.message(), QStringLiteral("drawing failed"));
        QCOMPARE(readAll(path), QByteArray("previous"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {"x.txt"});
    }
};

QTEST_MAIN(TestChartExport)
#include "tst_chartexport.moc"
