#include "kb/kbschema.h"

#include "kb/sqlitedb.h"

namespace techrace::kbschema {

QStringList dataTables(const SqliteDb &db)
{
    QStringList tables;
    // Virtual tables (the FTS index) and their shadow tables are not data.
    auto stmt = db.prepare(QStringLiteral(
        "SELECT s.name FROM main.sqlite_schema s JOIN pragma_table_list l ON l.name = s.name AND l.schema = 'main' "
        "WHERE s.type = 'table' AND l.type = 'table' AND s.name NOT LIKE 'sqlite_%' ORDER BY s.rowid"));
    if (stmt) {
        while (stmt->step() == SqliteStatement::Step::Row)
            tables.append(stmt->text(0));
    }
    return tables;
}

QList<Column> columns(const SqliteDb &db, const QString &table)
{
    QList<Column> result;
    auto stmt = db.prepare(QStringLiteral("SELECT name, upper(type), dflt_value FROM pragma_table_info(?1, 'main')"));
    if (stmt) {
        stmt->bindText(1, table);
        while (stmt->step() == SqliteStatement::Step::Row)
            result.append({stmt->text(0), stmt->text(1), stmt->text(2)});
    }
    return result;
}

QStringList primaryKeyColumns(const SqliteDb &db, const QString &table)
{
    QStringList columns;
    auto stmt = db.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?1, 'main') WHERE pk > 0 ORDER BY pk"));
    if (stmt) {
        stmt->bindText(1, table);
        while (stmt->step() == SqliteStatement::Step::Row)
            columns.append(stmt->text(0));
    }
    return columns;
}

bool hasIntegerKey(const SqliteDb &db, const QString &table)
{
    auto stmt = db.prepare(QStringLiteral("SELECT count(*) = 1 AND max(upper(type)) = 'INTEGER' "
                                          "FROM pragma_table_info(?1, 'main') WHERE pk > 0"));
    if (!stmt)
        return false;
    stmt->bindText(1, table);
    return stmt->step() == SqliteStatement::Step::Row && stmt->integer(0) != 0;
}

QString quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

QString quoteLiteral(const QString &text)
{
    QString escaped = text;
    escaped.replace(QStringLiteral("'"), QStringLiteral("''"));
    return u'\'' + escaped + u'\'';
}

QString keyExpression(const QStringList &keyColumns, const QString &prefix)
{
    QStringList parts;
    for (const QString &column : keyColumns)
        parts.append(QStringLiteral("CAST(%1%2 AS TEXT)").arg(prefix, quoteIdentifier(column)));
    return parts.join(QStringLiteral(" || '%1' || ").arg(keySeparator));
}

QString referencedNameExpression(const SqliteDb &db, const QString &tableColumn, const QString &idColumn)
{
    QString cases;
    for (const QString &table : dataTables(db)) {
        auto stmt = db.prepare(QStringLiteral("SELECT name FROM pragma_table_info(?1, 'main') WHERE name IN "
                                              "('name', 'title') ORDER BY name"));
        if (!stmt)
            continue;
        stmt->bindText(1, table);
        if (stmt->step() != SqliteStatement::Step::Row ||
            primaryKeyColumns(db, table) != QStringList {QStringLiteral("id")})
            continue;
        cases += QStringLiteral(" WHEN %1 THEN (SELECT x.%2 FROM %3 x WHERE x.id = %4)")
                     .arg(quoteLiteral(table), quoteIdentifier(stmt->text(0)), quoteIdentifier(table), idColumn);
    }
    return QStringLiteral("coalesce(CASE %1%2 END, %3)").arg(tableColumn, cases, idColumn);
}

} // namespace techrace::kbschema
