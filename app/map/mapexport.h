#pragma once

#include "export/exportfile.h"
#include "map/mappainter.h"
#include "status.h"

#include <QImage>
#include <QSize>
#include <QString>

namespace techrace {

/** The map drawn into an image of `size` pixels, exactly as the window draws it at that size. */
QImage renderMapImage(MapPainter &painter, const MapFrame &frame, QSize size);

/**
 * Writes the map to `path` atomically (a temporary file renamed over the target only once complete): PNG pixels,
 * SVG or PDF vectors, all drawn by the same MapPainter as the window. `size` is in pixels (PNG, SVG) or points (PDF).
 */
Status exportMap(MapPainter &painter, const MapFrame &frame, ExportFormat format, const QString &path, QSize size);

} // namespace techrace
