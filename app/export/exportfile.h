#pragma once

#include "status.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPair>
#include <QRectF>
#include <QSize>
#include <QString>

#include <functional>
#include <optional>

class QIODevice;
class QPainter;

namespace techrace {

/** The picture formats every export offers: PNG pixels, SVG and PDF vectors. */
enum class ExportFormat
{
    Png,
    Svg,
    Pdf
};

std::optional<ExportFormat> exportFormatFromString(const QString &format);

/**
 * Checks what can be checked before writing `path`: its folder exists and it is not a folder itself. The message
 * names the file and the reason, for the user.
 */
Status checkExportTarget(const QString &path);

/**
 * Writes `path` atomically: `write` fills a temporary file beside it, which replaces the target only once complete
 * and flushed (QSaveFile). On any failure (no folder, read-only folder, full disk, `write` failing) the target is
 * left as it was and no temporary file remains.
 */
Status writeAtomically(const QString &path, const std::function<Status(QIODevice &)> &write);
Status writeBytesAtomically(const QString &path, const QByteArray &bytes);
/**
 * Writes several files that belong together (a CSV and its metadata): all are written and flushed to temporary
 * files first, and renamed over their targets only when every one was written, so a full disk or a read-only
 * folder leaves every target as it was.
 */
Status writeFilesAtomically(const QList<QPair<QString, QByteArray>> &files);

/** Draws into `bounds` (logical units: pixels for PNG and SVG, points for PDF). */
using PaintFunction = std::function<void(QPainter &, const QRectF &bounds)>;

/** One picture to export: its logical size, the PNG pixel ratio, and the title/description vector files carry. */
struct PictureSpec
{
    ExportFormat format = ExportFormat::Png;
    QSize size; // logical pixels (PNG, SVG) or points (PDF)
    double scale = 1; // PNG only: pixels per logical pixel (2 for a "2x" image)
    QString title;
    QString description;
};

/** `paint` into a white image of size × scale pixels (device pixel ratio `scale`). */
QImage renderPicture(QSize size, double scale, const PaintFunction &paint);

/** Checks a picture's size and scale; the message says the allowed range. */
Status checkPictureSpec(const PictureSpec &spec);

/** Writes the picture `paint` draws to `path` atomically, as PNG pixels or SVG/PDF vectors. */
Status exportPicture(const QString &path, const PictureSpec &spec, const PaintFunction &paint);

} // namespace techrace
