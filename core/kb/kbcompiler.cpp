#include "kb/kbcompiler.h"

#include "kb/csv.h"
#include "kb/csvimport.h"
#include "kb/integrity.h"
#include "kb/kbsearch.h"
#include "kb/sqlitedb.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSaveFile>

namespace techrace {

namespace {

Expected<QByteArray> readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::failure(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

QStringList tablesInCreationOrder(const SqliteDb &db)
{
    QStringList tables;
    auto stmt = db.prepare(QStringLiteral("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                                          "'sqlite_%' ORDER BY rowid"));
    if (stmt) {
        while (stmt->step() == SqliteStatement::Step::Row)
            tables.append(stmt->text(0));
    }
    return tables;
}

/** Every CSV under `dir`, relative paths grouped by the table they fill (the file's base name). */
QMap<QString, QStringList> csvFilesByTable(const QDir &dir)
{
    QMap<QString, QStringList> files;
    QDirIterator it(dir.path(), {QStringLiteral("*.csv")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        files[QFileInfo(path).completeBaseName()].append(dir.relativeFilePath(path));
    }
    for (QStringList &list : files)
        list.sort();
    return files;
}

Status loadTables(SqliteDb &db, const QDir &dir)
{
    const QStringList tables = tablesInCreationOrder(db);
    const QMap<QString, QStringList> files = csvFilesByTable(dir);
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (!tables.contains(it.key()))
            return Status::failure(QStringLiteral("%1: no table of that name in schema.sql").arg(it.value().first()));
    }
    RowOrigins origins;
    for (const QString &table : tables) {
        for (const QString &fileName : files.value(table)) {
            auto bytes = readFile(dir.filePath(fileName));
            if (!bytes)
                return bytes.status();
            auto parsed = csv::parse(bytes.value(), fileName);
            if (!parsed)
                return parsed.status();
            if (auto status = importCsvTable(db, table, parsed.value(), fileName, &origins); !status)
                return status;
        }
    }
    const QStringList problems = checkIntegrity(db, origins);
    if (!problems.isEmpty())
        return Status::failure(problems.join(u'\n'));
    return kbsearch::buildIndex(db, QStringLiteral("main"), QString::fromLatin1(kbsearch::shippedIndex));
}

} // namespace

Status compileKnowledgeBase(const QString &dataDir, const QString &outputPath)
{
    // Absolute, so paths relative to it stay right whatever the working directory.
    const QDir dir(QFileInfo(dataDir).absoluteFilePath());
    auto schema = readFile(dir.filePath(QStringLiteral("schema.sql")));
    if (!schema)
        return schema.status();

    // Build in a scratch file beside the target, then swap it in with QSaveFile's atomic rename.
    const QString scratch = outputPath + QStringLiteral(".building");
    QFile::remove(scratch);
    {
        auto db = SqliteDb::open(scratch, SqliteDb::Mode::Create);
        if (!db)
            return db.status();
        // Foreign keys are checked once everything is loaded, so tables may reference rows of later files.
        if (auto s = db->exec(QStringLiteral("PRAGMA foreign_keys = OFF; PRAGMA journal_mode = OFF;")); !s)
            return s;
        if (auto s = db->exec(QString::fromUtf8(schema.value())); !s)
            return Status::failure(QStringLiteral("schema.sql: %1").arg(s.message()));
        if (auto s = db->exec(QStringLiteral("BEGIN")); !s)
            return s;
        if (auto s = loadTables(db.value(), dir); !s) {
            QFile::remove(scratch);
            return s;
        }
        if (auto s = db->exec(QStringLiteral("COMMIT")); !s)
            return s;
        if (auto s = db->exec(QStringLiteral("VACUUM")); !s)
            return s;
    }
    auto built = readFile(scratch);
    QFile::remove(scratch);
    if (!built)
        return built.status();
    QSaveFile out(outputPath);
    if (!out.open(QIODevice::WriteOnly) || out.write(built.value()) != built->size() || !out.commit())
        return Status::failure(QStringLiteral("Cannot write %1: %2").arg(outputPath, out.errorString()));
    return {};
}

} // namespace techrace
