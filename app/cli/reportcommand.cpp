#include "cli/commands.h"
#include "cli/modelcli.h"
#include "cli/output.h"
#include "report/scenarioreport.h"

#include <QCommandLineParser>

#include <atomic>
#include <csignal>

namespace techrace::cli {

namespace {

std::atomic_bool interrupted {false};

extern "C" void onInterrupt(int /*signal*/)
{
    interrupted.store(true);
}

} // namespace

int runReportCommand(const QStringList &args, const GlobalOptions &options)
{
    QCommandLineParser parser;
    const QCommandLineOption outOption(
        QStringLiteral("out"), QStringLiteral("PDF file to write (replaced atomically)."), QStringLiteral("file.pdf"));
    const QCommandLineOption quietOption(QStringLiteral("quiet"), QStringLiteral("No progress on stderr."));
    parser.addOptions({outOption, quietOption});
    ScenarioOptions scenarioOptions;
    scenarioOptions.addTo(parser);
    const int exitCode = parseCommand(
        parser, args,
        QStringLiteral("Write a scenario report as PDF: cover, levers that differ from the baseline, headline "
                       "indicators, key charts, the map, sensitivity and sources. Ctrl+C cancels and leaves no file."));
    if (exitCode >= 0)
        return exitCode;
    const QString outPath = parser.value(outOption);
    if (outPath.isEmpty()) {
        err() << "techrace report: --out FILE.pdf is required" << Qt::endl;
        return 2;
    }
    const auto opened = openScenario(parser, scenarioOptions, options, QStringLiteral("techrace report"));
    if (!opened)
        return 1;
    const auto &[context, scenario] = *opened;

    ScenarioReport report(context, scenario);
    if (!parser.isSet(quietOption)) {
        report.setProgressCallback([](const ReportProgress &progress) {
            err() << '[' << progress.index << '/' << progress.count << "] " << progress.step << "…" << Qt::endl;
        });
    }
    interrupted.store(false);
    report.setCancelFlag(&interrupted);
    const auto previousHandler = std::signal(SIGINT, onInterrupt);
    const Status written = report.write(outPath);
    std::signal(SIGINT, previousHandler);
    if (!written) {
        err() << "techrace report: " << written.message() << Qt::endl;
        return report.wasCancelled() ? 130 : 1;
    }
    out() << "Wrote " << outPath << Qt::endl;
    return 0;
}

} // namespace techrace::cli
