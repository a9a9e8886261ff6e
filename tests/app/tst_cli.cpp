// Runs the real `techrace` binary the way users and scripts do, and checks what it prints and writes.
#include <QColor>
#include <QImage>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

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

    static Run techrace(const QStringList &args)
    {
        QProcess process;
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
        QTest::newRow("measure latency") << QStringList {"--measure-latency", "3", "--size", "800x600"} << 0
                                         << "change to frame: p50"
                                         << "";
        QTest::newRow("bad latency count") << QStringList {"--measure-latency", "none"} << 2 << ""
                                           << "expects a positive count";
        QTest::newRow("unknown page") << QStringList {"--screenshot", "/tmp/x.png", "--page", "Nowhere"} << 2 << ""
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
