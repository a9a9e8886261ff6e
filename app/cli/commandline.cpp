#include "cli/commandline.h"

#include "cli/commands.h"
#include "cli/output.h"
#include "gui/guirunner.h"
#include "kb/userdatabase.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QRegularExpression>

#include <algorithm>
#include <cstring>

namespace techrace::cli {

const QList<Command> &commands()
{
    static const QList<Command> list = {
        {QStringLiteral("kb"), QStringLiteral("The knowledge base: stats, check, search, export, import"),
         &runKbCommand},
        {QStringLiteral("levers"), QStringLiteral("List the model's levers"), &runLeversCommand},
        {QStringLiteral("run"), QStringLiteral("Run a scenario and write the outputs as CSV"), &runRunCommand},
        {QStringLiteral("export"), QStringLiteral("Export the map or a chart (PNG, SVG, PDF) or its data (CSV)"),
         &runExportCommand, true},
        {QStringLiteral("calibrate"), QStringLiteral("Observed vs model, per point and overall"), &runCalibrateCommand},
        {QStringLiteral("sensitivity"), QStringLiteral("Tornado: which inputs move an output most"),
         &runSensitivityCommand},
        {QStringLiteral("goalseek"), QStringLiteral("The lever value that reaches a target"), &runGoalSeekCommand},
        {QStringLiteral("explain"), QStringLiteral("Provenance of an output: equation, inputs, sources"),
         &runExplainCommand},
        {QStringLiteral("wedges"), QStringLiteral("Each active policy's contribution to an output"), &runWedgesCommand},
        {QStringLiteral("bench"), QStringLiteral("Time the model (medians)"), &runBenchCommand},
        {QStringLiteral("calc"), QStringLiteral("Seed 001's calculators (fab-allocation, inference)"), &runCalcCommand},
        {QStringLiteral("report"), QStringLiteral("A scenario report as PDF (charts, map, sensitivity, sources)"),
         &runReportCommand, true},
    };
    return list;
}

namespace {

const Command *findCommand(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name)
            return &command;
    }
    return nullptr;
}

bool anyArgument(int argc, char **argv, std::initializer_list<const char *> names)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *name : names) {
            if (std::strcmp(argv[i], name) == 0)
                return true;
        }
    }
    return false;
}

/** Global options that take a value: the argument after them is that value, never a sub-command. */
constexpr const char *optionsWithValue[] = {"--kb",   "--screenshot", "--size",
                                            "--page", "--user-db",    "--measure-latency"};

bool takesValue(const QString &arg)
{
    return std::any_of(std::begin(optionsWithValue), std::end(optionsWithValue),
                       [&arg](const char *option) { return arg == QLatin1String(option); });
}

/** The first argument that is not an option or an option's value: the sub-command, if any. */
int commandIndex(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (arg[0] != '-')
            return i;
        for (const char *option : optionsWithValue) {
            if (std::strcmp(arg, option) == 0)
                ++i;
        }
    }
    return -1;
}

QString commandSummary()
{
    QString text = QStringLiteral("\nCommands (no display needed):\n");
    for (const Command &command : commands())
        text += QStringLiteral("  %1  %2\n").arg(command.name, -10).arg(command.summary);
    text += QStringLiteral("\nRun `techrace COMMAND --help` for a command's options.\n");
    return text;
}

} // namespace

bool isHeadless(int argc, char **argv)
{
    return commandIndex(argc, argv) > 0 || anyArgument(argc, argv, {"-h", "--help", "--help-all", "-v", "--version"});
}

bool commandNeedsGui(int argc, char **argv)
{
    const int index = commandIndex(argc, argv);
    if (index <= 0)
        return false;
    const Command *command = findCommand(QString::fromLocal8Bit(argv[index]));
    return command && command->needsGui;
}

bool rendersOffscreen(int argc, char **argv)
{
    return anyArgument(argc, argv, {"--self-test", "--screenshot", "--measure-latency"});
}

