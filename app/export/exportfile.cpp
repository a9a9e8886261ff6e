#include "export/exportfile.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgGenerator>

#include <memory>
#include <vector>

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
    if (path.isEmpty())
        return Status::failure(QStringLiteral("No file to write to"));
    const QFileInfo target(path);
    if (!target.dir().exists())
        return Status::failure(QStringLiteral("Cannot write %1: folder %2 does not exist")
                                   .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(target.dir().path())));
    if (target.isDir())
        return Status::failure(QStringLiteral("Cannot write %1: it is a folder").arg(QDir::toNativeSeparators(path)));
    return {};
}

Status writeAtomically(const QString &path, const std::function<Status(QIODevice &)> &write)
{
    if (Status ok = checkExportTarget(path); !ok)
        return ok;
    const auto failure = [&path](const QString &reason) {
        return Status::failure(QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason));
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return failure(file.errorString());
    if (Status written = write(file); !written) {
        file.cancelWriting();
        return written;
    }
    // Flushing before commit() is where a full disk shows, with its reason; the temporary file goes with `file`.
    if (file.error() != QFileDevice::NoError || !file.flush()) {
        const QString reason = file.errorString();
        file.cancelWriting();
        return failure(reason);
    }
    if (!file.commit())
        return failure(file.errorString());
    return {};
}

Status writeBytesAtomically(const QString &path, const QByteArray &bytes)
{
    return writeAtomically(path, [&](QIODevice &device) -> Status {
        if (device.write(bytes) != bytes.size())
            return Status::failure(
                QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), device.errorString()));
        return {};
    });
}

Status writeFilesAtomically(const QList<QPair<QString, QByteArray>> &files)
{
    std::vector<std::unique_ptr<QSaveFile>> saves;
    for (const auto &[path, bytes] : files) {
        if (Status ok = checkExportTarget(path); !ok)
            return ok;
        auto &file = saves.emplace_back(std::make_unique<QSaveFile>(path));
        // Flushing here, before any rename, is where a full disk shows.
        if (!file->open(QIODevice::WriteOnly) || file->write(bytes) != bytes.size() || !file->flush())
            return Status::failure(
                QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file->errorString()));
    }
    for (std::size_t i = 0; i < saves.size(); ++i) {
        if (!saves[i]->commit())
            return Status::failure(
                QStringLiteral("Cannot write %1: %2")
                    .arg(QDir::toNativeSeparators(files.at(static_cast<qsizetype>(i)).first), saves[i]->errorString()));
    }
    return {};
}

QImage renderPicture(QSize size, double scale, const PaintFunction &paint)
{
    QImage image(size * scale, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter p(&image);
    paint(p, QRectF(QPointF(0, 0), QSizeF(size)));
    p.end();
    return image;
}

Status checkPictureSpec(const PictureSpec &spec)
{
    const QSize &size = spec.size;
    if (size.width() < 100 || size.height() < 60 || size.width() > 20000 || size.height() > 20000)
        return Status::failure(
            QStringLiteral("Size %1x%2 is out of range (100x60 to 20000x20000)").arg(size.width()).arg(size.height()));
    if (!(spec.scale >= 0.25 && spec.scale <= 8))
        return Status::failure(QStringLiteral("Scale %1 is out of range (0.25 to 8)").arg(spec.scale));
    if (size.width() * spec.scale > 20000 || size.height() * spec.scale > 20000)
        return Status::failure(QStringLiteral("Size %1x%2 at scale %3 is more than 20000 pixels across")
                                   .arg(size.width())
                                   .arg(size.height())
                                   .arg(spec.scale));
    return {};
}

Status exportPicture(const QString &path, const PictureSpec &spec, const PaintFunction &paint)
{
    if (Status ok = checkPictureSpec(spec); !ok)
        return ok;
    const QRectF bounds(QPointF(0, 0), QSizeF(spec.size));
    return writeAtomically(path, [&](QIODevice &device) -> Status {
        switch (spec.format) {
        case ExportFormat::Png: {
            // Encoded in memory first: the PNG encoder hides the device's reason (a full disk) behind its own.
            QByteArray png;
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            if (!renderPicture(spec.size, spec.scale, paint).save(&buffer, "PNG"))
                return Status::failure(QStringLiteral("Cannot encode the PNG for %1").arg(path));
            if (device.write(png) != png.size())
                return Status::failure(
                    QStringLiteral("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), device.errorString()));
            return {};
        }
        case ExportFormat::Svg: {
            QSvgGenerator svg;
            svg.setOutputDevice(&device);
            svg.setSize(spec.size);
            svg.setViewBox(bounds);
            svg.setTitle(spec.title);
            svg.setDescription(spec.description);
            QPainter p;
            if (!p.begin(&svg))
                return Status::failure(QStringLiteral("Cannot draw the SVG for %1").arg(path));
            paint(p, bounds);
            p.end();
            return {};
        }
        case ExportFormat::Pdf: {
            QPdfWriter pdf(&device);
            pdf.setResolution(72); // one point per unit, so `size` is the page in points
            pdf.setPageSize(QPageSize(QSizeF(spec.size), QPageSize::Point, spec.title, QPageSize::ExactMatch));
            pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
            pdf.setTitle(spec.title);
            pdf.setCreator(QStringLiteral("TechRace"));
            QPainter p;
            if (!p.begin(&pdf))
                return Status::failure(QStringLiteral("Cannot draw the PDF for %1").arg(path));
            paint(p, bounds);
            p.end();
            return {};
        }
        }
        return {};
    });
}

} // namespace techrace
