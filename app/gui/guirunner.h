#pragma once

#include <QElapsedTimer>
#include <QSize>
#include <QString>

class QApplication;

namespace techrace {

struct GuiOptions
{
    QString kbPath;
    QString userDbPath; // empty: no user database
    bool selfTest = false;
    QString screenshotPath;
    QString page; // title of the page to open on; empty: the first
    int measureLatency = 0; // > 0: move a lever this many times offscreen, print frame latency, exit
    QSize size {1280, 800};
};

/** Started first thing in main(), so start-up time can be reported up to the first frame. */
QElapsedTimer &processClock();

/** Opens the main window (or, with selfTest/screenshotPath, renders it once and exits). Returns the exit code. */
int runGui(QApplication &app, const GuiOptions &options);

} // namespace techrace
