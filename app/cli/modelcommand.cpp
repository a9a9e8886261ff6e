#include "appcontext.h"
#include "cli/modelcli.h"
#include "cli/output.h"
#include "export/exportfile.h"

#include <QCommandLineParser>
#include <QDir>
#include <QSaveFile>

#include <cmath>

namespace techrace::cli {

int parseCommand(QCommandLineParser &parser, const QStringList &args, const QString &description)
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

std::shared_ptr<const AppContext> openModel(const GlobalOptions &options)
{
    // With the user's edits layered over the shipped KB, as the window opens it: same inputs, same numbers.
    auto context = AppContext::open(options.kbPath, options.userDbPath);
    if (!context) {
        err() << "techrace: " << context.message() << Qt::endl;
        return nullptr;
    }
    if (const QString notice = context.value()->knowledgeBase().userDatabase().notice; !notice.isEmpty())
        err() << "techrace: " << notice << Qt::endl;
    return context.value();
}

std::optional<OpenedScenario> openScenario(const QCommandLineParser &parser, const ScenarioOptions &scenarioOptions,
                                           const GlobalOptions &options, const QString &command)
{
    auto context = openModel(options);
    if (!context)
        return std::nullopt;
    auto scenario = scenarioOptions.load(parser, context->modelEngine());
    if (!scenario) {
        err() << command << ": " << scenario.message() << Qt::endl;
        return std::nullopt;
    }
    return OpenedScenario {std::move(context), std::move(scenario).value()};
}

Expected<Scenario> ScenarioOptions::load(const QCommandLineParser &parser, const ModelEngine &engine) const
{
    if (parser.isSet(scenario) && parser.isSet(preset))
        return Status::failure(QStringLiteral("give --scenario or --preset, not both"));
    if (parser.isSet(scenario))
        return Scenario::load(parser.value(scenario), engine.levers());
    if (parser.isSet(preset))
        return Scenario::preset(parser.value(preset), engine.levers());
    return Scenario();
}

Expected<double> numberOption(const QCommandLineParser &parser, const QCommandLineOption &option)
{
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (parser.value(option).isEmpty())
        return Status::failure(QStringLiteral("--%1 is required").arg(option.names().first()));
    if (!ok || !std::isfinite(value))
        return Status::failure(
            QStringLiteral("--%1 expects a number, got \"%2\"").arg(option.names().first(), parser.value(option)));
    return value;
}

Expected<OutputRef> OutputOptions::read(const QCommandLineParser &parser) const
{
    if (!parser.isSet(metric))
        return Status::failure(QStringLiteral("--metric is required"));
    auto y = numberOption(parser, year);
    if (!y)
        return y.status();
    return OutputRef {parser.value(metric), parser.value(region), parser.value(segment), parser.value(company),
                      static_cast<int>(y.value())};
}

int runLeversCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    if (const int code = parseCommand(parser, args,
                                      QStringLiteral("List the model's levers: id, group, unit, range, "
                                                     "baseline and the KB rows each comes from."));
        code >= 0)
        return code;
    const auto context = openModel(options);
    if (!context)
        return 1;
    out() << "id,group,unit,min,max,baseline,label,kb_rows\n";
    for (const Lever &lever : context->modelEngine().levers().levers()) {
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
    ScenarioOptions scenarioOptions;
    scenarioOptions.preset.setDescription(
        QStringLiteral("Built-in scenario: %1.").arg(Scenario::presetIds().join(QStringLiteral(", "))));
    scenarioOptions.addTo(parser);
    const QCommandLineOption uncertaintyOption(
        QStringLiteral("uncertainty"),
        QStringLiteral("Add p10/p50/p90 from N Latin-hypercube draws over the parameters' ranges (2-%1).")
            .arg(Uncertainty::maxDraws),
        QStringLiteral("N"));
    const QCommandLineOption seedOption(QStringLiteral("seed"),
                                        QStringLiteral("Random seed for --uncertainty (default: the scenario's)."),
                                        QStringLiteral("S"));
    const QCommandLineOption outOption(QStringLiteral("out"),
                                       QStringLiteral("Write the long-format CSV here (default: standard output)."),
                                       QStringLiteral("file.csv"));
    parser.addOptions({uncertaintyOption, seedOption, outOption});
    if (const int code = parseCommand(parser, args,
                                      QStringLiteral("Run the model for a scenario (baseline by default) and "
                                                     "write every output in long format."));
        code >= 0)
        return code;
    const auto opened = openScenario(parser, scenarioOptions, options, QStringLiteral("techrace run"));
    if (!opened)
        return 1;
    const auto &[context, scenario] = *opened;
    const ModelEngine &engine = context->modelEngine();
    Expected<Results> results = engine.run(scenario);
    if (parser.isSet(uncertaintyOption)) {
        const auto draws = numberOption(parser, uncertaintyOption);
        quint32 seed = scenario.seed;
        if (parser.isSet(seedOption)) {
            bool ok = false;
            seed = parser.value(seedOption).toUInt(&ok);
            if (!ok) {
                err() << "techrace run: --seed expects an integer 0 to 4294967295" << Qt::endl;
                return 2;
            }
        }
        if (!draws) {
            err() << "techrace run: " << draws.message() << Qt::endl;
            return 2;
        }
        results = Uncertainty::run(engine, scenario, static_cast<int>(draws.value()), seed, 2);
        if (!results) {
            err() << "techrace run: --uncertainty: " << results.message() << Qt::endl;
            return 2;
        }
    }
    const QByteArray csv = results->toCsv();
    if (!parser.isSet(outOption)) {
        out() << csv;
        out().flush();
        return 0;
    }
    if (Status status = writeBytesAtomically(parser.value(outOption), csv); !status) {
        err() << "techrace run: " << status.message() << Qt::endl;
        return 1;
    }
    return 0;
}

} // namespace techrace::cli
