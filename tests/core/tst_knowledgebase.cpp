#include "kb/integrity.h"
#include "kb/knowledgebase.h"
#include "kb/quotecheck.h"
#include "kb/sqlitedb.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace techrace;

class TestKnowledgeBase : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void embeddedEqualsBuiltFile()
    {
        auto embedded = KnowledgeBase::openEmbedded();
        QVERIFY2(embedded.ok(), qPrintable(embedded.message()));
        auto file = KnowledgeBase::openFile(QStringLiteral(KB_FILE));
        QVERIFY2(file.ok(), qPrintable(file.message()));
        QCOMPARE(embedded->tableCounts(), file->tableCounts());
    }

    void isConsistent()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        const QStringList problems = checkIntegrity(kb->database());
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    }

    void everyRegionOfTheModelIsThere()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        QStringList ids;
        for (const auto &region : kb->regions())
            ids.append(region.id);
        QCOMPARE(ids, (QStringList {"US", "CN", "TW", "KR", "JP", "EU", "IN", "CA", "ROW"}));
    }

    void quotesOccurVerbatimInTheirSources()
    {
        const QString shared = QStringLiteral(SHARED_DIR);
        if (!QDir(shared + QStringLiteral("/seeds")).exists())
            QSKIP(qPrintable(QStringLiteral("%1/seeds is not present; quotes cannot be checked here").arg(shared)));
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        const QuoteCheckResult result = checkQuotes(kb->database(), shared, QStringLiteral(SOURCE_DIR));
        QVERIFY2(result.missingFiles.isEmpty(), qPrintable(result.missingFiles.join(u'\n')));
        QVERIFY2(result.problems.isEmpty(), qPrintable(result.problems.join(u'\n')));
        QVERIFY(result.checked > 0);
        qInfo("%d quotes checked verbatim, %d without a local text", result.checked, result.skippedNoText);
    }

    void seedCodeNumbersAreOnlyIllustrative_data()
    {
        // Passages that occur only in the Python samples of seed 001, whose numbers the author calls illustrative.
        QTest::addColumn<QString>("codeMarker");
        QTest::newRow("fab table") << QStringLiteral("FabCapacity(");
        QTest::newRow("chip metrics") << QStringLiteral("InferenceChipMetrics(");
        QTest::newRow("electricity default") << QStringLiteral("electricity_cost_kwh=");
        QTest::newRow("share formula") << QStringLiteral("rapidus_share =");
    }

    void seedCodeNumbersAreOnlyIllustrative()
    {
        QFETCH(QString, codeMarker);
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        // Every quote of the KB with its illustrative flag (0 outside claims; a citation inherits its claim's).
        QString everyQuote =
            QStringLiteral("SELECT c.source_id, c.quote, coalesce(cl.illustrative, 0) AS illustrative FROM citations c "
                           "LEFT JOIN claims cl ON c.table_name = 'claims' AND cl.id = c.row_id "
                           "UNION ALL SELECT source_id, quote, illustrative FROM claims");
        for (const char *table : {"regions", "segments", "companies", "process_nodes", "facilities", "products",
                                  "programmes", "policies", "targets", "events", "observations", "parameters"})
            everyQuote += QStringLiteral(" UNION ALL SELECT source_id, quote, 0 FROM %1").arg(QLatin1String(table));
        auto rows = kb->database().prepare(
            QStringLiteral(
                "SELECT illustrative, count(*) FROM (%1) WHERE source_id = 'seed001' AND instr(quote, ?1) > 0 "
                "GROUP BY illustrative")
                .arg(everyQuote));
        QVERIFY2(rows.ok(), qPrintable(rows.message()));
        rows->bindText(1, codeMarker);
        qint64 asData = 0, asIllustration = 0;
        while (rows->step() == SqliteStatement::Step::Row)
            (rows->integer(0) == 1 ? asIllustration : asData) = rows->integer(1);
        QCOMPARE(asData, 0); // used as a fact anywhere: wrong
        QVERIFY(asIllustration > 0); // and the sample is recorded, flagged
    }

    void quoteCheckCatchesAnAlteredQuote()
    {
        const QString shared = QStringLiteral(SHARED_DIR);
        if (!QDir(shared + QStringLiteral("/seeds")).exists())
            QSKIP("the shared seeds are not present");
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("kb.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(KB_FILE), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        auto db = SqliteDb::open(copy, SqliteDb::Mode::ReadWrite);
        QVERIFY(db.ok());
        QVERIFY(db->exec(QStringLiteral("UPDATE programmes SET quote = 'Japan is betting ¥921 billion on Rapidus' "
                                        "WHERE id = 'jp_rapidus_920'"))
                    .ok());
        const QuoteCheckResult result = checkQuotes(db.value(), shared, QStringLiteral(SOURCE_DIR));
        QCOMPARE(result.problems.size(), 1);
        QVERIFY(result.problems.first().contains(QStringLiteral("jp_rapidus_920")));
    }

    void refusesBadFiles_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("message");

        QTest::newRow("not sqlite") << QByteArray("this is not a database, just text\n")
                                    << "is not a usable SQLite database";
        QTest::newRow("empty file") << QByteArray() << "is not a TechRace knowledge base";
        QTest::newRow("truncated") << QByteArray("SQLite format 3\0", 16) + QByteArray(100, '\x01')
                                   << "is not a usable SQLite database";
    }

    void refusesBadFiles()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
        file.close();
        auto kb = KnowledgeBase::openFile(path);
        QVERIFY(!kb.ok());
        QVERIFY2(kb.message().contains(message), qPrintable(kb.message()));
    }

    void refusesMissingFile()
    {
        auto kb = KnowledgeBase::openFile(QStringLiteral("/nonexistent/kb.sqlite"));
        QVERIFY(!kb.ok());
        QVERIFY(kb.message().contains(QStringLiteral("does not exist")));
    }

    void refusesNewerSchema()
    {
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("future.sqlite"));
        QVERIFY(QFile::copy(QStringLiteral(KB_FILE), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        {
            auto db = SqliteDb::open(copy, SqliteDb::Mode::ReadWrite);
            QVERIFY(db.ok());
            QVERIFY(db->exec(QStringLiteral("PRAGMA user_version = 99")).ok());
        }
        auto kb = KnowledgeBase::openFile(copy);
        QVERIFY(!kb.ok());
        QVERIFY2(kb.message().contains(QStringLiteral("newer than this TechRace understands")),
                 qPrintable(kb.message()));
    }
};

QTEST_GUILESS_MAIN(TestKnowledgeBase)
#include "tst_knowledgebase.moc"
