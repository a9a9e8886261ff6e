#include "kb/userdatabase.h"

#include "kb/csv.h"
#include "kb/csvimport.h"
#include "kb/integrity.h"
#include "kb/kbschema.h"
#include "kb/kbsearch.h"
#include "kb/sqlitedb.h"
#include "logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace techrace::userdb {

namespace {

using kbschema::Column;
using kbschema::columns;
using kbschema::quoteIdentifier;
using kbschema::quoteLiteral;

constexpr int maxReportedProblems = 20;

/** Each step takes the database from version index to index + 1; run in one BEGIN IMMEDIATE transaction. */
const char *const migrations[] = {
    // 0 -> 1: one row per (table, key) the user added, edited or hid; `data` is the whole row as a JSON object.
    "CREATE TABLE user_rows ("
    "  table_name TEXT NOT NULL,"
    "  row_key    TEXT NOT NULL,"
    "  action     TEXT NOT NULL CHECK (action IN ('upsert', 'hide')),"
    "  data       TEXT CHECK (action = 'hide' OR json_valid(data)),"
    "  origin     TEXT NOT NULL DEFAULT '',"
    "  modified   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),"
    "  PRIMARY KEY (table_name, row_key)"
    ") STRICT;",
};
static_assert(std::size(migrations) == schemaVersion);

QString columnList(const QList<Column> &cols, const QString &prefix = {})
{
    QStringList names;
    for (const Column &c : cols)
        names.append(prefix + quoteIdentifier(c.name));
    return names.join(QStringLiteral(", "));
}

/** The user's rows of `table` as a SELECT with the table's columns; a column the JSON lacks takes its default. */
QString userRowsSelect(const SqliteDb &db, const QString &table)
{
    QStringList values;
    for (const Column &c : columns(db, table)) {
        const QString extracted = QStringLiteral("json_extract(u.data, %1)").arg(quoteLiteral(u"$." + c.name));
        values.append((c.defaultExpression.isEmpty()
                           ? extracted
                           : QStringLiteral("coalesce(%1, %2)").arg(extracted, c.defaultExpression)) +
                      QStringLiteral(" AS ") + quoteIdentifier(c.name));
    }
    return QStringLiteral("SELECT %1 FROM user.user_rows u WHERE u.table_name = %2 AND u.action = 'upsert'")
        .arg(values.join(QStringLiteral(", ")), quoteLiteral(table));
}

/** The row as a JSON object (SQLite's own), to store and to compare versions with. */
QString jsonObjectExpression(const SqliteDb &db, const QString &table, const QString &prefix)
{
    QStringList pairs;
    for (const Column &c : columns(db, table))
        pairs.append(quoteLiteral(c.name) + QStringLiteral(", ") + prefix + quoteIdentifier(c.name));
    return QStringLiteral("json_object(%1)").arg(pairs.join(QStringLiteral(", ")));
}

QString userKeysOf(const QString &table)
{
    return QStringLiteral("SELECT row_key FROM user.user_rows WHERE table_name = %1").arg(quoteLiteral(table));
}

Status refreshLayer(SqliteDb &db)
{
    for (const QString &table : kbschema::dataTables(db)) {
        const QString keySql = kbschema::keyExpression(kbschema::primaryKeyColumns(db, table), QStringLiteral("s."));
        const QList<Column> cols = columns(db, table);
        const QString sql = QStringLiteral("DROP VIEW IF EXISTS temp.%1; CREATE TEMP VIEW %1 AS SELECT %2 FROM main.%1 "
                                           "s WHERE %3 NOT IN (%4) UNION ALL %5")
                                .arg(quoteIdentifier(table), columnList(cols, QStringLiteral("s.")), keySql,
                                     userKeysOf(table), userRowsSelect(db, table));
        if (auto s = db.exec(sql); !s)
            return Status::failure(
                QStringLiteral("Cannot layer the user database over %1: %2").arg(table, s.message()));
    }
    return kbsearch::buildIndex(db, QStringLiteral("temp"), QString::fromLatin1(kbsearch::userIndex), true);
}

QString attachedPath(const SqliteDb &db)
{
    auto path = db.scalar(QStringLiteral("SELECT file FROM pragma_database_list WHERE name = 'user'"));
    return path ? path->toString() : QString();
}

Status attachFile(SqliteDb &db, const QString &path)
{
    auto attach = db.prepare(QStringLiteral("ATTACH DATABASE ?1 AS user"));
    if (!attach)
        return attach.status();
    attach->bindText(1, path);
    return attach->run();
}

/** Moves a damaged file (and its WAL) aside under a dated name; returns where it went. */
Expected<QString> moveAside(const QString &path)
{
    const QString aside = path + QStringLiteral(".corrupt-") +
        QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    if (!QFile::rename(path, aside))
        return Status::failure(QStringLiteral("cannot move %1 aside").arg(path));
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        if (QFile::exists(path + suffix))
            QFile::rename(path + suffix, aside + suffix);
    }
    return aside;
}

