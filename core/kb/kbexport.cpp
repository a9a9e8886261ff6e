#include "kb/kbexport.h"

#include "kb/csv.h"
#include "kb/kbschema.h"
#include "kb/sqlitedb.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <cmath>

namespace techrace::kbexport {

QString formatValue(const QVariant &value)
{
    if (value.isNull())
        return {};
    if (value.typeId() == QMetaType::Double) {
        const double d = value.toDouble();
        if (std::trunc(d) == d && std::fabs(d) < 1e15)
            return QString::number(static_cast<qint64>(d));
        return QString::number(d, 'g', QLocale::FloatingPointShortest);
    }
    return value.toString();
}

Expected<Summary> exportCsv(const SqliteDb &db, const QString &dir)
{
    const QString absolute = QFileInfo(dir).absoluteFilePath();
    if (!QDir().mkpath(absolute))
        return Status::failure(QStringLiteral("Cannot create the folder %1").arg(absolute));
    Summary summary;
    for (const QString &table : kbschema::dataTables(db)) {
        QStringList order;
        for (const QString &column : kbschema::primaryKeyColumns(db, table))
            order.append(kbschema::quoteIdentifier(column));
        auto stmt = db.prepare(QStringLiteral("SELECT * FROM %1 ORDER BY %2")
                                   .arg(kbschema::quoteIdentifier(table), order.join(QStringLiteral(", "))));
        if (!stmt)
            return Status::failure(QStringLiteral("Cannot read %1: %2").arg(table, stmt.message()));
        QStringList header;
        for (int c = 0; c < stmt->columnCount(); ++c)
            header.append(stmt->columnName(c));
        QString text = csv::line(header) + u'\n';
        qint64 rows = 0;
        SqliteStatement::Step step;
        while ((step = stmt->step()) == SqliteStatement::Step::Row) {
            QStringList fields;
            for (int c = 0; c < stmt->columnCount(); ++c)
                fields.append(formatValue(stmt->value(c)));
            text += csv::line(fields) + u'\n';
            ++rows;
        }
        if (step == SqliteStatement::Step::Error)
            return Status::failure(QStringLiteral("Cannot read %1: %2").arg(table, stmt->errorMessage()));

        const QString path = QDir(absolute).filePath(table + QStringLiteral(".csv"));
        QSaveFile file(path);
        const QByteArray bytes = text.toUtf8();
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            return Status::failure(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        ++summary.files;
        summary.rows += rows;
    }
    return summary;
}

} // namespace techrace::kbexport
