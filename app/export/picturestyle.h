#pragma once

#include <QColor>
#include <QFont>

#include <algorithm>
#include <cmath>

namespace techrace::picture {

// The pictures (map, charts, their exports) share one page, ink and muted colour, so they sit together in a report.
inline const QColor pageColor {0xff, 0xff, 0xff};
inline const QColor textColor {0x1d, 0x1d, 0x1b};
inline const QColor mutedColor {0x5f, 0x5f, 0x5a};

/** The application's font at a pixel size (never below 6 px, which no export stays legible under). */
inline QFont fontOfSize(double pixels, bool bold = false)
{
    QFont font;
    font.setPixelSize(std::max(6, int(std::lround(pixels))));
    font.setBold(bold);
    return font;
}

} // namespace techrace::picture