/** Why `path` cannot be used as a user database, or an empty string when it can. */
QString damage(const QString &path)
{
    auto probe = SqliteDb::open(path, SqliteDb::Mode::ReadWrite);
    if (!probe)
        return probe.message();
    auto check = probe->scalar(QStringLiteral("PRAGMA quick_check"));
    if (!check)
        return check.message();
    if (check->toString() != QLatin1String("ok"))
        return QStringLiteral("integrity check failed: %1").arg(check->toString());
    // Version 0 is a new, empty file; anything else must hold our table.
    auto tables = probe->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema"));
    auto ours = probe->scalar(QStringLiteral("SELECT count(*) FROM sqlite_schema WHERE name = 'user_rows'"));
    const bool empty = tables && tables->toInt() == 0 && probe->userVersion() == 0;
    if (!empty && (!ours || ours->toInt() != 1))
        return QStringLiteral("it is not a TechRace user database");
    return {};
}

Status migrate(const QString &path)
{
    auto db = SqliteDb::open(path, SqliteDb::Mode::Create);
    if (!db)
        return db.status();
    const int version = db->userVersion();
    if (version > schemaVersion)
        return Status::failure(
            QStringLiteral("Your user database %1 was written by a newer TechRace (schema version %2; this one knows "
                           "%3). It is left untouched and your own edits are not shown; update TechRace to use them.")
                .arg(path)
                .arg(version)
                .arg(schemaVersion));
    if (version > 0 && version < schemaVersion) {
        const QString backup = path + QStringLiteral(".v%1.bak").arg(version);
        QFile::remove(backup);
        auto vacuum = db->prepare(QStringLiteral("VACUUM INTO ?1"));
        if (!vacuum)
            return vacuum.status();
        vacuum->bindText(1, backup);
        if (auto s = vacuum->run(); !s)
            return Status::failure(QStringLiteral("Cannot back up %1 before upgrading it: %2").arg(path, s.message()));
        qCInfo(lcKb) << "backed up user database to" << backup;
    }
    for (int step = version; step < schemaVersion; ++step) {
        const Status s = [&]() -> Status {
            if (auto begin = db->exec(QStringLiteral("BEGIN IMMEDIATE")); !begin)
                return begin;
            if (auto run = db->exec(QString::fromUtf8(migrations[step])); !run)
                return run;
            if (auto set = db->exec(QStringLiteral("PRAGMA user_version = %1").arg(step + 1)); !set)
                return set;
            return db->exec(QStringLiteral("COMMIT"));
        }();
        if (!s) {
            (void)db->exec(QStringLiteral("ROLLBACK"));
            return Status::failure(
                QStringLiteral("Cannot upgrade %1 to version %2: %3").arg(path).arg(step + 1).arg(s.message()));
        }
    }
    // WAL: a crash mid-write never loses committed edits; the setting stays with the file.
    if (auto wal = db->exec(QStringLiteral("PRAGMA journal_mode = WAL")); !wal)
        return wal;
    return {};
}

/**
 * A writable in-memory copy of the shipped knowledge base with the user's rows applied, except `skip` (keys
 * "table\x1fkey"): the place every change is tried before it is committed.
 */
