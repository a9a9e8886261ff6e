#include "cli/commands.h"
#include "cli/output.h"
#include "kb/kbexport.h"
#include "kb/kbsearch.h"
#include "kb/knowledgebase.h"
#include "kb/userdatabase.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

namespace techrace::cli {

namespace {

int stats(const KnowledgeBase &kb)
{
    qint64 total = 0;
    for (const auto &[table, count] : kb.tableCounts()) {
        out() << qSetFieldWidth(20) << Qt::left << table << qSetFieldWidth(0) << count << '\n';
        total += count;
    }
    out() << qSetFieldWidth(20) << Qt::left << QStringLiteral("total") << qSetFieldWidth(0) << total << Qt::endl;
    return 0;
}

int check(const KnowledgeBase &kb)
{
    // With a user database, the merged knowledge base is checked on a scratch copy with every rule of the shipped one.
    const QStringList problems = userdb::validate(kb.database());
    for (const QString &problem : problems)
        err() << problem << '\n';
    if (!problems.isEmpty()) {
        err() << problems.size() << " problem(s) found" << Qt::endl;
        return 1;
    }
    out() << "Knowledge base is consistent (schema version " << kb.database().userVersion() << ")";
    if (kb.userDatabase().attached)
        out() << ", with your edits from " << kb.userDatabase().path;
    out() << Qt::endl;
    return 0;
}

int search(const KnowledgeBase &kb, const QString &text)
{
    auto hits = kbsearch::search(kb.database(), text);
    if (!hits) {
        err() << "techrace kb search: " << hits.message() << Qt::endl;
        return 1;
    }
    if (hits->isEmpty()) {
        err() << "No row matches \"" << text << "\"" << Qt::endl;
        return 1;
    }
    for (const SearchHit &hit : hits.value()) {
        out() << hit.table << '/' << hit.rowId << "  " << hit.title << (hit.userEdit ? "  (your edit)" : "") << '\n'
              << "    " << hit.snippet << '\n';
    }
    out() << hits->size() << " row(s)" << Qt::endl;
    return 0;
}

int exportTables(const KnowledgeBase &kb, const QString &dir)
{
    if (dir.isEmpty()) {
        err() << "techrace kb export: --out DIR is required" << Qt::endl;
        return 2;
    }
    QElapsedTimer timer;
    timer.start();
    auto summary = kbexport::exportCsv(kb.database(), dir);
    if (!summary) {
        err() << "techrace kb export: " << summary.message() << Qt::endl;
        return 1;
    }
    out() << "Exported " << summary->rows << " rows in " << summary->files << " CSV files to "
          << QFileInfo(dir).absoluteFilePath() << " (" << timer.elapsed() << " ms)" << Qt::endl;
    return 0;
}

int importFiles(KnowledgeBase &kb, const QStringList &files)
{
    if (files.isEmpty()) {
        err() << "techrace kb import: name at least one FILE.csv" << Qt::endl;
        return 2;
    }
    // Far above any real table (the whole knowledge base exports to well under 1 MB); refuse before reading it all.
    constexpr qint64 maxFileBytes = 64 * 1024 * 1024;
    QList<userdb::CsvInput> inputs;
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            err() << "techrace kb import: cannot read " << path << ": " << file.errorString() << Qt::endl;
            return 1;
        }
        if (file.size() > maxFileBytes) {
            err() << "techrace kb import: " << path << " is larger than " << maxFileBytes / (1024 * 1024)
                  << " MB; nothing was imported" << Qt::endl;
            return 1;
        }
        inputs.append({path, file.readAll(), {}});
    }
    QElapsedTimer timer;
    timer.start();
    auto summary = userdb::importCsv(kb.database(), inputs);
    if (!summary) {
        err() << "techrace kb import: " << summary.message() << Qt::endl;
        return 1;
    }
    out() << "Imported " << files.size() << " file(s) into " << kb.userDatabase().path << ": " << summary->added
          << " added, " << summary->changed << " changed, " << summary->unchanged << " unchanged (" << timer.elapsed()
          << " ms)" << Qt::endl;
    return 0;
}

int changeRow(KnowledgeBase &kb, const QString &action, const QStringList &args)
{
    if (args.size() != 2) {
        err() << "techrace kb " << action << ": expected TABLE ID" << Qt::endl;
        return 2;
    }
    const Status status = action == QLatin1String("hide") ? userdb::hideRow(kb.database(), args.at(0), args.at(1))
                                                          : userdb::revertRow(kb.database(), args.at(0), args.at(1));
    if (!status) {
        err() << "techrace kb " << action << ": " << status.message() << Qt::endl;
        return 1;
    }
    out() << (action == QLatin1String("hide") ? "Hid " : "Reverted ") << args.at(0) << '/' << args.at(1) << Qt::endl;
    return 0;
}

} // namespace

int runKbCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("The knowledge base, with your own edits (the user database) layered over it.\n\n"
                       "  stats               rows per table\n"
                       "  check               integrity report; exits 1 on any problem\n"
                       "  search TEXT         full-text search of names, descriptions, notes and quotes\n"
                       "  export --out DIR    one CSV per table (header row, sources and quotes included)\n"
                       "  import FILE.csv…    add or correct rows in your user database; FILE is named after\n"
                       "                      its table (programmes.csv); all or nothing\n"
                       "  hide TABLE ID       hide a row from your view of the knowledge base\n"
                       "  revert TABLE ID     drop your edit or hiding of a row"));
    parser.addHelpOption();
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Folder to export to."),
                                       QStringLiteral("dir"));
    parser.addOption(outOption);
    parser.addPositionalArgument(QStringLiteral("action"),
                                 QStringLiteral("stats | check | search | export | import | hide | revert"));
    if (!parser.parse(args)) {
        err() << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    static const QStringList actions = {QStringLiteral("stats"),  QStringLiteral("check"),  QStringLiteral("search"),
                                        QStringLiteral("export"), QStringLiteral("import"), QStringLiteral("hide"),
                                        QStringLiteral("revert")};
    if (!actions.contains(action)) {
        err() << "techrace kb: expected an action (" << actions.join(QStringLiteral(", ")) << "), got \"" << action
              << "\"" << Qt::endl;
        return 2;
    }
    if (action == QLatin1String("search") && positional.size() < 2) {
        err() << "techrace kb search: expected the TEXT to search for" << Qt::endl;
        return 2;
    }
    auto kb = options.kbPath.isEmpty() ? KnowledgeBase::openEmbedded() : KnowledgeBase::openFile(options.kbPath);
    if (!kb) {
        err() << "techrace: " << kb.message() << Qt::endl;
        return 1;
    }
    if (!options.userDbPath.isEmpty()) {
        if (const auto &user = kb->attachUserDatabase(options.userDbPath); !user.notice.isEmpty())
            err() << "techrace: " << user.notice << Qt::endl;
    }
    const QStringList rest = positional.mid(1);
    if (action == QLatin1String("stats"))
        return stats(kb.value());
    if (action == QLatin1String("check"))
        return check(kb.value());
    if (action == QLatin1String("search"))
        return search(kb.value(), rest.join(u' '));
    if (action == QLatin1String("export"))
        return exportTables(kb.value(), parser.value(outOption));
    if (action == QLatin1String("import"))
        return importFiles(kb.value(), rest);
    return changeRow(kb.value(), action, rest);
}

} // namespace techrace::cli
