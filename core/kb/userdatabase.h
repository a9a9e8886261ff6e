#pragma once

#include "status.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QString>

namespace techrace {

class SqliteDb;

/**
 * The user's own additions, corrections and hidings, kept in a SQLite file of their own (WAL, schema version in
 * PRAGMA user_version) and layered over the read-only shipped knowledge base: the file is ATTACHed as schema "user"
 * and TEMP views named after each table merge the two, so every query of the app sees the user's version of a row.
 * A row is stored as JSON keyed by (table, key), so it survives upgrades of the shipped knowledge base.
 * Every change is validated on a scratch copy of the shipped knowledge base with the same CHECKs, foreign keys and
 * citation rules before it is committed.
 */
namespace userdb {

/** The user database schema this build reads and writes. */
inline constexpr int schemaVersion = 1;

/** user.sqlite in the application's data folder ($XDG_DATA_HOME/TechRace/techrace on Linux). */
QString defaultPath();

/** How opening the user database went. `notice` is for the user: set when something needs their attention. */
struct AttachResult
{
    bool attached = false;
    QString path;
    QString notice;
};

/**
 * Opens (creating, migrating after a backup) the user database at `path` and layers it over `db`. Never fails the
 * knowledge base: a newer schema is left untouched and not attached; a corrupt file is moved aside (never deleted)
 * and a fresh one started; in both cases `notice` says so.
 */
AttachResult attach(SqliteDb &db, const QString &path);

/** True when a user database is attached to `db`. */
bool isAttached(const SqliteDb &db);

/** One CSV to import: its name for messages, its bytes, and the table it fills (empty: the file's base name). */
struct CsvInput
{
    QString fileName;
    QByteArray bytes;
    QString table;
};

struct ImportSummary
{
    int added = 0; // rows the shipped knowledge base does not have
    int changed = 0; // rows that now differ from before (or went back to the shipped version)
    int unchanged = 0; // rows identical to what is already there
};

/**
 * Imports CSV files (header row = column names of the table) into the user database, all or nothing. A row that
 * breaks a rule fails the whole import with "file:line: reason".
 */
Expected<ImportSummary> importCsv(SqliteDb &db, const QList<CsvInput> &inputs);

/** Hides a shipped row (or drops a user-added one); refused if other rows still refer to it. */
Status hideRow(SqliteDb &db, const QString &table, const QString &key);
/** Drops the user's version of a row, so the shipped one (if any) shows again. */
Status revertRow(SqliteDb &db, const QString &table, const QString &key);

/** Keys of the rows of `table` the user added or edited ("upsert"), or hid ("hide"). */
QSet<QString> userRowKeys(const SqliteDb &db, const QString &table, const QString &action = QStringLiteral("upsert"));

/** Checks the merged knowledge base (shipped + user rows) with every rule of the shipped one; one line per problem. */
QStringList validate(const SqliteDb &db);

} // namespace userdb
} // namespace techrace
