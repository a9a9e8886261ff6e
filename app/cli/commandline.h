#pragma once

class QCoreApplication;

namespace techrace::cli {

/**
 * True when the arguments ask for something that needs no display (a sub-command, --help, --version), so main()
 * can make a QCoreApplication and run without X or Wayland.
 */
bool isHeadless(int argc, char **argv);
/** True when the sub-command draws and so needs a QGuiApplication (offscreen, no display). */
bool commandNeedsGui(int argc, char **argv);
/** True for --self-test and --screenshot, which render offscreen by default. */
bool rendersOffscreen(int argc, char **argv);
/** Parses the arguments of `app` and runs the GUI or the sub-command; returns the process exit code. */
int run(QCoreApplication &app);

} // namespace techrace::cli
