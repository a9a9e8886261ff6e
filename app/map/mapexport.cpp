#include "map/mapexport.h"

#include <QDir>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

namespace techrace {

std::optional<ExportFormat> exportFormatFromString(const QString &format)
{
    const QString f = format.toLower();
    if (f == u"png")
        return ExportFormat::Png;
    if (f == u"svg")
        return ExportFormat::Svg;
    if (f == u"pdf")
        return ExportFormat::Pdf;
    return std::nullopt;
}

Status checkExportTarget(const QString &path)
{
    const QFileInfo target(path);
    const QString folder = QDir::toNativeSeparators(target.dir().path());
    if (!target.dir().exists())
        return Status::failure(QStringLiteral("Cannot write %1: folder %2 does not exist").arg(path, folder));
    if (target.isDir())
        return Status::failure(QStringLiteral("Cannot write %1: it is a folder").arg(path));
    if (!QFileInfo(target.dir().path()).isWritable())
        return Status::failure(QStringLiteral("Cannot write %1: folder %2 is not writable").arg(path, folder));
    return {};
}

Status writeExportFile(const QString &path, const QByteArray &bytes)
{
    if (Status target = checkExportTarget(path); !target)
        return target;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Status::failure(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

QImage renderMapImage(MapPainter &painter, const MapFrame &frame, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter p(&image);
    painter.paint(p, QRectF(QPointF(0, 0), QSizeF(size)), frame);
    p.end();
    return image;
}

Status exportMap(MapPainter &painter, const MapFrame &frame, ExportFormat format, const QString &path, QSize size)
{
    if (size.width() < 100 || size.height() < 60 || size.width() > 20000 || size.height() > 20000)
        return Status::failure(
            QStringLiteral("Size %1x%2 is out of range (100x60 to 20000x20000)").arg(size.width()).arg(size.height()));
    if (Status target = checkExportTarget(path); !target)
        return target;

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Status::failure(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    const QRectF bounds(QPointF(0, 0), QSizeF(size));
    switch (format) {
    case ExportFormat::Png: {
        const QImage image = renderMapImage(painter, frame, size);
        if (!image.save(&file, "PNG"))
            return Status::failure(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        break;
    }
    case ExportFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&file);
        svg.setSize(size);
        svg.setViewBox(bounds);
        svg.setTitle(frame.title);
        svg.setDescription(frame.subtitle + u". " + frame.sourceLine);
        QPainter p;
        if (!p.begin(&svg))
            return Status::failure(QStringLiteral("Cannot draw the SVG for %1").arg(path));
        painter.paint(p, bounds, frame);
        p.end();
        break;
    }
    case ExportFormat::Pdf: {
        QPdfWriter pdf(&file);
        pdf.setResolution(72); // one point per unit, so `size` is the page in points
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, frame.title, QPageSize::ExactMatch));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(frame.title);
        pdf.setCreator(QStringLiteral("TechRace"));
        QPainter p;
        if (!p.begin(&pdf))
            return Status::failure(QStringLiteral("Cannot draw the PDF for %1").arg(path));
        painter.paint(p, bounds, frame);
        p.end();
        break;
    }
    }
    if (file.error() != QFileDevice::NoError || !file.commit())
        return Status::failure(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace techrace