Expected<SqliteDb> scratchCopy(const SqliteDb &db, const QSet<QString> &skip = {})
{
    auto image = db.serialize(QStringLiteral("main"));
    if (!image)
        return image.status();
    auto scratch = SqliteDb::openWritableImage(image.value());
    if (!scratch)
        return scratch.status();
    // Foreign keys are checked once all changes are in (as the compiler does), so their order does not matter.
    if (auto s = scratch->exec(QStringLiteral("PRAGMA foreign_keys = OFF")); !s)
        return s;
    // The index is not needed to validate, and dropping it keeps the copy's writes cheap.
    (void)scratch->exec(QStringLiteral("DROP TABLE IF EXISTS %1").arg(QString::fromLatin1(kbsearch::shippedIndex)));
    if (auto s = attachFile(scratch.value(), attachedPath(db)); !s)
        return s;
    for (const QString &table : kbschema::dataTables(scratch.value())) {
        const QString keySql = kbschema::keyExpression(kbschema::primaryKeyColumns(scratch.value(), table));
        QString skippedKeys;
        QString skippedRows;
        for (const QString &entry : skip) {
            if (entry.section(QChar(31), 0, 0) != table)
                continue;
            const QString key = quoteLiteral(entry.section(QChar(31), 1));
            skippedKeys += QStringLiteral(" AND row_key <> ") + key;
            skippedRows += QStringLiteral(" AND %1 <> %2").arg(keySql, key);
        }
        const QString cols = columnList(columns(scratch.value(), table));
        const QString sql = QStringLiteral("DELETE FROM main.%1 WHERE %2 IN (%3%4); INSERT INTO main.%1 (%5) "
                                           "SELECT * FROM (%6) WHERE 1%7")
                                .arg(quoteIdentifier(table), keySql, userKeysOf(table), skippedKeys, cols,
                                     userRowsSelect(scratch.value(), table), skippedRows);
        if (auto s = scratch->exec(sql); !s)
            return Status::failure(
                QStringLiteral("Your saved edits of %1 no longer fit the knowledge base: %2").arg(table, s.message()));
    }
    (void)scratch->exec(QStringLiteral("DETACH DATABASE user"));
    return scratch;
}

Status problemsStatus(const QStringList &problems, const QString &what)
{
    if (problems.isEmpty())
        return {};
    QStringList shown = problems.mid(0, maxReportedProblems);
    if (problems.size() > maxReportedProblems)
        shown.append(QStringLiteral("… and %1 more").arg(problems.size() - maxReportedProblems));
    return Status::failure(QStringLiteral("%1 problem(s); %2:\n%3").arg(problems.size()).arg(what, shown.join(u'\n')));
}

struct Change
{
    QString table;
    QString key;
    QString action; // upsert, hide, or revert (drop the user's row)
    QString data; // JSON for upsert
    QString origin;
};

/** Commits `changes` through a connection of its own (the knowledge base's connection also holds the read-only
 * shipped tables), then refreshes the layer so `db` shows them. */
Status writeChanges(SqliteDb &db, const QList<Change> &changes)
{
    if (changes.isEmpty())
        return {};
    const QString path = attachedPath(db);
    auto writer = SqliteDb::open(path, SqliteDb::Mode::ReadWrite);
    if (!writer)
        return writer.status();
    auto upsert = writer->prepare(
        QStringLiteral("INSERT INTO user_rows (table_name, row_key, action, data, origin) VALUES (?1, ?2, ?3, ?4, "
                       "?5) ON CONFLICT (table_name, row_key) DO UPDATE SET action = excluded.action, data = "
                       "excluded.data, origin = excluded.origin, modified = excluded.modified"));
    auto remove = writer->prepare(QStringLiteral("DELETE FROM user_rows WHERE table_name = ?1 AND row_key = ?2"));
    if (!upsert || !remove)
        return Status::failure(upsert ? remove.message() : upsert.message());
    if (auto s = writer->exec(QStringLiteral("BEGIN IMMEDIATE")); !s)
        return Status::failure(QStringLiteral("Cannot write to %1: %2").arg(path, s.message()));
    for (const Change &change : changes) {
        const bool revert = change.action == QLatin1String("revert");
        SqliteStatement &stmt = revert ? remove.value() : upsert.value();
        stmt.reset();
        stmt.bindText(1, change.table);
        stmt.bindText(2, change.key);
        if (!revert) {
            stmt.bindText(3, change.action);
            if (change.data.isEmpty())
                stmt.bindNull(4);
            else
                stmt.bindText(4, change.data);
            stmt.bindText(5, change.origin);
        }
        if (auto s = stmt.run(); !s) {
            (void)writer->exec(QStringLiteral("ROLLBACK"));
            return Status::failure(QStringLiteral("Cannot write to %1: %2").arg(path, s.message()));
        }
    }
    if (auto s = writer->exec(QStringLiteral("COMMIT")); !s) {
        (void)writer->exec(QStringLiteral("ROLLBACK"));
        return Status::failure(QStringLiteral("Cannot write to %1: %2").arg(path, s.message()));
    }
    return refreshLayer(db);
}

