#include "kb/kbsearch.h"

#include "kb/kbschema.h"
#include "kb/sqlitedb.h"

#include <QRegularExpression>

#include <algorithm>

namespace techrace::kbsearch {

namespace {

using kbschema::Column;
using kbschema::columns;
using kbschema::quoteIdentifier;
using kbschema::quoteLiteral;

/** Tables whose rows are only links between other rows; their text is indexed with the rows they link. */
bool isLinkTable(const QString &table)
{
    return table == QLatin1String("citations") || table == QLatin1String("conflict_members") ||
        table == QLatin1String("company_roles");
}

/**
 * Ids of other rows (region_id, currency, subject_table …) and codes from a fixed list (kind, status): they name
 * or classify rather than describe the row, and would only add noise to matches and snippets.
 */
bool isReferenceOrCode(const QString &column, const QStringList &foreignKeys)
{
    static const QStringList codes = {QStringLiteral("kind"),   QStringLiteral("status"),
                                      QStringLiteral("funder"), QStringLiteral("category"),
                                      QStringLiteral("role"),   QStringLiteral("dimension")};
    return foreignKeys.contains(column) || codes.contains(column) || column.endsWith(QLatin1String("_id")) ||
        column.endsWith(QLatin1String("_table"));
}

QStringList foreignKeyColumns(const SqliteDb &db, const QString &table)
{
    QStringList result;
    auto stmt = db.prepare(QStringLiteral("SELECT \"from\" FROM pragma_foreign_key_list(?1, 'main')"));
    if (stmt) {
        stmt->bindText(1, table);
        while (stmt->step() == SqliteStatement::Step::Row)
            result.append(stmt->text(0));
    }
    return result;
}

bool userDatabaseAttached(const SqliteDb &db)
{
    auto attached = db.scalar(QStringLiteral("SELECT count(*) FROM pragma_database_list WHERE name = 'user'"));
    return attached && attached->toInt() > 0;
}

} // namespace

Status buildIndex(SqliteDb &db, const QString &schema, const QString &name, bool onlyUserRows)
{
    const QString index = quoteIdentifier(schema) + u'.' + quoteIdentifier(name);
    if (auto s = db.exec(QStringLiteral("DROP TABLE IF EXISTS %1; CREATE VIRTUAL TABLE %1 USING fts5(table_name "
                                        "UNINDEXED, row_id UNINDEXED, title, body, tokenize = 'unicode61 "
                                        "remove_diacritics 2')")
                             .arg(index));
        !s)
        return Status::failure(QStringLiteral("Cannot create the search index: %1").arg(s.message()));

    for (const QString &table : kbschema::dataTables(db)) {
        if (isLinkTable(table))
            continue;
        const QStringList key = kbschema::primaryKeyColumns(db, table);
        if (key.isEmpty())
            continue;
        const QString keySql = kbschema::keyExpression(key, QStringLiteral("t."));
        QString title = keySql;
        QStringList texts;
        const QStringList foreignKeys = foreignKeyColumns(db, table);
        const QList<Column> tableColumns = columns(db, table);
        const auto hasColumn = [&tableColumns](const char *wanted) {
            return std::any_of(tableColumns.cbegin(), tableColumns.cend(),
                               [wanted](const Column &c) { return c.name == QLatin1String(wanted); });
        };
        // A claim has no name: its subject and attribute say what it is about (as kbbrowse titles it).
        if (hasColumn("subject_id") && hasColumn("attribute"))
            title = kbschema::referencedNameExpression(db, QStringLiteral("t.subject_table"),
                                                       QStringLiteral("t.subject_id")) +
                QStringLiteral(" || ' · ' || replace(t.attribute, '_', ' ')");
        for (const Column &column : tableColumns) {
            if (column.name == QLatin1String("name") || column.name == QLatin1String("title") ||
                column.name == QLatin1String("topic"))
                title = QStringLiteral("t.") + quoteIdentifier(column.name);
            else if (column.type == QLatin1String("TEXT") && !isReferenceOrCode(column.name, foreignKeys) &&
                     !key.contains(column.name))
                texts.append(QStringLiteral("coalesce(t.%1, '')").arg(quoteIdentifier(column.name)));
        }
        texts.append(QStringLiteral("coalesce((SELECT group_concat(c.quote, ' ') FROM citations c "
                                    "WHERE c.table_name = %1 AND c.row_id = %2), '')")
                         .arg(quoteLiteral(table), keySql));
        QString filter;
        if (onlyUserRows)
            filter = QStringLiteral(" WHERE %1 IN (SELECT row_key FROM user.user_rows WHERE table_name = %2 "
                                    "AND action = 'upsert')")
                         .arg(keySql, quoteLiteral(table));
        const QString sql = QStringLiteral("INSERT INTO %1 (table_name, row_id, title, body) SELECT %2, %3, "
                                           "coalesce(%4, %3), %5 FROM %6 t%7")
                                .arg(index, quoteLiteral(table), keySql, title,
                                     texts.join(QStringLiteral(" || ' ' || ")), quoteIdentifier(table), filter);
        if (auto s = db.exec(sql); !s)
            return Status::failure(QStringLiteral("Cannot index %1: %2").arg(table, s.message()));
    }
    return {};
}

QString matchExpression(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = text.split(separators, Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString &word : words)
        terms.append(u'"' + word + u'"');
    if (!terms.isEmpty() && !text.back().isSpace())
        terms.last().append(u'*');
    return terms.join(u' ');
}

Expected<QList<SearchHit>> search(const SqliteDb &db, const QString &text, const SearchOptions &options)
{
    QList<SearchHit> hits;
    const QString match = matchExpression(text);
    if (match.isEmpty())
        return hits;

    // Titles weigh more than body text; bm25 is lower for better matches.
    const QString shipped = QStringLiteral("SELECT table_name, row_id, title, snippet(%1, -1, ?2, ?3, '…', 16), "
                                           "bm25(%1, 0, 0, 8.0, 1.0) AS score, 0 FROM main.%1 WHERE %1 MATCH ?1")
                                .arg(QString::fromLatin1(shippedIndex));
    QString sql;
    if (userDatabaseAttached(db)) {
        sql = shipped +
            QStringLiteral(" AND table_name || char(31) || row_id NOT IN (SELECT table_name || char(31) || row_key "
                           "FROM user.user_rows) UNION ALL SELECT table_name, row_id, title, snippet(%1, -1, ?2, "
                           "?3, '…', 16), bm25(%1, 0, 0, 8.0, 1.0), 1 FROM temp.%1 WHERE %1 MATCH ?1")
                .arg(QString::fromLatin1(userIndex));
    } else {
        sql = shipped;
    }
    sql += QStringLiteral(" ORDER BY score LIMIT ?4");
    auto stmt = db.prepare(sql);
    if (!stmt)
        return Status::failure(QStringLiteral("The knowledge base has no search index: %1").arg(stmt.message()));
    stmt->bindText(1, match);
    stmt->bindText(2, options.openMark);
    stmt->bindText(3, options.closeMark);
    stmt->bind(4, options.limit);
    SqliteStatement::Step step;
    while ((step = stmt->step()) == SqliteStatement::Step::Row)
        hits.append({stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(3), stmt->integer(5) != 0});
    if (step == SqliteStatement::Step::Error)
        return Status::failure(QStringLiteral("Search failed: %1").arg(stmt->errorMessage()));
    return hits;
}

} // namespace techrace::kbsearch
