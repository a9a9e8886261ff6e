#pragma once

// The QML modules are static libraries: every executable that loads QML imports their plugins once.
#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(TechRacePlugin)
Q_IMPORT_QML_PLUGIN(TechRace_UiPlugin)
