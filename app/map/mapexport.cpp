#include "map/mapexport.h"

#include <QPainter>

namespace techrace {

QImage renderMapImage(MapPainter &painter, const MapFrame &frame, QSize size)
{
    return renderPicture(size, 1, [&](QPainter &p, const QRectF &bounds) { painter.paint(p, bounds, frame); });
}

Status exportMap(MapPainter &painter, const MapFrame &frame, ExportFormat format, const QString &path, QSize size)
{
    PictureSpec spec;
    spec.format = format;
    spec.size = size;
    spec.title = frame.title;
    spec.description = frame.subtitle + u". " + frame.sourceLine;
    return exportPicture(path, spec, [&](QPainter &p, const QRectF &bounds) { painter.paint(p, bounds, frame); });
}

} // namespace techrace
