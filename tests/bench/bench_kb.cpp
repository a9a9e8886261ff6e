// Prints how fast the knowledge base answers users: full-text search latency, CSV export and import.
// Not a test (no pass/fail on time); run `build/dev/tests/bench_kb`. Works in a temporary folder.
#include "kb/kbexport.h"
#include "kb/kbsearch.h"
#include "kb/knowledgebase.h"
#include "kb/userdatabase.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>

using namespace techrace;

namespace {

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QTemporaryDir dir;
    auto kb = KnowledgeBase::openEmbedded();
    if (!kb) {
        out << kb.message() << Qt::endl;
        return 1;
    }
    kb->attachUserDatabase(dir.filePath(QStringLiteral("user.sqlite")));

    // Queries: every distinct word (and 3-letter prefix) of the row titles, as people type them.
    QStringList queries;
    QSet<QString> seen;
    auto titles = kb->database().prepare(QStringLiteral("SELECT title FROM main.kb_search"));
    static const QRegularExpression words(QStringLiteral("[^\\p{L}\\p{N}]+"));
    while (titles && titles->step() == SqliteStatement::Step::Row) {
        for (const QString &word : titles->text(0).split(words, Qt::SkipEmptyParts)) {
            if (word.size() >= 3 && !seen.contains(word.toLower())) {
                seen.insert(word.toLower());
                queries.append(word);
                queries.append(word.left(3));
            }
        }
    }
    QList<double> latencies;
    qint64 hits = 0;
    for (int round = 0; round < 3; ++round) {
        for (const QString &query : std::as_const(queries)) {
            QElapsedTimer timer;
            timer.start();
            auto result = kbsearch::search(kb->database(), query);
            latencies.append(double(timer.nsecsElapsed()) / 1e6);
            hits += result ? result->size() : 0;
        }
    }
    out << "search: " << latencies.size() << " queries, median " << QString::number(median(latencies), 'f', 3)
        << " ms, p95 " << QString::number(percentile(latencies, 0.95), 'f', 3) << " ms, max "
        << QString::number(percentile(latencies, 1.0), 'f', 3) << " ms, " << hits << " hits" << Qt::endl;

    QList<double> exportMs;
    kbexport::Summary summary;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto exported = kbexport::exportCsv(kb->database(), dir.filePath(QStringLiteral("export")));
        exportMs.append(double(timer.nsecsElapsed()) / 1e6);
        if (!exported) {
            out << exported.message() << Qt::endl;
            return 1;
        }
        summary = exported.value();
    }
    out << "export: " << summary.rows << " rows in " << summary.files << " files, median "
        << QString::number(median(exportMs), 'f', 1) << " ms" << Qt::endl;

    QList<userdb::CsvInput> inputs;
    const QDir exportDir(dir.filePath(QStringLiteral("export")));
    for (const QString &name : exportDir.entryList({QStringLiteral("*.csv")}, QDir::Files)) {
        QFile file(exportDir.filePath(name));
        if (file.open(QIODevice::ReadOnly))
            inputs.append({name, file.readAll(), {}});
    }
    QList<double> importMs;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto imported = userdb::importCsv(kb->database(), inputs);
        importMs.append(double(timer.nsecsElapsed()) / 1e6);
        if (!imported) {
            out << imported.message() << Qt::endl;
            return 1;
        }
    }
    out << "import (all exported files, validated, nothing changed): median "
        << QString::number(median(importMs), 'f', 1) << " ms" << Qt::endl;
    return 0;
}
