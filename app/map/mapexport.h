#pragma once

#include "map/mappainter.h"
#include "status.h"

#include <QImage>
#include <QSize>
#include <QString>

#include <optional>

namespace techrace {

enum class ExportFormat
{
    Png,
    Svg,
    Pdf
};

std::optional<ExportFormat> exportFormatFromString(const QString &format);

/** Success when `path` can take an export: its folder exists and is writable and it is not itself a folder. */
Status checkExportTarget(const QString &path);
/** Writes `bytes` to `path` atomically (a temporary file renamed over the target only once complete). */
Status writeExportFile(const QString &path, const QByteArray &bytes);

/** The map drawn into an image of `size` pixels, exactly as the window draws it at that size. */
QImage renderMapImage(MapPainter &painter, const MapFrame &frame, QSize size);

/**
 * Writes the map to `path` atomically (a temporary file renamed over the target only once complete): PNG pixels,
 * SVG or PDF vectors, all drawn by the same MapPainter as the window. `size` is in pixels (PNG, SVG) or points (PDF).
 */
Status exportMap(MapPainter &painter, const MapFrame &frame, ExportFormat format, const QString &path, QSize size);

} // namespace techrace
