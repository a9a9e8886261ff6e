#include "appcontext.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "model/modelengine.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSaveFile>

namespace techrace::cli {

namespace {

/** Parses a sub-command's options; prints help or the error. Returns an exit code, or -1 to go on. */
int parse(QCommandLineParser &parser, const QStringList &args, const QString &description)
{
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    if (!parser.parse(args)) {
        err() << args.value(0) << ": " << parser.errorText() << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << args.value(0) << ": unexpected argument \"" << parser.positionalArguments().first() << "\""
              << Qt::endl;
        return 2;
    }
    return -1;
}

Expected<std::shared_ptr<const AppContext>> openContext(const GlobalOptions &options)
{
    auto context = AppContext::open(options.kbPath);
    if (!context)
        err() << "techrace: " << context.message() << Qt::endl;
    return context;
}

Status writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(
            QStringLiteral("cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return {};
}

} // namespace

int runLeversCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    if (const int code = parse(parser, args,
                               QStringLiteral("List the model's levers: id, group, unit, range, "
                                              "baseline and the KB rows each comes from."));
        code >= 0)
        return code;
    auto context = openContext(options);
    if (!context)
        return 1;
    out() << "id,group,unit,min,max,baseline,label,kb_rows\n";
    for (const Lever &lever : context.value()->modelEngine().levers().levers()) {
        QString label = lever.label;
        label.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        out() << lever.id << ',' << leverGroupId(lever.group) << ',' << lever.unit << ',' << lever.min << ','
              << lever.max << ',' << lever.baseline << ",\"" << label << "\"," << lever.kbRows.join(QLatin1Char(' '))
              << '\n';
    }
    out().flush();
    return 0;
}

int runRunCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    const QCommandLineOption scenarioOption(QStringLiteral("scenario"), QStringLiteral("Scenario file (JSON)."),
                                            QStringLiteral("file"));
    const QCommandLineOption presetOption(
        QStringLiteral("preset"),
        QStringLiteral("Built-in scenario: %1.").arg(Scenario::presetIds().join(QStringLiteral(", "))),
        QStringLiteral("id"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("Write the long-format CSV here (default: standard output)."),
                                       QStringLiteral("file.csv"));
    parser.addOptions({scenarioOption, presetOption, outOption});
    if (const int code = parse(parser, args,
                               QStringLiteral("Run the model for a scenario (baseline by default) and "
                                              "write every output in long format."));
        code >= 0)
        return code;
    if (parser.isSet(scenarioOption) && parser.isSet(presetOption)) {
        err() << "techrace run: give --scenario or --preset, not both" << Qt::endl;
        return 2;
    }
    auto context = openContext(options);
    if (!context)
        return 1;
    const ModelEngine &engine = context.value()->modelEngine();
    Expected<Scenario> scenario = parser.isSet(scenarioOption)
        ? Scenario::load(parser.value(scenarioOption), engine.levers())
        : (parser.isSet(presetOption) ? Scenario::preset(parser.value(presetOption), engine.levers())
                                      : Expected<Scenario>(Scenario()));
    if (!scenario) {
        err() << "techrace run: " << scenario.message() << Qt::endl;
        return 1;
    }
    const QByteArray csv = engine.run(scenario.value()).toCsv();
    if (!parser.isSet(outOption)) {
        out() << csv;
        out().flush();
        return 0;
    }
    if (Status status = writeFile(parser.value(outOption), csv); !status) {
        err() << "techrace run: " << status.message() << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace techrace::cli
