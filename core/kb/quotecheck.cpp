#include "kb/quotecheck.h"

#include "kb/sqlitedb.h"

#include <QDir>
#include <QFile>
#include <QHash>

namespace techrace {

QString foldWhitespace(const QString &text)
{
    return text.simplified();
}

namespace {

/** Every table with a (source_id, quote) pair, plus the citations table, as one query. */
QString quotedRowsQuery(const SqliteDb &db)
{
    QStringList parts;
    auto tables = db.prepare(QStringLiteral(
        "SELECT m.name FROM sqlite_schema m WHERE m.type = 'table' "
        "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'quote') "
        "AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'source_id') ORDER BY m.rowid"));
    if (!tables)
        return {};
    while (tables->step() == SqliteStatement::Step::Row) {
        const QString table = tables->text(0);
        const QString idColumn =
            table == QLatin1String("citations") ? QStringLiteral("table_name || '/' || row_id") : QStringLiteral("id");
        parts.append(QStringLiteral("SELECT '%1', %2, source_id, quote FROM %1").arg(table, idColumn));
    }
    return QStringLiteral("SELECT q.*, s.text_file FROM (%1) q JOIN sources s ON s.id = q.source_id")
        .arg(parts.join(QStringLiteral(" UNION ALL ")));
}

} // namespace

QuoteCheckResult checkQuotes(const SqliteDb &db, const QString &sharedDir, const QString &repoDir)
{
    QuoteCheckResult result;
    auto rows = db.prepare(quotedRowsQuery(db));
    if (!rows) {
        result.problems.append(QStringLiteral("cannot list quotes: %1").arg(rows.message()));
        return result;
    }
    QHash<QString, QString> foldedTexts; // text_file -> folded contents ("" when missing)
    const QDir shared(sharedDir);
    const QDir repo(repoDir);
    while (rows->step() == SqliteStatement::Step::Row) {
        const QString textFile = rows->text(4);
        if (textFile.isEmpty()) {
            ++result.skippedNoText;
            continue;
        }
        if (!foldedTexts.contains(textFile)) {
            const bool inRepo = textFile.startsWith(QLatin1String("docs/"));
            QFile file((inRepo ? repo : shared).filePath(textFile));
            if (file.open(QIODevice::ReadOnly)) {
                foldedTexts.insert(textFile, foldWhitespace(QString::fromUtf8(file.readAll())));
            } else {
                foldedTexts.insert(textFile, QString());
                result.missingFiles.append(textFile);
            }
        }
        const QString &text = foldedTexts[textFile];
        if (text.isEmpty())
            continue;
        ++result.checked;
        if (!text.contains(foldWhitespace(rows->text(3))))
            result.problems.append(QStringLiteral("%1 %2: quote not found in %3: \"%4\"")
                                       .arg(rows->text(0), rows->text(1), textFile, rows->text(3)));
    }
    return result;
}

} // namespace techrace