Status requireAttached(const SqliteDb &db)
{
    if (isAttached(db))
        return {};
    return Status::failure(QStringLiteral("No user database is open (it was disabled with --no-user-db, or could not "
                                          "be opened), so there is nowhere to keep changes."));
}

/** Reads the rows of one table as JSON, by key or by rowid, through statements prepared once. */
class RowReader
{
public:
    RowReader(const SqliteDb &db, const QString &schema, const QString &table)
        : m_byKey(prepare(db, schema, table, QStringLiteral("SELECT %1 FROM %2 t WHERE %3 = ?1")))
        , m_byRowid(prepare(db, schema, table, QStringLiteral("SELECT %3, %1 FROM %2 t WHERE rowid = ?1")))
    { }

    /** The row with `key` as JSON, or a null string. */
    QString json(const QString &key)
    {
        if (!m_byKey)
            return {};
        m_byKey->reset();
        m_byKey->bindText(1, key);
        return m_byKey->step() == SqliteStatement::Step::Row ? m_byKey->text(0) : QString();
    }

    /** The key and JSON of the row at `rowid` (tables only; views have no rowid). */
    std::optional<std::pair<QString, QString>> at(qint64 rowid)
    {
        if (!m_byRowid)
            return std::nullopt;
        m_byRowid->reset();
        m_byRowid->bind(1, rowid);
        if (m_byRowid->step() != SqliteStatement::Step::Row)
            return std::nullopt;
        return std::make_pair(m_byRowid->text(0), m_byRowid->text(1));
    }

private:
    static Expected<SqliteStatement> prepare(const SqliteDb &db, const QString &schema, const QString &table,
                                             const QString &pattern)
    {
        return db.prepare(
            pattern.arg(jsonObjectExpression(db, table, QStringLiteral("t.")), schema + u'.' + quoteIdentifier(table),
                        kbschema::keyExpression(kbschema::primaryKeyColumns(db, table), QStringLiteral("t."))));
    }

    Expected<SqliteStatement> m_byKey;
    Expected<SqliteStatement> m_byRowid;
};

/** The row of `table` with `key` in schema `schema` of `db` as JSON, or a null string. */
QString rowJson(const SqliteDb &db, const QString &schema, const QString &table, const QString &key)
{
    return RowReader(db, schema, table).json(key);
}

