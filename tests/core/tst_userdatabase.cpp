// The user database layered over the shipped knowledge base: import, export, edits that survive reopening,
// damaged and newer files. Every test works in its own temporary folder, never in the real home.
#include "kb/kbexport.h"
#include "kb/kbsearch.h"
#include "kb/knowledgebase.h"
#include "kb/userdatabase.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace techrace;

namespace {

QString importDir(const QString &name)
{
    return QStringLiteral(TESTS_DATA_DIR "/kb-import/") + name;
}

QList<userdb::CsvInput> csvFilesIn(const QString &dir)
{
    QList<userdb::CsvInput> inputs;
    const QDir folder(dir);
    for (const QString &name : folder.entryList({QStringLiteral("*.csv")}, QDir::Files, QDir::Name)) {
        QFile file(folder.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            inputs.append({folder.filePath(name), file.readAll(), {}});
    }
    return inputs;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** The shipped knowledge base with a user database at `userDb` layered over it. */
KnowledgeBase openWithUser(const QString &userDb)
{
    auto kb = KnowledgeBase::openEmbedded();
    if (!kb)
        qFatal("cannot open the embedded knowledge base: %s", qPrintable(kb.message()));
    kb->attachUserDatabase(userDb);
    return std::move(kb).value();
}

QVariant cell(const KnowledgeBase &kb, const QString &sql)
{
    auto value = kb.database().scalar(sql);
    return value ? value.value() : QVariant();
}

} // namespace

class TestUserDatabase : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString freshPath(const QString &name) const { return m_dir.filePath(name + QStringLiteral("/user.sqlite")); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void defaultPathIsInTheDataFolder()
    {
        QVERIFY(userdb::defaultPath().endsWith(QStringLiteral("/user.sqlite")));
        QVERIFY(!userdb::defaultPath().startsWith(QStringLiteral("/user.sqlite")));
    }

    void freshDatabaseIsEmptyWalAndVersioned()
    {
        const QString path = freshPath(QStringLiteral("fresh"));
        KnowledgeBase kb = openWithUser(path);
        QVERIFY2(kb.userDatabase().attached, qPrintable(kb.userDatabase().notice));
        QVERIFY(kb.userDatabase().notice.isEmpty());
        QCOMPARE(cell(kb, QStringLiteral("SELECT count(*) FROM user.user_rows")).toInt(), 0);
        QCOMPARE(cell(kb, QStringLiteral("PRAGMA user.journal_mode")).toString(), QStringLiteral("wal"));
        QCOMPARE(cell(kb, QStringLiteral("PRAGMA user.user_version")).toInt(), userdb::schemaVersion);
        // Merged views show exactly the shipped rows.
        auto shipped = KnowledgeBase::openEmbedded();
        QVERIFY(shipped.ok());
        QCOMPARE(kb.tableCounts(), shipped->tableCounts());
    }

    void roundTripThroughCsvIsIdentical()
    {
        KnowledgeBase kb = openWithUser(freshPath(QStringLiteral("roundtrip")));
        const QString first = m_dir.filePath(QStringLiteral("export1"));
        auto exported = kbexport::exportCsv(kb.database(), first);
        QVERIFY2(exported.ok(), qPrintable(exported.message()));
        QCOMPARE(exported->files, static_cast<int>(kb.tableCounts().size()));
        qint64 total = 0;
        for (const auto &[table, count] : kb.tableCounts())
            total += count;
        QCOMPARE(exported->rows, total);

        // One CSV per table, a header row of its columns, every fact with its source and quote, UTF-8.
        const QByteArray programmes = readAll(first + QStringLiteral("/programmes.csv"));
        QVERIFY(programmes.startsWith("id,name,kind,region_id,"));
        QVERIFY(programmes.left(programmes.indexOf('\n')).endsWith(",source_id,quote"));
        QVERIFY(programmes.contains("jp_rapidus_920,") &&
                programmes.contains("Japan is betting ¥920 billion on Rapidus"));
        QVERIFY(readAll(first + QStringLiteral("/citations.csv")).startsWith("id,table_name,row_id,source_id,quote\n"));
        QVERIFY(readAll(first + QStringLiteral("/sources.csv")).contains("reliability"));

        auto imported = userdb::importCsv(kb.database(), csvFilesIn(first));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(imported->added, 0);
        QCOMPARE(imported->changed, 0);
        QCOMPARE(imported->unchanged, total);

        const QString second = m_dir.filePath(QStringLiteral("export2"));
        QVERIFY(kbexport::exportCsv(kb.database(), second).ok());
        for (const QString &name : QDir(first).entryList(QDir::Files)) {
            QVERIFY2(readAll(first + u'/' + name) == readAll(second + u'/' + name), qPrintable(name));
            QVERIFY(!readAll(first + u'/' + name).isEmpty());
        }
    }

    void userRowsRoundTripToAnotherUserDatabase()
    {
        KnowledgeBase kb = openWithUser(freshPath(QStringLiteral("source")));
        QVERIFY(userdb::importCsv(kb.database(), csvFilesIn(importDir(QStringLiteral("valid")))).ok());
        const QString first = m_dir.filePath(QStringLiteral("withUser1"));
        QVERIFY(kbexport::exportCsv(kb.database(), first).ok());

        KnowledgeBase other = openWithUser(freshPath(QStringLiteral("target")));
        auto imported = userdb::importCsv(other.database(), csvFilesIn(first));
        QVERIFY2(imported.ok(), qPrintable(imported.message()));
        QCOMPARE(imported->added, 1);
        QCOMPARE(imported->changed, 1);
        const QString second = m_dir.filePath(QStringLiteral("withUser2"));
        QVERIFY(kbexport::exportCsv(other.database(), second).ok());
        QCOMPARE(readAll(second + QStringLiteral("/programmes.csv")),
                 readAll(first + QStringLiteral("/programmes.csv")));
        QVERIFY(readAll(first + QStringLiteral("/programmes.csv")).contains("user_test_fund"));
    }

    void userEditSurvivesReopening()
    {
        const QString path = freshPath(QStringLiteral("reopen"));
        const QString shippedStartYear =
            QStringLiteral("SELECT start_year FROM main.programmes WHERE id = 'jp_rapidus_920'");
        QVariant shippedBefore;
        {
            KnowledgeBase kb = openWithUser(path);
            shippedBefore = cell(kb, shippedStartYear);
            auto imported = userdb::importCsv(kb.database(), csvFilesIn(importDir(QStringLiteral("valid"))));
            QVERIFY2(imported.ok(), qPrintable(imported.message()));
            QCOMPARE(imported->added, 1);
            QCOMPARE(imported->changed, 1);
            QCOMPARE(imported->unchanged, 0);
        }
        KnowledgeBase kb = openWithUser(path);
        QVERIFY(kb.userDatabase().attached);
        QCOMPARE(cell(kb, QStringLiteral("SELECT start_year FROM programmes WHERE id = 'jp_rapidus_920'")).toInt(),
                 2023);
        QCOMPARE(
            cell(kb, QStringLiteral("SELECT amount_native FROM programmes WHERE id = 'user_test_fund'")).toDouble(),
            1e9);
        QCOMPARE(userdb::userRowKeys(kb.database(), QStringLiteral("programmes")),
                 (QSet<QString> {QStringLiteral("jp_rapidus_920"), QStringLiteral("user_test_fund")}));
        // The shipped row itself is untouched underneath.
        QCOMPARE(cell(kb, shippedStartYear), shippedBefore);
        QVERIFY(userdb::validate(kb.database()).isEmpty());

        // Importing the same file again changes nothing.
        auto again = userdb::importCsv(kb.database(), csvFilesIn(importDir(QStringLiteral("valid"))));
        QVERIFY(again.ok());
        QCOMPARE(again->unchanged, 2);
    }

    void malformedImportsAreRejectedWhole_data()
    {
        QTest::addColumn<QString>("dir");
        QTest::addColumn<QString>("message");

        QTest::newRow("wrong columns") << "wrong_columns"
                                       << "programmes.csv:1: column \"budget_size\" is not a column";
        QTest::newRow("bad number") << "bad_number"
                                    << "programmes.csv:3: cannot store TEXT value in REAL column";
        QTest::newRow("unknown ids") << "unknown_id"
                                     << "programmes.csv:3: refers to a";
        QTest::newRow("huge line") << "huge_line"
                                   << "programmes.csv:2: a field is longer than 4096 characters";
        QTest::newRow("invalid UTF-8") << "invalid_utf8"
                                       << "programmes.csv:2: the file is not valid UTF-8";
        QTest::newRow("ragged row") << "ragged_row"
                                    << "programmes.csv:3: expected 9 fields as in the header, found 4";
        QTest::newRow("missing quote column") << "missing_quote"
                                              << "required column \"quote\" is missing";
        QTest::newRow("unknown table") << "unknown_table"
                                       << "\"gadgets\" is not a table of the knowledge base";
        QTest::newRow("duplicate id") << "duplicate_id"
                                      << "programmes.csv:4: UNIQUE constraint failed";
        QTest::newRow("check constraint") << "bad_check"
                                          << "programmes.csv:2: CHECK constraint failed";
    }

    void malformedImportsAreRejectedWhole()
    {
        QFETCH(QString, dir);
        QFETCH(QString, message);
        KnowledgeBase kb = openWithUser(freshPath(QStringLiteral("bad-") + dir));
        auto result = userdb::importCsv(kb.database(), csvFilesIn(importDir(dir)));
        QVERIFY(!result.ok());
        QVERIFY2(result.message().contains(message), qPrintable(result.message()));
        QVERIFY2(result.message().contains(QStringLiteral("othing was imported")), qPrintable(result.message()));
        QCOMPARE(cell(kb, QStringLiteral("SELECT count(*) FROM user.user_rows")).toInt(), 0);
    }

    void hideAndRevert()
    {
        KnowledgeBase kb = openWithUser(freshPath(QStringLiteral("hide")));
        const QString count = QStringLiteral("SELECT count(*) FROM events WHERE id = 'rapidus_first_2nm_gaa'");
        QCOMPARE(cell(kb, count).toInt(), 1);
        // A region every company row refers to cannot go.
        const Status refused = userdb::hideRow(kb.database(), QStringLiteral("regions"), QStringLiteral("JP"));
        QVERIFY(!refused.ok());
        QVERIFY2(refused.message().contains(QStringLiteral("does not exist")), qPrintable(refused.message()));

        Status hidden =
            userdb::hideRow(kb.database(), QStringLiteral("events"), QStringLiteral("rapidus_first_2nm_gaa"));
        // The event may be a conflict member, which then refuses to lose it; both outcomes must leave a sound KB.
        if (hidden.ok()) {
            QCOMPARE(cell(kb, count).toInt(), 0);
            QVERIFY(userdb::revertRow(kb.database(), QStringLiteral("events"), QStringLiteral("rapidus_first_2nm_gaa"))
                        .ok());
            QCOMPARE(cell(kb, count).toInt(), 1);
        } else {
            QVERIFY2(hidden.message().contains(QStringLiteral("conflict")), qPrintable(hidden.message()));
        }
        QVERIFY(!userdb::revertRow(kb.database(), QStringLiteral("events"), QStringLiteral("nothing_here")).ok());
        QVERIFY(userdb::validate(kb.database()).isEmpty());
    }

    void corruptFileIsMovedAsideAndShippedKbStillOpens()
    {
        const QString path = freshPath(QStringLiteral("corrupt"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        const QByteArray garbage = "this is not a database, whatever the name says\n";
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(garbage);
        }
        KnowledgeBase kb = openWithUser(path);
        QVERIFY(kb.userDatabase().attached);
        QVERIFY2(kb.userDatabase().notice.contains(QStringLiteral("was damaged")),
                 qPrintable(kb.userDatabase().notice));
        QVERIFY(kb.userDatabase().notice.contains(QStringLiteral("moved to")));
        QCOMPARE(kb.regions().size(), 9);
        const QStringList aside =
            QDir(QFileInfo(path).absolutePath()).entryList({QStringLiteral("user.sqlite.corrupt-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
        QCOMPARE(readAll(QFileInfo(path).absolutePath() + u'/' + aside.first()), garbage);
    }

    void editThatNoLongerFitsIsReported()
    {
        // As if a newer shipped knowledge base had dropped region "XX" that the user's programme refers to.
        const QString path = freshPath(QStringLiteral("stale"));
        {
            KnowledgeBase kb = openWithUser(path);
            QVERIFY(kb.userDatabase().attached);
        }
        {
            auto db = SqliteDb::open(path, SqliteDb::Mode::ReadWrite);
            QVERIFY(db.ok());
            QVERIFY(
                db->exec(QStringLiteral(
                             "INSERT INTO user_rows (table_name, row_key, action, data) VALUES ('programmes', "
                             "'stale_fund', 'upsert', json_object('id', 'stale_fund', 'name', 'Stale fund', 'kind', "
                             "'subsidy', 'region_id', 'XX', 'source_id', 'seed003', 'quote', 'Japan is betting'))"))
                    .ok());
        }
        KnowledgeBase kb = openWithUser(path);
        QVERIFY(kb.userDatabase().attached);
        QVERIFY2(kb.userDatabase().notice.contains(QStringLiteral("no longer fit")),
                 qPrintable(kb.userDatabase().notice));
        const QStringList problems = userdb::validate(kb.database());
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().contains(QStringLiteral("regions")), qPrintable(problems.first()));
        // The edit is kept (never silently dropped) and can be reverted.
        QVERIFY(userdb::revertRow(kb.database(), QStringLiteral("programmes"), QStringLiteral("stale_fund")).ok());
        QVERIFY(userdb::validate(kb.database()).isEmpty());
    }

    void foreignDatabaseIsMovedAside()
    {
        const QString path = freshPath(QStringLiteral("foreign"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        {
            auto db = SqliteDb::open(path, SqliteDb::Mode::Create);
            QVERIFY(db.ok());
            QVERIFY(
                db->exec(QStringLiteral("CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('soup')")).ok());
        }
        KnowledgeBase kb = openWithUser(path);
        QVERIFY(kb.userDatabase().attached);
        QVERIFY2(kb.userDatabase().notice.contains(QStringLiteral("not a TechRace user database")),
                 qPrintable(kb.userDatabase().notice));
        const QStringList aside =
            QDir(QFileInfo(path).absolutePath()).entryList({QStringLiteral("user.sqlite.corrupt-*")}, QDir::Files);
        QCOMPARE(aside.size(), 1);
    }

    void newerSchemaIsLeftUntouched()
    {
        const QString path = freshPath(QStringLiteral("newer"));
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        {
            auto db = SqliteDb::open(path, SqliteDb::Mode::Create);
            QVERIFY(db.ok());
            QVERIFY(db->exec(QStringLiteral("CREATE TABLE user_rows (x); PRAGMA user_version = 99")).ok());
        }
        const QByteArray before = readAll(path);
        KnowledgeBase kb = openWithUser(path);
        QVERIFY(!kb.userDatabase().attached);
        QVERIFY2(kb.userDatabase().notice.contains(QStringLiteral("newer TechRace (schema version 99")),
                 qPrintable(kb.userDatabase().notice));
        QCOMPARE(readAll(path), before);
        QCOMPARE(kb.regions().size(), 9);
        auto refused = userdb::importCsv(kb.database(), csvFilesIn(importDir(QStringLiteral("valid"))));
        QVERIFY(!refused.ok());
        QVERIFY(refused.message().contains(QStringLiteral("No user database is open")));
    }

    void unwritableFolderGivesAMessage()
    {
        KnowledgeBase kb = openWithUser(QStringLiteral("/proc/techrace-cannot-be-here/user.sqlite"));
        QVERIFY(!kb.userDatabase().attached);
        QVERIFY2(kb.userDatabase().notice.contains(QStringLiteral("Cannot create the folder")),
                 qPrintable(kb.userDatabase().notice));
        QCOMPARE(kb.regions().size(), 9);
    }

    void exportToUnwritableFolderFails()
    {
        auto kb = KnowledgeBase::openEmbedded();
        QVERIFY(kb.ok());
        auto result = kbexport::exportCsv(kb->database(), QStringLiteral("/proc/techrace-export"));
        QVERIFY(!result.ok());
        QVERIFY2(result.message().contains(QStringLiteral("/proc/techrace-export")), qPrintable(result.message()));
    }

    void searchSeesUserRows()
    {
        KnowledgeBase kb = openWithUser(freshPath(QStringLiteral("search")));
        QVERIFY(userdb::importCsv(kb.database(), csvFilesIn(importDir(QStringLiteral("valid")))).ok());
        auto hits = kbsearch::search(kb.database(), QStringLiteral("fixture"));
        QVERIFY2(hits.ok(), qPrintable(hits.message()));
        QCOMPARE(hits->size(), 1);
        QCOMPARE(hits->first().rowId, QStringLiteral("user_test_fund"));
        QVERIFY(hits->first().userEdit);
        // The edited shipped row is found once, as the user's version.
        auto rapidus = kbsearch::search(kb.database(), QStringLiteral("Japanese government support for Rapidus"));
        QVERIFY(rapidus.ok());
        int versions = 0;
        for (const SearchHit &hit : rapidus.value()) {
            if (hit.rowId == QLatin1String("jp_rapidus_920")) {
                ++versions;
                QVERIFY(hit.userEdit);
            }
        }
        QCOMPARE(versions, 1);
    }
};

QTEST_GUILESS_MAIN(TestUserDatabase)
#include "tst_userdatabase.moc"
