#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace techrace::cli {

/** Options every sub-command shares. */
struct GlobalOptions
{
    QString kbPath; // empty: the embedded knowledge base
    QString userDbPath; // the user database layered over it; empty: none (--no-user-db)
};

/** A headless sub-command: `techrace NAME ARGS…`. Returns the exit code; prints its own errors to stderr. */
struct Command
{
    QString name;
    QString summary;
    int (*run)(const QStringList &args, const GlobalOptions &options);
    /** True when the command draws (fonts, images): main() then makes an offscreen QGuiApplication. */
    bool needsGui = false;
};

/** Every sub-command, in the order --help lists them. */
const QList<Command> &commands();

int runKbCommand(const QStringList &args, const GlobalOptions &options);
// The model (app/cli/modelcommand.cpp).
int runLeversCommand(const QStringList &args, const GlobalOptions &options);
int runRunCommand(const QStringList &args, const GlobalOptions &options);
int runExportCommand(const QStringList &args, const GlobalOptions &options);
// Model analyses (app/cli/analysiscommand.cpp).
int runCalibrateCommand(const QStringList &args, const GlobalOptions &options);
int runSensitivityCommand(const QStringList &args, const GlobalOptions &options);
int runGoalSeekCommand(const QStringList &args, const GlobalOptions &options);
int runExplainCommand(const QStringList &args, const GlobalOptions &options);
int runWedgesCommand(const QStringList &args, const GlobalOptions &options);
int runBenchCommand(const QStringList &args, const GlobalOptions &options);
int runCalcCommand(const QStringList &args, const GlobalOptions &options);
// The scenario report (app/cli/reportcommand.cpp).
int runReportCommand(const QStringList &args, const GlobalOptions &options);

} // namespace techrace::cli
