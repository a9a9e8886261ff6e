// The scenario report: the PDF a reader opens (checked with Poppler, a real PDF reader), progress, cancel, bad targets.
#include "appcontext.h"
#include "model/levers.h"
#include "report/reportexporter.h"
#include "report/scenarioreport.h"
#include "workbench/headlinemodel.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include <poppler-qt6.h>

using namespace techrace;

class TestReport : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<const AppContext> m_context;
    QTemporaryDir m_dir;

    Scenario preset(const QString &id) const
    {
        auto scenario = Scenario::preset(id, m_context->modelEngine().levers());
        if (!scenario)
            qFatal("preset %s: %s", qPrintable(id), qPrintable(scenario.message()));
        return scenario.value();
    }

    /** Each page's text, as a PDF reader extracts it (whitespace folded). */
    static QStringList pageTexts(const QString &path)
    {
        QStringList texts;
        const std::unique_ptr<Poppler::Document> document = Poppler::Document::load(path);
        if (!document || document->isLocked())
            return texts;
        for (int i = 0; i < document->numPages(); ++i) {
            const std::unique_ptr<Poppler::Page> page = document->page(i);
            // NFKC: ligatures other painters draw (the map's "ﬃ") read as their letters.
            texts.append(page ? page->text(QRectF()).normalized(QString::NormalizationForm_KC).simplified()
                              : QString());
        }
        return texts;
    }

    /**
     * Every word of `phrase` occurs in `text`. A table cell wraps, and a reader extracts a page line by line across
     * the columns, so a long cell's words come out interleaved with its neighbours'.
     */
    static bool hasWords(const QString &text, const QString &phrase)
    {
        const QStringList words = text.split(u' ', Qt::SkipEmptyParts);
        const QStringList wanted = phrase.split(u' ', Qt::SkipEmptyParts);
        return std::all_of(wanted.begin(), wanted.end(), [&words](const QString &w) { return words.contains(w); });
    }

    /** Folders and the target's files other than the target itself: anything a failed write left behind. */
    QStringList leftovers() const { return QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto context = AppContext::open();
        QVERIFY2(context.ok(), qPrintable(context.message()));
        m_context = context.value();
    }

    void cleanup()
    {
        QDir dir(m_dir.path());
        for (const QString &file : dir.entryList(QDir::Files | QDir::Hidden))
            dir.remove(file);
    }

    void pdfShowsTheScenario_data()
    {
        QTest::addColumn<QString>("presetId");
        QTest::addColumn<QString>("leverId"); // a lever the preset moves, or empty
        QTest::newRow("Big Fund III doubled") << "big_fund_3_doubled"
                                              << "subsidy.cn_big_fund_3";
        QTest::newRow("full embargo") << "full_embargo"
                                      << "duv_control";
        QTest::newRow("status quo") << "baseline" << QString();
    }

    void pdfShowsTheScenario()
    {
        QFETCH(QString, presetId);
        QFETCH(QString, leverId);
        const Scenario scenario = preset(presetId);
        const QString path = m_dir.filePath(QStringLiteral("report.pdf"));
        ScenarioReport report(m_context, scenario);
        QList<ReportProgress> steps;
        report.setProgressCallback([&steps](const ReportProgress &progress) { steps.append(progress); });
        const Status written = report.write(path);
        QVERIFY2(written.ok(), qPrintable(written.message()));
        QCOMPARE(leftovers(), QStringList {QStringLiteral("report.pdf")});

        // Every step reported, in order, with a growing fraction.
        QCOMPARE(steps.size(), ScenarioReport::stepNames().size());
        for (qsizetype i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps.at(i).index, i + 1);
            QCOMPARE(steps.at(i).step, ScenarioReport::stepNames().at(i));
            QVERIFY(steps.at(i).fraction() >= 0 && steps.at(i).fraction() < 1);
        }

        const QStringList pages = pageTexts(path);
        // Cover, levers, headlines, two pages of charts and map, sensitivity, then the sources (at least one page).
        QVERIFY2(pages.size() >= 7, qPrintable(QString::number(pages.size())));
        for (qsizetype i = 0; i < pages.size(); ++i) {
            QVERIFY2(pages.at(i).contains(scenario.name), qPrintable(QStringLiteral("page %1").arg(i + 1)));
            QVERIFY2(pages.at(i).contains(QStringLiteral("Page %1 of %2").arg(i + 1).arg(pages.size())),
                     qPrintable(pages.at(i)));
        }
        QVERIFY(pages.at(0).contains(QStringLiteral("TechRace scenario report")));
        QVERIFY(pages.at(0).contains(scenario.description.left(40)));
        QVERIFY(pages.at(0).contains(QStringLiteral("Knowledge base: schema")));

        QVERIFY(pages.at(1).contains(QStringLiteral("Levers that differ from the baseline")));
        if (leverId.isEmpty()) {
            QVERIFY(pages.at(0).contains(QStringLiteral("This scenario moves no lever")));
            QVERIFY(pages.at(1).contains(QStringLiteral("No lever differs from the baseline")));
        } else {
            const Lever *lever = m_context->modelEngine().levers().find(leverId);
            QVERIFY(lever);
            QVERIFY2(hasWords(pages.at(1), lever->label), qPrintable(pages.at(1)));
        }

        const QString all = pages.join(u' ');
        for (const HeadlineModel::Headline &headline : HeadlineModel::headlines())
            QVERIFY2(hasWords(all, headline.title), qPrintable(headline.title));
        QVERIFY(all.contains(QStringLiteral("Sensitivity: ") + HeadlineModel::headlines().first().title));
        QVERIFY(all.contains(QStringLiteral("Self-sufficiency")));

        const qsizetype sourcesPage = pages.indexOf(
            *std::find_if(pages.begin(), pages.end(), [](const QString &t) { return t.startsWith(u"Sources"); }));
        QVERIFY(sourcesPage > 0);
        // The Big Fund III programme's source (a seed article), cited by its lever.
        const Lever *bigFund = m_context->modelEngine().levers().find(QStringLiteral("subsidy.cn_big_fund_3"));
        QVERIFY(bigFund);
        const auto source = m_context->knowledgeBase().source(bigFund->sourceId);
        QVERIFY(source);
        QVERIFY2(hasWords(pages.mid(sourcesPage).join(u' '), source->title), qPrintable(source->title));
    }

    void cancelLeavesNoFile_data()
    {
        QTest::addColumn<int>("cancelAtStep");
        for (int step = 1; step <= int(ScenarioReport::stepNames().size()); ++step)
            QTest::addRow("at step %d", step) << step;
    }

    void cancelLeavesNoFile()
    {
        QFETCH(int, cancelAtStep);
        const QString path = m_dir.filePath(QStringLiteral("cancelled.pdf"));
        ScenarioReport report(m_context, preset(QStringLiteral("full_embargo")));
        std::atomic_bool cancel {false};
        int lastStep = 0;
        report.setCancelFlag(&cancel);
        report.setProgressCallback([&](const ReportProgress &progress) {
            lastStep = progress.index;
            if (progress.index == cancelAtStep)
                cancel.store(true);
        });
        const Status written = report.write(path);
        QVERIFY(!written.ok());
        QVERIFY(report.wasCancelled());
        QCOMPARE(written.message(), ScenarioReport::cancelledMessage());
        QCOMPARE(lastStep, cancelAtStep);
        QVERIFY(leftovers().isEmpty());
    }

    void badTargetSaysWhy_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing folder") << m_dir.filePath(QStringLiteral("no/such/report.pdf")) << "does not exist";
        QTest::newRow("a folder") << m_dir.path() << "it is a folder";
        QTest::newRow("cannot create") << QStringLiteral("/proc/techrace-report.pdf") << "Cannot write";
    }

    void badTargetSaysWhy()
    {
        QFETCH(QString, path);
        QFETCH(QString, message);
        ScenarioReport report(m_context, preset(QStringLiteral("big_fund_3_doubled")));
        const Status written = report.write(path);
        QVERIFY(!written.ok());
        QVERIFY2(written.message().contains(message), qPrintable(written.message()));
        QVERIFY2(written.message().contains(path), qPrintable(written.message()));
        QVERIFY(!report.wasCancelled());
        QVERIFY(!QFileInfo(path).isFile());
        QVERIFY(leftovers().isEmpty());
    }

    void existingFileSurvivesAFailedReport()
    {
        const QString path = m_dir.filePath(QStringLiteral("kept.pdf"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old report");
        }
        ScenarioReport report(m_context, preset(QStringLiteral("big_fund_3_doubled")));
        std::atomic_bool cancel {false};
        report.setCancelFlag(&cancel);
        report.setProgressCallback([&cancel](const ReportProgress &progress) {
            if (progress.index == 5)
                cancel.store(true);
        });
        QVERIFY(!report.write(path).ok());
        QFile kept(path);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), QByteArray("old report"));
        QCOMPARE(leftovers(), QStringList {QStringLiteral("kept.pdf")});
    }

    // The window's path: the report is written on a worker thread; progress and the result arrive as signals.
    void exporterWritesOffTheGuiThread()
    {
        const QString path = m_dir.filePath(QStringLiteral("window.pdf"));
        ReportExporter exporter;
        QSignalSpy finished(&exporter, &ReportExporter::finished);
        QSignalSpy progress(&exporter, &ReportExporter::progressChanged);
        QVERIFY(exporter.start(m_context, preset(QStringLiteral("big_fund_3_doubled")), path));
        QVERIFY(exporter.isRunning());
        // A second report while one runs is refused with a message, and the first goes on.
        QVERIFY(!exporter.start(m_context, preset(QStringLiteral("baseline")), path));
        QCOMPARE(finished.size(), 1);
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.size(), 2);
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(finished.at(1).at(2).toString()));
        QCOMPARE(finished.at(1).at(3).toString(), path);
        QVERIFY(!exporter.isRunning());
        QCOMPARE(exporter.progress(), 1.0);
        QVERIFY(progress.size() >= ScenarioReport::stepNames().size());
        QCOMPARE(pageTexts(path).value(0).contains(QStringLiteral("Big Fund III doubled")), true);
    }

    void exporterCancelLeavesNoFile()
    {
        const QString path = m_dir.filePath(QStringLiteral("window-cancelled.pdf"));
        ReportExporter exporter;
        QSignalSpy finished(&exporter, &ReportExporter::finished);
        QVERIFY(exporter.start(m_context, preset(QStringLiteral("full_embargo")), path));
        exporter.cancel();
        QVERIFY(finished.wait(60000));
        const QList<QVariant> result = finished.takeFirst();
        QVERIFY(!result.at(0).toBool());
        QVERIFY(result.at(1).toBool());
        QCOMPARE(result.at(2).toString(), ScenarioReport::cancelledMessage());
        QVERIFY(leftovers().isEmpty());
    }

    void exporterReportsABadTarget()
    {
        ReportExporter exporter;
        QSignalSpy finished(&exporter, &ReportExporter::finished);
        const QString path = m_dir.filePath(QStringLiteral("missing/report.pdf"));
        QVERIFY(exporter.start(m_context, preset(QStringLiteral("baseline")), path));
        QVERIFY(finished.wait(60000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY(!finished.at(0).at(1).toBool());
        QVERIFY(finished.at(0).at(2).toString().contains(QStringLiteral("does not exist")));
    }
};

QTEST_MAIN(TestReport)
#include "tst_report.moc"
