#pragma once

#include "kb/csv.h"
#include "kb/sqlitedb.h"
#include "status.h"

#include <QHash>
#include <QString>

namespace techrace {

/** Where each inserted row came from, so later checks (foreign keys) can name the file and line. */
using RowOrigins = QHash<QString, QHash<qint64, QString>>; // table -> rowid -> "file:line"

/**
 * Loads one CSV table into an existing table of the same name. The header must name columns of that table and
 * every required column; an empty field is NULL (or the column's default for NOT NULL columns that have one).
 * A row SQLite rejects (CHECK, type, uniqueness) fails the import with the file, line and reason. The caller owns
 * the transaction, so a failure leaves nothing half-imported.
 */
Status importCsvTable(SqliteDb &db, const QString &table, const csv::Table &data, const QString &fileName,
                      RowOrigins *origins = nullptr);

/** Names of the columns of `table`, in declaration order; empty if there is no such table. */
QStringList tableColumns(const SqliteDb &db, const QString &table);

} // namespace techrace
