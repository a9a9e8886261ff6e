#pragma once

#include <QList>
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
/** A column as SQLite declares it: name, upper-case type, DEFAULT expression (empty when none). */
struct Column
{
    QString name;
    QString type;
    QString defaultExpression;
};
/** The columns of a table in declaration order. */
QList<Column> columns(const SqliteDb &db, const QString &table);
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
/**
 * SQL naming the row a (table, id) pair points at, as claims do with subject_table/subject_id: that row's name
 * or title, or the id itself when it has none.
 */
QString referencedNameExpression(const SqliteDb &db, const QString &tableColumn, const QString &idColumn);
/** Separator of the parts of a composite key in keyExpression(). */
inline constexpr QChar keySeparator = u'/';

} // namespace kbschema
} // namespace techrace
