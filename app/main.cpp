#include "cli/commandline.h"
#include "gui/guirunner.h"
#include "staticplugins.h"

#include <QApplication>
#include <QCoreApplication>

int main(int argc, char *argv[])
{
    techrace::processClock().start();
    QCoreApplication::setApplicationName(QStringLiteral("techrace"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TECHRACE_VERSION));
    QCoreApplication::setOrganizationName(QStringLiteral("TechRace"));
    QGuiApplication::setDesktopFileName(QStringLiteral("techrace"));

    if (techrace::cli::commandNeedsGui(argc, argv)) {
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        return techrace::cli::run(app);
    }
    if (techrace::cli::isHeadless(argc, argv)) {
        QCoreApplication app(argc, argv);
        return techrace::cli::run(app);
    }
    if (techrace::cli::rendersOffscreen(argc, argv) && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    return techrace::cli::run(app);
}
