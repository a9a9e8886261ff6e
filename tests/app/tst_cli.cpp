// Runs the real `techrace` binary the way users and scripts do, and checks what it prints and writes.
#include <QColor>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

class TestCli : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    /** Holds the user database of every run, so no run reads or writes the real home folder. */
    static QTemporaryDir &dataHome()
    {
        static QTemporaryDir dir;
        return dir;
    }

    static Run techrace(const QStringList &args)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dataHome().path());
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(TECHRACE_BINARY), args);
        if (!process.waitForFinished(60000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void exitCodesAndMessages_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("expectedOut");
        QTest::addColumn<QString>("expectedErr");

        QTest::newRow("help") << QStringList {"--help"} << 0 << "--screenshot <file.png>"
                              << "";
        QTest::newRow("help lists commands") << QStringList {"--help"} << 0 << "Commands (no display needed)"
                                             << "";
        QTest::newRow("version") << QStringList {"--version"} << 0 << "techrace " TECHRACE_VERSION << "";
        QTest::newRow("kb stats") << QStringList {"kb", "stats"} << 0 << "programmes"
                                  << "";
        QTest::newRow("kb check") << QStringList {"kb", "check"} << 0 << "consistent (schema version 1)"
                                  << "";
        QTest::newRow("kb help") << QStringList {"kb", "--help"} << 0 << "integrity report"
                                 << "";
        QTest::newRow("kb without action") << QStringList {"kb"} << 2 << ""
                                           << "expected an action";
        QTest::newRow("unknown command") << QStringList {"frobnicate"} << 2 << ""
                                         << "unknown command \"frobnicate\"";
        QTest::newRow("unknown option") << QStringList {"--frobnicate"} << 2 << ""
                                        << "Unknown option 'frobnicate'";
        QTest::newRow("missing kb") << QStringList {"--kb", "/nonexistent/kb.sqlite", "kb", "stats"} << 1 << ""
                                    << "/nonexistent/kb.sqlite does not exist";
        QTest::newRow("bad size") << QStringList {"--screenshot", "/tmp/x.png", "--size", "big"} << 2 << ""
                                  << "--size expects WIDTHxHEIGHT";
        QTest::newRow("self-test") << QStringList {"--self-test"} << 0 << "self-test: OK"
                                   << "";
        QTest::newRow("kb search") << QStringList {"kb", "search", "Rapidus"} << 0 << "companies/rapidus"
                                   << "";
        QTest::newRow("kb search without match") << QStringList {"kb", "search", "zzqxjv"} << 1 << ""
                                                 << "No row matches \"zzqxjv\"";
        QTest::newRow("kb search without text") << QStringList {"kb", "search"} << 2 << ""
                                                << "expected the TEXT to search for";
        QTest::newRow("kb export without --out") << QStringList {"kb", "export"} << 2 << ""
                                                 << "--out DIR is required";
        QTest::newRow("kb export to unwritable folder")
            << QStringList {"kb", "export", "--out", "/proc/techrace-export"} << 1 << ""
            << "Cannot create the folder /proc/techrace-export";
        QTest::newRow("kb import missing file")
            << QStringList {"kb", "import", "/nonexistent/programmes.csv"} << 1 << ""
            << "cannot read /nonexistent/programmes.csv";
        QTest::newRow("kb import bad row")
            << QStringList {"kb", "import", TESTS_DATA_DIR "/kb-import/bad_number/programmes.csv"} << 1 << ""
            << "programmes.csv:3: cannot store TEXT value in REAL column";
        QTest::newRow("kb import without user db")
            << QStringList {"--no-user-db", "kb", "import", TESTS_DATA_DIR "/kb-import/valid/programmes.csv"} << 1 << ""
            << "No user database is open";
        QTest::newRow("user-db and no-user-db")
            << QStringList {"--user-db", "/tmp/x.sqlite", "--no-user-db", "kb", "stats"} << 2 << ""
            << "exclude each other";
        QTest::newRow("page by title") << QStringList {"--page", "overview", "--self-test"} << 0 << "self-test: OK"
                                       << "";
        QTest::newRow("knowledge page") << QStringList {"--page", "Knowledge", "--self-test"} << 0 << "self-test: OK"
                                        << "";
        QTest::newRow("unknown page")
            << QStringList {"--page", "Nowhere", "--self-test"} << 2 << ""
            << "there is no page titled \"Nowhere\"; pages: Overview, Dashboard, Charts, Map, Timeline, Knowledge, "
               "Sensitivity, Calibration";
        QTest::newRow("sensitivity page")
            << QStringList {"--page", "Sensitivity", "--self-test"} << 0 << "self-test: OK"
            << "";
        QTest::newRow("calibration page")
            << QStringList {"--page", "Calibration", "--self-test"} << 0 << "self-test: OK"
            << "";
        QTest::newRow("export help") << QStringList {"export", "--help"} << 0 << "--metric <id>"
                                     << "";
        QTest::newRow("export without what") << QStringList {"export"} << 2 << ""
                                             << "expected what to export (map, chart or data)";
        QTest::newRow("export map unknown metric")
            << QStringList {"export", "map", "--metric", "nope", "--out", "/tmp/x.png"} << 2 << ""
            << "Unknown metric \"nope\"; known metrics: funding.cumulative_state";
        QTest::newRow("export map bad format")
            << QStringList {"export", "map", "--format", "gif", "--out", "/tmp/x.gif"} << 2 << ""
            << "--format must be png, svg or pdf";
        QTest::newRow("export map bad mode")
            << QStringList {"export", "map", "--mode", "best", "--out", "/tmp/x.png"} << 2 << ""
            << "--mode must be baseline, scenario or difference";
        QTest::newRow("export map year out of range")
            << QStringList {"export", "map", "--year", "1990", "--out", "/tmp/x.png"} << 2 << ""
            << "Year 1990 is outside 2015–2040";
        QTest::newRow("export map missing folder")
            << QStringList {"export", "map", "--out", "/nonexistent/dir/map.png"} << 1 << ""
            << "folder /nonexistent/dir does not exist";
        QTest::newRow("export map without out") << QStringList {"export", "map"} << 2 << ""
                                                << "--out FILE is required";
        QTest::newRow("export chart unknown region")
            << QStringList {"export", "chart", "--metric", "capacity", "--region", "CN,XX", "--out", "/tmp/x.png"} << 2
            << ""
            << "techrace export chart: unknown region \"XX\" (known: ";
        QTest::newRow("export chart unknown metric")
            << QStringList {"export", "chart", "--metric", "nope", "--region", "CN", "--out", "/tmp/x.png"} << 2 << ""
            << "unknown metric \"nope\" (known: capacity, capacity_share,";
        QTest::newRow("export data unknown segment")
            << QStringList {"export", "data",      "--metric", "capacity", "--region",
                            "CN",     "--segment", "chips",    "--out",    "/tmp/x.csv"}
            << 2 << ""
            << "techrace export data: unknown segment \"chips\" (known: ";
        QTest::newRow("export data region without the series")
            << QStringList {"export",   "data",     "--metric", "self_sufficiency",
                            "--region", "CN,WORLD", "--out",    "/tmp/x.csv"}
            << 2 << ""
            << "the model has no self_sufficiency series for region WORLD";
        QTest::newRow("export chart without region")
            << QStringList {"export", "chart", "--metric", "capacity", "--out", "/tmp/x.png"} << 2 << ""
            << "--region is required";
        QTest::newRow("export chart bad scale")
            << QStringList {"export", "chart",   "--metric", "capacity", "--region",
                            "CN",     "--scale", "50",       "--out",    "/tmp/x.png"}
            << 2 << ""
            << "Scale 50 is out of range (0.25 to 8)";
        // The scenario report (app/cli/reportcommand.cpp).
        QTest::newRow("report help") << QStringList {"report", "--help"} << 0 << "--preset <id>"
                                     << "";
        QTest::newRow("report without out") << QStringList {"report", "--preset", "full_embargo"} << 2 << ""
                                            << "--out FILE.pdf is required";
        QTest::newRow("report unknown preset")
            << QStringList {"report", "--preset", "nope", "--out", "/tmp/techrace-report.pdf"} << 1 << ""
            << "techrace report: ";
        QTest::newRow("report missing folder")
            << QStringList {"report", "--preset", "full_embargo", "--out", "/nonexistent/dir/report.pdf"} << 1 << ""
            << "folder /nonexistent/dir does not exist";
        // The model's sub-commands (app/cli/modelcommand.cpp, analysiscommand.cpp).
        QTest::newRow("levers") << QStringList {"levers"} << 0 << "ai_chip_control,export_controls"
                                << "";
        QTest::newRow("run preset") << QStringList {"run", "--preset", "full_embargo"} << 0
                                    << "metric,region,segment,company,year,value"
                                    << "";
        QTest::newRow("run unknown preset") << QStringList {"run", "--preset", "nope"} << 1 << ""
                                            << "no preset \"nope\"";
        QTest::newRow("run bad scenario")
            << QStringList {"run", "--scenario", TESTS_DATA_DIR "/scenarios/unknown_lever.json"} << 1 << ""
            << "\"levers.warp_drive\": no such lever";
        QTest::newRow("run bad draws") << QStringList {"run", "--uncertainty", "1"} << 2 << ""
                                       << "draws must be";
        QTest::newRow("calibrate") << QStringList {"calibrate"} << 0 << "mean absolute percentage error"
                                   << "";
        QTest::newRow("sensitivity") << QStringList {"sensitivity", "--metric", "self_sufficiency", "--region", "CN",
                                                     "--year",      "2030"}
                                     << 0 << "input,kind,low_input"
                                     << "";
        QTest::newRow("sensitivity unknown metric")
            << QStringList {"sensitivity", "--metric", "happiness", "--year", "2030"} << 2 << ""
            << "unknown metric \"happiness\"";
        QTest::newRow("goalseek unreachable") << QStringList {"goalseek",
                                                              "--lever",
                                                              "subsidy.cn_big_fund_3",
                                                              "--metric",
                                                              "self_sufficiency",
                                                              "--region",
                                                              "CN",
                                                              "--year",
                                                              "2030",
                                                              "--target",
                                                              "0.7"}
                                              << 0 << "unreachable"
                                              << "";
        QTest::newRow("explain") << QStringList {"explain", "--metric", "ai_compute_share", "--region", "CN",
                                                 "--year",  "2030"}
                                 << 0 << "equation: A5"
                                 << "";
        QTest::newRow("wedges") << QStringList {"wedges", "--metric", "self_sufficiency", "--region", "CN",
                                                "--year", "2030"}
                                << 0 << "subsidy.cn_big_fund_3,"
                                << "";
        QTest::newRow("calc inference") << QStringList {"calc", "inference",           "--tdp",
                                                        "300",  "--tokens-per-second", "5000"}
                                        << 0 << "tokens per joule (tokens/s per watt): 16.6667"
                                        << "";
        QTest::newRow("calc fab allocation")
            << QStringList {"calc", "fab-allocation"} << 0 << "total AI wafers per month,35000"
            << "";
        QTest::newRow("calc unknown") << QStringList {"calc", "abacus"} << 2 << ""
                                      << "expected fab-allocation or inference";
        QTest::newRow("measure latency") << QStringList {"--measure-latency", "3", "--size", "800x600"} << 0
                                         << "change to frame: p50"
                                         << "";
        QTest::newRow("bad latency count") << QStringList {"--measure-latency", "none"} << 2 << ""
                                           << "expects a positive count";
        QTest::newRow("unknown page with screenshot")
            << QStringList {"--screenshot", "/tmp/x.png", "--page", "Nowhere"} << 2 << ""
            << "no page titled \"Nowhere\"";
    }

    void exitCodesAndMessages()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, expectedOut);
        QFETCH(QString, expectedErr);

        const Run run = techrace(args);
        QVERIFY2(run.exitCode == exitCode,
                 qPrintable(QStringLiteral("exit %1\n%2%3").arg(run.exitCode).arg(run.out, run.err)));
        QVERIFY2(run.out.contains(expectedOut), qPrintable(run.out));
        QVERIFY2(run.err.contains(expectedErr), qPrintable(run.err));
    }

    void exportMapWritesEachFormat_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("mode");
        QTest::newRow("png scenario") << "png"
                                      << "scenario";
        QTest::newRow("png difference") << "png"
                                        << "difference";
        QTest::newRow("svg baseline") << "svg"
                                      << "baseline";
        QTest::newRow("pdf scenario") << "pdf"
                                      << "scenario";
    }

    void exportMapWritesEachFormat()
    {
        QFETCH(QString, format);
        QFETCH(QString, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath("map." + format);
        const Run run = techrace({"export", "map", "--year", "2030", "--mode", mode, "--format", format, "--out", path,
                                  "--size", "800x450"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("Wrote " + path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {"map." + format}); // no temporary left over
        if (format == "png") {
            const QImage image = QImage::fromData(bytes, "PNG");
            QCOMPARE(image.size(), QSize(800, 450));
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 7) {
                for (int x = 0; x < image.width(); x += 7)
                    colours.insert(image.pixel(x, y));
            }
            QVERIFY2(colours.size() >= 8, qPrintable(QString::number(colours.size())));
        } else if (format == "svg") {
            QXmlStreamReader xml(bytes);
            int paths = 0;
            bool titled = false;
            while (!xml.atEnd()) {
                if (xml.readNext() == QXmlStreamReader::StartElement) {
                    paths += xml.name() == u"path" ? 1 : 0;
                    if (xml.name() == u"title")
                        titled = xml.readElementText().startsWith("Cumulative announced state funding, 2030");
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QVERIFY(titled);
            QVERIFY2(paths >= 9, qPrintable(QString::number(paths))); // a path per region at least
        } else {
            QVERIFY(bytes.startsWith("%PDF-"));
            QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        }
    }

    void reportWritesAPdfWithProgress()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("report.pdf");
        const Run run = techrace({"report", "--preset", "big_fund_3_doubled", "--out", path});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("Wrote " + path));
        QVERIFY2(run.err.contains("[1/9] Scenario and baseline…") && run.err.contains("[5/9] Charts…") &&
                     run.err.contains("[9/9] Writing…"),
                 qPrintable(run.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("%PDF-"));
        QVERIFY(bytes.trimmed().endsWith("%%EOF"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList {"report.pdf"}); // no temporary left over
    }

    void failedExportKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("map.png");
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous");
        old.close();
        const Run run = techrace({"export", "map", "--metric", "nope", "--out", path});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("previous"));
    }

    void corruptKnowledgeBaseIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("corrupt.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("definitely not sqlite");
        file.close();
        const Run run = techrace({QStringLiteral("--kb"), path, QStringLiteral("kb"), QStringLiteral("check")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("is not a usable SQLite database")), qPrintable(run.err));
    }

    void importedEditShowsInSearchExportAndCheck()
    {
        QTemporaryDir dir;
        const QString userDb = dir.filePath(QStringLiteral("user.sqlite"));
        const QStringList user = {QStringLiteral("--user-db"), userDb, QStringLiteral("kb")};
        const Run imported = techrace(
            user +
            QStringList {QStringLiteral("import"), QStringLiteral(TESTS_DATA_DIR "/kb-import/valid/programmes.csv")});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains(QStringLiteral("1 added, 1 changed, 0 unchanged")), qPrintable(imported.out));

        const Run found = techrace(user + QStringList {QStringLiteral("search"), QStringLiteral("fixture")});
        QCOMPARE(found.exitCode, 0);
        QVERIFY2(found.out.contains(QStringLiteral("programmes/user_test_fund")), qPrintable(found.out));
        QVERIFY(found.out.contains(QStringLiteral("(your edit)")));

        const QString out = dir.filePath(QStringLiteral("export"));
        const Run exported = techrace(user + QStringList {QStringLiteral("export"), QStringLiteral("--out"), out});
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QFile programmes(out + QStringLiteral("/programmes.csv"));
        QVERIFY(programmes.open(QIODevice::ReadOnly));
        QVERIFY(programmes.readAll().contains("user_test_fund,Test fund added by a user (fixture)"));

        const Run checked = techrace(user + QStringList {QStringLiteral("check")});
        QCOMPARE(checked.exitCode, 0);
        QVERIFY2(checked.out.contains(QStringLiteral("with your edits from")), qPrintable(checked.out));

        const Run shippedOnly = techrace({QStringLiteral("--no-user-db"), QStringLiteral("kb"),
                                          QStringLiteral("search"), QStringLiteral("fixture")});
        QCOMPARE(shippedOnly.exitCode, 1);
    }

    void corruptUserDatabaseIsReported()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("user.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("garbage, not a database");
        file.close();
        const Run run = techrace({QStringLiteral("--user-db"), path, QStringLiteral("kb"), QStringLiteral("stats")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.err.contains(QStringLiteral("Your user database was damaged")), qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("programmes")));
    }

    void screenshotShowsTheChart_data()
    {
        QTest::addColumn<QSize>("size");
        QTest::newRow("default") << QSize(1280, 800);
        QTest::newRow("projector") << QSize(1920, 1080);
    }

    void screenshotShowsTheChart()
    {
        QFETCH(QSize, size);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("shot.png"));
        const Run run = techrace({QStringLiteral("--screenshot"), png, QStringLiteral("--size"),
                                  QStringLiteral("%1x%2").arg(size.width()).arg(size.height())});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), size);

        // The chart draws each region in its Theme colour: China's and the United States' lines must be visible.
        int china = 0;
        int unitedStates = 0;
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 2) {
            for (int x = 0; x < image.width(); x += 2) {
                const QRgb pixel = image.pixel(x, y);
                colours.insert(pixel);
                china += pixel == QColor(QStringLiteral("#d55e00")).rgb();
                unitedStates += pixel == QColor(QStringLiteral("#0072b2")).rgb();
            }
        }
        QVERIFY2(china > 100, qPrintable(QString::number(china)));
        QVERIFY2(unitedStates > 100, qPrintable(QString::number(unitedStates)));
        QVERIFY(colours.size() > 50);
    }

    void screenshotToUnwritablePathFails()
    {
        const Run run = techrace({QStringLiteral("--screenshot"), QStringLiteral("/nonexistent-dir/shot.png")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(QStringLiteral("cannot write screenshot")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