int run(QCoreApplication &app)
{
    QStringList args = QCoreApplication::arguments();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("TechRace: explore the geopolitical race for chips and AI compute.\n"
                       "Without a command, opens the window on the embedded knowledge base."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption kbOption(QStringLiteral("kb"),
                                      QStringLiteral("Use the knowledge base in <file> instead of the embedded one."),
                                      QStringLiteral("file"));
    const QCommandLineOption selfTestOption(
        QStringLiteral("self-test"), QStringLiteral("Load the real interface offscreen, check it, exit 0 or 1."));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QStringLiteral("Render the main window to <file.png> and exit."),
                                              QStringLiteral("file.png"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Window size for --screenshot (default 1280x800)."),
                                        QStringLiteral("WxH"), QStringLiteral("1280x800"));
    const QCommandLineOption pageOption(QStringLiteral("page"),
                                        QStringLiteral("Open the window on the page titled <title> (e.g. Knowledge)."),
                                        QStringLiteral("title"));
    const QCommandLineOption userDbOption(
        QStringLiteral("user-db"),
        QStringLiteral("Keep your own additions and edits in <file> (default: %1).").arg(userdb::defaultPath()),
        QStringLiteral("file"));
    const QCommandLineOption noUserDbOption(
        QStringLiteral("no-user-db"), QStringLiteral("Show the shipped knowledge base only, without your edits."));
    const QCommandLineOption latencyOption(
        QStringLiteral("measure-latency"),
        QStringLiteral("Move a lever <N> times in the real window offscreen (Charts page) and print p50/p95 of "
                       "the time from the change to the frame that shows it."),
        QStringLiteral("N"));
    parser.addOptions({kbOption, selfTestOption, screenshotOption, sizeOption, pageOption, userDbOption, noUserDbOption,
                       latencyOption});
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("Optional sub-command (see below)."),
                                 QStringLiteral("[command [args…]]"));

    // Sub-commands parse their own arguments: split them off before the global parser sees them.
    QStringList commandArgs;
    for (qsizetype i = 1; i < args.size(); ++i) {
        if (findCommand(args.at(i)) && !takesValue(args.at(i - 1))) {
            commandArgs = args.mid(i);
            args = args.mid(0, i);
            break;
        }
    }
    if (!parser.parse(args)) {
        err() << "techrace: " << parser.errorText() << "\nRun `techrace --help` for usage." << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText() << commandSummary();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err() << "techrace: unknown command \"" << parser.positionalArguments().first() << "\"" << commandSummary();
        return 2;
    }

    if (parser.isSet(userDbOption) && parser.isSet(noUserDbOption)) {
        err() << "techrace: --user-db and --no-user-db exclude each other" << Qt::endl;
        return 2;
    }
    const GlobalOptions global {parser.value(kbOption),
                                parser.isSet(noUserDbOption)     ? QString()
                                    : parser.isSet(userDbOption) ? parser.value(userDbOption)
                                                                 : userdb::defaultPath()};
    if (!commandArgs.isEmpty()) {
        const Command *command = findCommand(commandArgs.first());
        commandArgs.first().prepend(QStringLiteral("techrace "));
        return command->run(commandArgs, global);
    }

    auto *guiApp = qobject_cast<QApplication *>(&app);
    if (!guiApp) {
        err() << "techrace: the window needs a display" << Qt::endl;
        return 2;
    }
    GuiOptions gui;
    gui.kbPath = global.kbPath;
    gui.userDbPath = global.userDbPath;
    gui.selfTest = parser.isSet(selfTestOption);
    gui.screenshotPath = parser.value(screenshotOption);
    gui.page = parser.value(pageOption);
    if (parser.isSet(latencyOption)) {
        gui.measureLatency = parser.value(latencyOption).toInt();
        if (gui.measureLatency <= 0) {
            err() << "techrace: --measure-latency expects a positive count" << Qt::endl;
            return 2;
        }
    }
    static const QRegularExpression sizePattern(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
    const auto match = sizePattern.match(parser.value(sizeOption));
    if (!match.hasMatch()) {
        err() << "techrace: --size expects WIDTHxHEIGHT, e.g. 1280x800" << Qt::endl;
        return 2;
    }
    gui.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
    return runGui(*guiApp, gui);
}

} // namespace techrace::cli
