#include "kb/integrity.h"

#include "kb/sqlitedb.h"

namespace techrace {

namespace {

void appendQueryProblems(const SqliteDb &db, const QString &sql, QStringList &problems)
{
    auto stmt = db.prepare(sql);
    if (!stmt) {
        problems.append(QStringLiteral("integrity query failed: %1").arg(stmt.message()));
        return;
    }
    while (stmt->step() == SqliteStatement::Step::Row)
        problems.append(stmt->text(0));
}

/** SQL that lists rows of `referrer` whose (table column, id column) points at nothing. */
QString danglingReferences(const QString &referrer, const QString &tableColumn, const QString &idColumn,
                           const QString &label)
{
    static const QStringList referable = {
        QStringLiteral("regions"),       QStringLiteral("segments"),     QStringLiteral("companies"),
        QStringLiteral("process_nodes"), QStringLiteral("facilities"),   QStringLiteral("products"),
        QStringLiteral("programmes"),    QStringLiteral("policies"),     QStringLiteral("targets"),
        QStringLiteral("events"),        QStringLiteral("observations"), QStringLiteral("claims"),
        QStringLiteral("parameters")};
    QStringList unions;
    for (const QString &table : referable)
        unions.append(QStringLiteral("SELECT '%1' AS t, id FROM %1").arg(table));
    return QStringLiteral("SELECT %4 || ': ' || r.%2 || ' row \"' || r.%3 || '\" does not exist' FROM %1 r "
                          "WHERE NOT EXISTS (SELECT 1 FROM (%5) x WHERE x.t = r.%2 AND x.id = r.%3)")
        .arg(referrer, tableColumn, idColumn, label, unions.join(QStringLiteral(" UNION ALL ")));
}

} // namespace

QStringList checkIntegrity(const SqliteDb &db, const RowOrigins &origins)
{
    QStringList problems;

    auto fk = db.prepare(QStringLiteral("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check"));
    if (fk) {
        while (fk->step() == SqliteStatement::Step::Row) {
            const QString table = fk->text(0);
            const QString where =
                origins.value(table).value(fk->integer(1), QStringLiteral("%1 row %2").arg(table).arg(fk->integer(1)));
            problems.append(QStringLiteral("%1: refers to a %2 row that does not exist").arg(where, fk->text(2)));
        }
    }

    appendQueryProblems(db,
                        danglingReferences(QStringLiteral("claims"), QStringLiteral("subject_table"),
                                           QStringLiteral("subject_id"), QStringLiteral("'claim ' || r.id")),
                        problems);
    appendQueryProblems(db,
                        danglingReferences(QStringLiteral("citations"), QStringLiteral("table_name"),
                                           QStringLiteral("row_id"), QStringLiteral("'citation ' || r.id")),
                        problems);
    appendQueryProblems(db,
                        danglingReferences(QStringLiteral("conflict_members"), QStringLiteral("table_name"),
                                           QStringLiteral("row_id"), QStringLiteral("'conflict ' || r.conflict_id")),
                        problems);
    appendQueryProblems(db,
                        QStringLiteral("SELECT 'conflict ' || c.id || ' links ' || count(m.row_id) || "
                                       "' rows; a conflict needs at least two versions' FROM conflicts c "
                                       "LEFT JOIN conflict_members m ON m.conflict_id = c.id GROUP BY c.id "
                                       "HAVING count(m.row_id) < 2"),
                        problems);
    return problems;
}

} // namespace techrace
