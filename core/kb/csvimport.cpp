#include "kb/csvimport.h"

#include <QSet>

namespace techrace {

namespace {

struct ColumnInfo
{
    QString name;
    bool notNull = false;
    QString defaultExpression; // SQL text of the column's DEFAULT, empty if none
};

QList<ColumnInfo> columnInfo(const SqliteDb &db, const QString &table)
{
    QList<ColumnInfo> columns;
    auto stmt = db.prepare(QStringLiteral("SELECT name, \"notnull\", dflt_value FROM pragma_table_info(?)"));
    if (!stmt)
        return columns;
    stmt->bindText(1, table);
    while (stmt->step() == SqliteStatement::Step::Row)
        columns.append({stmt->text(0), stmt->integer(1) != 0, stmt->text(2)});
    return columns;
}

QString quoteIdentifier(const QString &name)
{
    QString escaped = name;
    escaped.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + escaped + u'"';
}

} // namespace

QStringList tableColumns(const SqliteDb &db, const QString &table)
{
    QStringList names;
    for (const ColumnInfo &c : columnInfo(db, table))
        names.append(c.name);
    return names;
}

Status importCsvTable(SqliteDb &db, const QString &table, const csv::Table &data, const QString &fileName,
                      RowOrigins *origins)
{
    const QList<ColumnInfo> columns = columnInfo(db, table);
    if (columns.isEmpty())
        return Status::failure(QStringLiteral("%1: there is no table \"%2\"").arg(fileName, table));

    QHash<QString, ColumnInfo> byName;
    for (const ColumnInfo &c : columns)
        byName.insert(c.name, c);
    // An empty field is NULL, or the column's DEFAULT where it has one, so the schema stays the one place for it.
    QStringList valueExpressions;
    for (const QString &header : data.header) {
        const auto it = byName.constFind(header);
        if (it == byName.constEnd())
            return Status::failure(
                QStringLiteral("%1:1: column \"%2\" is not a column of %3 (expected: %4)")
                    .arg(fileName, header, table, tableColumns(db, table).join(QStringLiteral(", "))));
        valueExpressions.append(it->defaultExpression.isEmpty()
                                    ? QStringLiteral("?")
                                    : QStringLiteral("COALESCE(?, %1)").arg(it->defaultExpression));
    }
    const QSet<QString> present(data.header.cbegin(), data.header.cend());
    for (const ColumnInfo &c : columns) {
        // An INTEGER PRIMARY KEY may be left to SQLite; every other required column must be there.
        if (c.notNull && c.defaultExpression.isEmpty() && !present.contains(c.name))
            return Status::failure(QStringLiteral("%1:1: required column \"%2\" is missing").arg(fileName, c.name));
    }

    QStringList quoted;
    for (const QString &header : data.header)
        quoted.append(quoteIdentifier(header));
    auto insert = db.prepare(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                 .arg(quoteIdentifier(table), quoted.join(u','), valueExpressions.join(u',')));
    if (!insert)
        return Status::failure(QStringLiteral("%1: %2").arg(fileName, insert.message()));

    auto rowId = db.prepare(QStringLiteral("SELECT last_insert_rowid()"));
    for (const csv::Record &record : data.records) {
        insert->reset();
        for (qsizetype i = 0; i < record.fields.size(); ++i) {
            const QString &field = record.fields.at(i);
            const int index = static_cast<int>(i) + 1;
            if (field.isEmpty())
                insert->bindNull(index);
            else
                insert->bindText(index, field);
        }
        if (auto status = insert->run(); !status)
            return Status::failure(QStringLiteral("%1:%2: %3").arg(fileName).arg(record.line).arg(status.message()));
        if (origins && rowId) {
            rowId->reset();
            if (rowId->step() == SqliteStatement::Step::Row)
                (*origins)[table].insert(rowId->integer(0), QStringLiteral("%1:%2").arg(fileName).arg(record.line));
        }
    }
    return {};
}

} // namespace techrace
