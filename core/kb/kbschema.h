#pragma once

#include <QString>
#include <QStringList>

namespace techrace {

class SqliteDb;

/**
 * What generic code (search index, user layer, export) needs to know about the knowledge base's tables, read from
 * the database itself so that a new table or column in schema.sql needs no code change.
 */
namespace kbschema {

/** The tables schema.sql declares, in creation order: no FTS index, no SQLite internals. */
QStringList dataTables(const SqliteDb &db);
/** The primary-key columns of `table`, in key order. */
QStringList primaryKeyColumns(const SqliteDb &db, const QString &table);
/** True when `column` of `table` is declared INTEGER PRIMARY KEY (SQLite may assign it). */
bool hasIntegerKey(const SqliteDb &db, const QString &table);
/** `"name"` with embedded quotes doubled. */
QString quoteIdentifier(const QString &name);
/** `'text'` with embedded quotes doubled. */
QString quoteLiteral(const QString &text);
/**
 * SQL text of a row's key as one string, `prefix` qualifying each column (e.g. "t."): the id for most tables,
 * "a/b" for composite keys such as company_roles (company_id/role).
 */
QString keyExpression(const QStringList &keyColumns, const QString &prefix = {});
/** Separator of the parts of a composite key in keyExpression(). */
inline constexpr QChar keySeparator = u'/';

} // namespace kbschema
} // namespace techrace