/** Loads one CSV into the scratch copy, replacing rows with the same key; `origins` learns each row's line. */
Status loadInput(const SqliteDb &db, SqliteDb &scratch, const CsvInput &input, RowOrigins &origins)
{
    const QStringList tables = kbschema::dataTables(db);
    const QString table = input.table.isEmpty() ? QFileInfo(input.fileName).completeBaseName() : input.table;
    if (!tables.contains(table))
        return Status::failure(QStringLiteral("%1: \"%2\" is not a table of the knowledge base (name the file after "
                                              "one of: %3)")
                                   .arg(input.fileName, table, tables.join(QStringLiteral(", "))));
    auto parsed = csv::parse(input.bytes, input.fileName);
    if (!parsed)
        return parsed.status();
    // A row with the key of an existing one replaces it.
    const QStringList keyColumns = kbschema::primaryKeyColumns(db, table);
    QList<qsizetype> keyFields;
    for (const QString &column : keyColumns)
        keyFields.append(parsed->header.indexOf(column));
    if (keyFields.contains(-1) && !kbschema::hasIntegerKey(db, table))
        return Status::failure(QStringLiteral("%1:1: the header must name the key column(s) %2")
                                   .arg(input.fileName, keyColumns.join(QStringLiteral(", "))));
    if (!keyFields.contains(-1)) {
        auto remove = scratch.prepare(QStringLiteral("DELETE FROM main.%1 WHERE %2 = ?1")
                                          .arg(quoteIdentifier(table), kbschema::keyExpression(keyColumns)));
        if (!remove)
            return remove.status();
        for (const csv::Record &record : parsed->records) {
            QStringList parts;
            for (qsizetype field : keyFields)
                parts.append(record.fields.at(field));
            remove->reset();
            remove->bindText(1, parts.join(kbschema::keySeparator));
            if (auto s = remove->run(); !s)
                return s;
        }
    }
    if (auto s = importCsvTable(scratch, table, parsed.value(), input.fileName, &origins); !s)
        return s;
    return {};
}

bool hasUserRows(const SqliteDb &db)
{
    auto any = db.scalar(QStringLiteral("SELECT EXISTS (SELECT 1 FROM user.user_rows)"));
    return any && any->toInt() != 0;
}

} // namespace

QString defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/user.sqlite");
}

bool isAttached(const SqliteDb &db)
{
    return !attachedPath(db).isEmpty();
}

AttachResult attach(SqliteDb &db, const QString &path)
{
    AttachResult result;
    result.path = path;
    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath())) {
        result.notice = QStringLiteral("Cannot create the folder %1 for your user database; your own edits are off.")
                            .arg(info.absolutePath());
        return result;
    }
    if (info.exists()) {
        if (const QString why = damage(path); !why.isEmpty()) {
            auto aside = moveAside(path);
            if (!aside) {
                result.notice = QStringLiteral("Your user database %1 is damaged (%2) and %3; your own edits are off.")
                                    .arg(path, why, aside.message());
                return result;
            }
            result.notice = QStringLiteral("Your user database was damaged (%1). It was moved to %2 and a new, empty "
                                           "one started; the shipped knowledge base is unaffected.")
                                .arg(why, aside.value());
        }
    }
    if (auto s = migrate(path); !s) {
        result.notice = s.message();
        return result;
    }
    if (auto s = attachFile(db, path); !s) {
        result.notice = QStringLiteral("Cannot open your user database %1: %2").arg(path, s.message());
        return result;
    }
    if (auto s = refreshLayer(db); !s) {
        (void)db.exec(QStringLiteral("DETACH DATABASE user"));
        result.notice = s.message();
        return result;
    }
    result.attached = true;
    qCDebug(lcKb) << "user database" << path << "attached";
    // A newer shipped knowledge base may have dropped or changed what an edit relies on: say so, keep the edit.
    if (hasUserRows(db)) {
        if (const QStringList problems = validate(db); !problems.isEmpty()) {
            const QString before = result.notice.isEmpty() ? QString() : result.notice + u' ';
            result.notice = before +
                QStringLiteral("%1 problem(s) with your edits: they no longer fit the knowledge base (first: %2); "
                               "run `techrace kb check` for the list, then correct or revert them.")
                    .arg(problems.size())
                    .arg(problems.first());
        }
    }
    return result;
}

