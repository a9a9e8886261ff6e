#include "appcontext.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "kb/integrity.h"

#include <QCommandLineParser>

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
    const QStringList problems = checkIntegrity(kb.database());
    for (const QString &problem : problems)
        err() << problem << '\n';
    if (!problems.isEmpty()) {
        err() << problems.size() << " problem(s) found" << Qt::endl;
        return 1;
    }
    out() << "Knowledge base is consistent (schema version " << kb.database().userVersion() << ")" << Qt::endl;
    return 0;
}

} // namespace

int runKbCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Inspect the knowledge base.\n\n"
                                                    "  stats   rows per table\n"
                                                    "  check   integrity report; exits 1 on any problem"));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("action"), QStringLiteral("stats | check"));
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
    if (action != QLatin1String("stats") && action != QLatin1String("check")) {
        err() << "techrace kb: expected an action (stats, check), got \"" << action << "\"" << Qt::endl;
        return 2;
    }
    auto context = AppContext::open(options.kbPath);
    if (!context) {
        err() << "techrace: " << context.message() << Qt::endl;
        return 1;
    }
    const KnowledgeBase &kb = context.value()->knowledgeBase();
    return action == QLatin1String("stats") ? stats(kb) : check(kb);
}

} // namespace techrace::cli
