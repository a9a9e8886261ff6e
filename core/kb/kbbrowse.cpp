#include "kb/kbbrowse.h"

#include "kb/kbexport.h"
#include "kb/kbschema.h"
#include "kb/sqlitedb.h"
#include "kb/userdatabase.h"

#include <QLocale>
#include <QSet>

#include <cmath>

namespace techrace::kbbrowse {

namespace {

using kbschema::quoteIdentifier;

constexpr int summaryFields = 4;

bool isCitationColumn(const QString &column)
{
    return column == QLatin1String("source_id") || column == QLatin1String("quote");
}

/** Columns that describe a row at length, left out of one-line summaries. */
bool isLongText(const QString &column)
{
    return column == QLatin1String("description") || column == QLatin1String("note") ||
        column == QLatin1String("derivation") || column == QLatin1String("scope") ||
        column == QLatin1String("model_uses") || column == QLatin1String("definition");
}

QString titleColumn(const QStringList &columns)
{
    for (const char *candidate : {"name", "title", "topic"}) {
        if (columns.contains(QLatin1String(candidate)))
            return QString::fromLatin1(candidate);
    }
    return {};
}

/** A value as people read it: large numbers with thousands separators (52,700,000,000), the rest as exported. */
QString displayValue(const QVariant &value)
{
    const bool number = value.typeId() == QMetaType::Double || value.typeId() == QMetaType::LongLong;
    if (!number || std::fabs(value.toDouble()) < 10000)
        return kbexport::formatValue(value);
    static const QLocale english(QLocale::English);
    const double d = value.toDouble();
    if (std::trunc(d) == d && std::fabs(d) < 1e15)
        return english.toString(static_cast<qint64>(d));
    return english.toString(d, 'f', QLocale::FloatingPointShortest);
}

struct Selected
{
    QStringList columns;
    QList<QStringList> rows; // values as text
    QString subjectName; // selectRow() only: the name titleOf() wants
};

Selected select(const SqliteDb &db, const QString &sql, const QStringList &binds = {})
{
    Selected result;
    auto stmt = db.prepare(sql);
    if (!stmt)
        return result;
    for (int i = 0; i < binds.size(); ++i)
        stmt->bindText(i + 1, binds.at(i));
    for (int c = 0; c < stmt->columnCount(); ++c)
        result.columns.append(stmt->columnName(c));
    while (stmt->step() == SqliteStatement::Step::Row) {
        QStringList values;
        for (int c = 0; c < stmt->columnCount(); ++c)
            values.append(displayValue(stmt->value(c)));
        result.rows.append(values);
    }
    return result;
}

QString keyWhere(const SqliteDb &db, const QString &table);
QString subjectNameColumn(const SqliteDb &db, const QString &table);

/** One row of `table` (every column), with the name of its subject for titleOf(). */
Selected selectRow(const SqliteDb &db, const QString &table, const QString &rowId)
{
    Selected row = select(db,
                          QStringLiteral("SELECT %1 AS subject_name, t.* FROM %2 t WHERE %3")
                              .arg(subjectNameColumn(db, table), quoteIdentifier(table), keyWhere(db, table)),
                          {rowId});
    if (!row.rows.isEmpty()) {
        row.subjectName = row.rows.first().first();
        row.rows.first().removeFirst();
    }
    row.columns.removeFirst();
    return row;
}

QString keyWhere(const SqliteDb &db, const QString &table)
{
    return kbschema::keyExpression(kbschema::primaryKeyColumns(db, table), QStringLiteral("t.")) +
        QStringLiteral(" = ?1");
}

std::optional<Citation> citation(const SqliteDb &db, const QString &sourceId, const QString &quote)
{
    const Selected source =
        select(db,
               QStringLiteral(
                   "SELECT id, title, publisher, coalesce(published, ''), kind, coalesce(url, ''), reliability FROM "
                   "sources WHERE id = ?1"),
               {sourceId});
    if (source.rows.isEmpty())
        return std::nullopt;
    const QStringList &s = source.rows.first();
    return Citation {s.at(0), s.at(1), s.at(2), s.at(3), s.at(4), s.at(5), s.at(6), quote};
}

/** Columns a title is made of, so summaries need not repeat them. */
QStringList titleColumns(const QStringList &columns)
{
    if (const QString title = titleColumn(columns); !title.isEmpty())
        return {title};
    if (columns.contains(QStringLiteral("subject_id")) && columns.contains(QStringLiteral("attribute")))
        return {QStringLiteral("subject_table"), QStringLiteral("subject_id"), QStringLiteral("attribute")};
    return {};
}

/**
 * The row's name or title; a claim, which has none, is titled by what it is about ("Big Fund III · amount usd"),
 * `subjectName` being the name of the row its subject_table/subject_id point at.
 */
QString titleOf(const QStringList &columns, const QStringList &values, const QString &rowId,
                const QString &subjectName = {})
{
    const qsizetype index = columns.indexOf(titleColumn(columns));
    if (index >= 0 && !values.at(index).isEmpty())
        return values.at(index);
    const qsizetype subject = columns.indexOf(QStringLiteral("subject_id"));
    const qsizetype attribute = columns.indexOf(QStringLiteral("attribute"));
    if (subject >= 0 && attribute >= 0)
        return QStringLiteral("%1 · %2").arg(subjectName.isEmpty() ? values.at(subject) : subjectName,
                                             QString(values.at(attribute)).replace(u'_', u' '));
    return rowId;
}

/** SQL for the `subject_name` column that titleOf() wants: NULL for tables that are not about another row. */
QString subjectNameColumn(const SqliteDb &db, const QString &table)
{
    const QStringList columns = kbschema::primaryKeyColumns(db, table);
    auto stmt = db.prepare(QStringLiteral("SELECT count(*) FROM pragma_table_info(?1, 'main') WHERE name IN "
                                          "('subject_table', 'subject_id')"));
    if (!stmt)
        return QStringLiteral("NULL");
    stmt->bindText(1, table);
    if (stmt->step() != SqliteStatement::Step::Row || stmt->integer(0) != 2)
        return QStringLiteral("NULL");
    return kbschema::referencedNameExpression(db, QStringLiteral("t.subject_table"), QStringLiteral("t.subject_id"));
}

QSet<QString> conflictedKeysOf(const SqliteDb &db, const QString &table)
{
    QSet<QString> keys;
    const Selected members =
        select(db, QStringLiteral("SELECT row_id FROM conflict_members WHERE table_name = ?1"), {table});
    for (const QStringList &row : members.rows)
        keys.insert(row.first());
    return keys;
}

std::optional<ConflictVersion> version(const SqliteDb &db, const QString &table, const QString &rowId)
{
    const Selected row = selectRow(db, table, rowId);
    if (row.rows.isEmpty())
        return std::nullopt;
    ConflictVersion v;
    v.table = table;
    v.rowId = rowId;
    const QStringList &values = row.rows.first();
    v.title = titleOf(row.columns, values, rowId, row.subjectName);
    const QStringList inTitle = titleColumns(row.columns);
    for (qsizetype c = 0; c < row.columns.size(); ++c) {
        const QString &column = row.columns.at(c);
        if (values.at(c).isEmpty() || isCitationColumn(column) || inTitle.contains(column) ||
            column == QLatin1String("id"))
            continue;
        v.fields.append({column, values.at(c)});
    }
    const qsizetype sourceIndex = row.columns.indexOf(QStringLiteral("source_id"));
    const qsizetype quoteIndex = row.columns.indexOf(QStringLiteral("quote"));
    if (sourceIndex >= 0 && quoteIndex >= 0)
        v.citation = citation(db, values.at(sourceIndex), values.at(quoteIndex));
    v.userEdit = userdb::userRowKeys(db, table).contains(rowId);
    return v;
}

Conflict conflict(const SqliteDb &db, const QStringList &row)
{
    Conflict c {row.at(0), row.at(1), row.at(2), row.at(3), {}};
    const Selected members = select(
        db,
        QStringLiteral(
            "SELECT table_name, row_id FROM conflict_members WHERE conflict_id = ?1 ORDER BY table_name, row_id"),
        {c.id});
    for (const QStringList &member : members.rows) {
        if (auto v = version(db, member.at(0), member.at(1)))
            c.versions.append(*v);
    }
    return c;
}

} // namespace

QStringList browsableTables(const SqliteDb &db)
{
    QStringList tables = kbschema::dataTables(db);
    tables.removeAll(QStringLiteral("citations"));
    tables.removeAll(QStringLiteral("conflict_members"));
    tables.removeAll(QStringLiteral("company_roles"));
    return tables;
}

QList<RowSummary> rows(const SqliteDb &db, const QString &table)
{
    QList<RowSummary> result;
    if (!kbschema::dataTables(db).contains(table))
        return result;
    const Selected all =
        select(db,
               QStringLiteral("SELECT %1 AS row_key, * FROM %2")
                   .arg(kbschema::keyExpression(kbschema::primaryKeyColumns(db, table)), quoteIdentifier(table)));
    const QSet<QString> edited = userdb::userRowKeys(db, table);
    const QSet<QString> conflicted = conflictedKeysOf(db, table);
    const QStringList columns = all.columns.mid(2);
    const QStringList inTitle = titleColumns(columns);
    for (const QStringList &row : all.rows) {
        const QString &key = row.first();
        const QString &subjectName = row.at(1);
        const QStringList values = row.mid(2);
        QStringList parts;
        for (qsizetype c = 0; c < columns.size() && parts.size() < summaryFields; ++c) {
            const QString &column = columns.at(c);
            if (values.at(c).isEmpty() || inTitle.contains(column) || column == QLatin1String("id") ||
                isCitationColumn(column) || isLongText(column))
                continue;
            parts.append(values.at(c));
        }
        result.append({key, titleOf(columns, values, key, subjectName), parts.join(QStringLiteral(" · ")),
                       edited.contains(key), conflicted.contains(key)});
    }
    std::sort(result.begin(), result.end(), [](const RowSummary &a, const RowSummary &b) {
        return QString::compare(a.title, b.title, Qt::CaseInsensitive) < 0;
    });
    return result;
}

std::optional<RowDetail> detail(const SqliteDb &db, const QString &table, const QString &rowId)
{
    if (!kbschema::dataTables(db).contains(table))
        return std::nullopt;
    const Selected row = selectRow(db, table, rowId);
    if (row.rows.isEmpty())
        return std::nullopt;
    RowDetail d;
    d.table = table;
    d.rowId = rowId;
    const QStringList &values = row.rows.first();
    d.title = titleOf(row.columns, values, rowId, row.subjectName);
    for (qsizetype c = 0; c < row.columns.size(); ++c) {
        if (!values.at(c).isEmpty() && !isCitationColumn(row.columns.at(c)))
            d.fields.append({row.columns.at(c), values.at(c)});
    }
    const qsizetype sourceIndex = row.columns.indexOf(QStringLiteral("source_id"));
    const qsizetype quoteIndex = row.columns.indexOf(QStringLiteral("quote"));
    if (sourceIndex >= 0 && quoteIndex >= 0) {
        if (auto own = citation(db, values.at(sourceIndex), values.at(quoteIndex)))
            d.citations.append(*own);
    }
    const Selected further = select(
        db, QStringLiteral("SELECT source_id, quote FROM citations WHERE table_name = ?1 AND row_id = ?2 ORDER BY id"),
        {table, rowId});
    for (const QStringList &c : further.rows) {
        if (auto more = citation(db, c.at(0), c.at(1)))
            d.citations.append(*more);
    }
    const QString conflictColumns = QStringLiteral("SELECT id, topic, description, model_uses FROM conflicts");
    const Selected conflicts = table == QLatin1String("conflicts")
        ? select(db, conflictColumns + QStringLiteral(" WHERE id = ?1"), {rowId})
        : select(db,
                 conflictColumns +
                     QStringLiteral(" WHERE id IN (SELECT conflict_id FROM conflict_members WHERE table_name = "
                                    "?1 AND row_id = ?2) ORDER BY id"),
                 {table, rowId});
    for (const QStringList &c : conflicts.rows)
        d.conflicts.append(conflict(db, c));
    d.userEdit = userdb::userRowKeys(db, table).contains(rowId);
    if (d.userEdit) {
        const Selected shipped = select(
            db, QStringLiteral("SELECT 1 FROM main.%1 t WHERE %2").arg(quoteIdentifier(table), keyWhere(db, table)),
            {rowId});
        d.shippedRow = !shipped.rows.isEmpty();
    }
    return d;
}

QSet<QString> conflictedRows(const SqliteDb &db, const QString &table)
{
    return conflictedKeysOf(db, table);
}

QString reliabilityMeaning(const QString &grade)
{
    if (grade == QLatin1String("A"))
        return QStringLiteral("official statistics, laws, company filings");
    if (grade == QLatin1String("B"))
        return QStringLiteral("established industry tracker or wire service");
    if (grade == QLatin1String("C"))
        return QStringLiteral("secondary analysis or trade press relaying others");
    if (grade == QLatin1String("D"))
        return QStringLiteral("unsourced commentary or model assumption; may contain errors");
    return {};
}

QString tableTitle(const QString &table)
{
    QString title = table;
    title.replace(u'_', u' ');
    if (!title.isEmpty())
        title[0] = title.at(0).toUpper();
    return title;
}

} // namespace techrace::kbbrowse