Expected<ImportSummary> importCsv(SqliteDb &db, const QList<CsvInput> &inputs)
{
    if (auto s = requireAttached(db); !s)
        return s;
    auto scratch = scratchCopy(db);
    if (!scratch)
        return scratch.status();
    RowOrigins origins;
    for (const CsvInput &input : inputs) {
        if (auto s = loadInput(db, scratch.value(), input, origins); !s)
            return Status::failure(s.message() + QStringLiteral("\nNothing was imported."));
    }
    if (auto s = problemsStatus(checkIntegrity(scratch.value(), origins), QStringLiteral("nothing was imported")); !s)
        return s;

    ImportSummary summary;
    QList<Change> changes;
    for (auto table = origins.cbegin(); table != origins.cend(); ++table) {
        const QSet<QString> userKeys =
            userRowKeys(db, table.key()) + userRowKeys(db, table.key(), QStringLiteral("hide"));
        RowReader imported(scratch.value(), QStringLiteral("main"), table.key());
        RowReader shippedRows(db, QStringLiteral("main"), table.key());
        RowReader currentRows(db, QStringLiteral("temp"), table.key());
        for (auto row = table->cbegin(); row != table->cend(); ++row) {
            const auto keyAndJson = imported.at(row.key());
            if (!keyAndJson)
                continue;
            const auto &[key, json] = *keyAndJson;
            const QString shipped = shippedRows.json(key);
            const bool hadUserRow = userKeys.contains(key);
            if (json == shipped) {
                if (hadUserRow) {
                    changes.append({table.key(), key, QStringLiteral("revert"), {}, row.value()});
                    ++summary.changed;
                } else {
                    ++summary.unchanged;
                }
                continue;
            }
            if (hadUserRow && currentRows.json(key) == json) {
                ++summary.unchanged;
                continue;
            }
            changes.append({table.key(), key, QStringLiteral("upsert"), json, row.value()});
            ++(shipped.isNull() && !hadUserRow ? summary.added : summary.changed);
        }
    }
    if (auto s = writeChanges(db, changes); !s)
        return s;
    return summary;
}

Status hideRow(SqliteDb &db, const QString &table, const QString &key)
{
    if (auto s = requireAttached(db); !s)
        return s;
    if (rowJson(db, QStringLiteral("temp"), table, key).isNull())
        return Status::failure(QStringLiteral("There is no %1 row \"%2\"").arg(table, key));
    auto scratch = scratchCopy(db);
    if (!scratch)
        return scratch.status();
    auto remove = scratch->prepare(
        QStringLiteral("DELETE FROM main.%1 WHERE %2 = ?1")
            .arg(quoteIdentifier(table), kbschema::keyExpression(kbschema::primaryKeyColumns(db, table))));
    if (!remove)
        return remove.status();
    remove->bindText(1, key);
    if (auto s = remove->run(); !s)
        return s;
    if (auto s = problemsStatus(checkIntegrity(scratch.value()), QStringLiteral("the row stays")); !s)
        return s;
    const bool shipped = !rowJson(db, QStringLiteral("main"), table, key).isNull();
    return writeChanges(db, {{table, key, shipped ? QStringLiteral("hide") : QStringLiteral("revert"), {}, {}}});
}

Status revertRow(SqliteDb &db, const QString &table, const QString &key)
{
    if (auto s = requireAttached(db); !s)
        return s;
    const QString entry = table + QChar(31) + key;
    if (!userRowKeys(db, table).contains(key) && !userRowKeys(db, table, QStringLiteral("hide")).contains(key))
        return Status::failure(QStringLiteral("You have no edit of %1 row \"%2\" to revert").arg(table, key));
    auto scratch = scratchCopy(db, {entry});
    if (!scratch)
        return scratch.status();
    if (auto s = problemsStatus(checkIntegrity(scratch.value()), QStringLiteral("your edit stays")); !s)
        return s;
    return writeChanges(db, {{table, key, QStringLiteral("revert"), {}, {}}});
}

QSet<QString> userRowKeys(const SqliteDb &db, const QString &table, const QString &action)
{
    QSet<QString> keys;
    if (!isAttached(db))
        return keys;
    auto stmt = db.prepare(QStringLiteral("SELECT row_key FROM user.user_rows WHERE table_name = ?1 AND action = ?2"));
    if (!stmt)
        return keys;
    stmt->bindText(1, table);
    stmt->bindText(2, action);
    while (stmt->step() == SqliteStatement::Step::Row)
        keys.insert(stmt->text(0));
    return keys;
}

QStringList validate(const SqliteDb &db)
{
    if (!isAttached(db))
        return checkIntegrity(db);
    auto scratch = scratchCopy(db);
    if (!scratch)
        return {scratch.message()};
    return checkIntegrity(scratch.value());
}

} // namespace techrace::userdb
