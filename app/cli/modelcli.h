#pragma once

#include "appcontext.h"
#include "cli/commands.h"
#include "model/analysis.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace techrace::cli {

/** Shared by the model sub-commands (modelcommand.cpp, analysiscommand.cpp). */

/** Parses a sub-command's options; prints help or the error. Returns an exit code, or -1 to go on. */
int parseCommand(QCommandLineParser &parser, const QStringList &args, const QString &description);
/** Opens the knowledge base and the model; prints the error and returns nullptr on failure. */
std::shared_ptr<const AppContext> openModel(const GlobalOptions &options);

/** --scenario FILE | --preset ID: both optional (the baseline), not both. */
struct ScenarioOptions
{
    QCommandLineOption scenario {QStringLiteral("scenario"), QStringLiteral("Scenario file (JSON)."),
                                 QStringLiteral("file")};
    QCommandLineOption preset {QStringLiteral("preset"),
                               QStringLiteral("Built-in scenario (see `techrace run --help`)."), QStringLiteral("id")};
    void addTo(QCommandLineParser &parser) { parser.addOptions({scenario, preset}); }
    [[nodiscard]] Expected<Scenario> load(const QCommandLineParser &parser, const ModelEngine &engine) const;
};

/** --metric --region [--segment] [--company] --year: one output value. */
struct OutputOptions
{
    QCommandLineOption metric {QStringLiteral("metric"), QStringLiteral("Output metric, e.g. self_sufficiency."),
                               QStringLiteral("id")};
    QCommandLineOption region {QStringLiteral("region"),
                               QStringLiteral("Region code (US CN TW KR JP EU IN CA ROW); omit for the world."),
                               QStringLiteral("code")};
    QCommandLineOption segment {QStringLiteral("segment"), QStringLiteral("Segment id, e.g. leading_logic."),
                                QStringLiteral("id")};
    QCommandLineOption company {QStringLiteral("company"), QStringLiteral("Company id, e.g. tsmc."),
                                QStringLiteral("id")};
    QCommandLineOption year {QStringLiteral("year"), QStringLiteral("Year (2015-2040)."), QStringLiteral("year")};
    void addTo(QCommandLineParser &parser) { parser.addOptions({metric, region, segment, company, year}); }
    [[nodiscard]] Expected<OutputRef> read(const QCommandLineParser &parser) const;
};

/** What a command that runs a scenario starts from. */
struct OpenedScenario
{
    std::shared_ptr<const AppContext> context;
    Scenario scenario;
};
/** Opens the model and loads --scenario/--preset; prints "COMMAND: why" and returns nothing on failure. */
std::optional<OpenedScenario> openScenario(const QCommandLineParser &parser, const ScenarioOptions &scenarioOptions,
                                           const GlobalOptions &options, const QString &command);

/** A number option's value, or a message naming the option. */
Expected<double> numberOption(const QCommandLineParser &parser, const QCommandLineOption &option);

} // namespace techrace::cli
