#include "export/pictureexporter.h"

#include <QClipboard>
#include <QGuiApplication>

namespace techrace {

QString PictureExporter::localPath(const QUrl &file)
{
    return file.isLocalFile() ? file.toLocalFile() : file.toString();
}

bool PictureExporter::finish(const Status &status, const QString &path)
{
    const QString error = status ? QString() : status.message();
    if (error != m_lastError) {
        m_lastError = error;
        Q_EMIT lastErrorChanged();
    }
    if (!status) {
        Q_EMIT failed(error);
        return false;
    }
    Q_EMIT exported(path);
    return true;
}

Expected<PictureExporter::Picture> PictureExporter::picture() const
{
    return Status::failure(tr("There is nothing to export."));
}

QString PictureExporter::suggestedFileName(const QString &extension) const
{
    return QStringLiteral("techrace.") + extension;
}

bool PictureExporter::exportPicture(const QUrl &file, const QString &format, double scale)
{
    const QString path = localPath(file);
    const auto exportFormat = exportFormatFromString(format);
    if (!exportFormat)
        return finish(Status::failure(tr("Unknown picture format \"%1\" (png, svg or pdf)").arg(format)), path);
    const auto drawn = picture();
    if (!drawn)
        return finish(drawn.status(), path);
    PictureSpec spec;
    spec.format = *exportFormat;
    spec.size = drawn->size;
    spec.scale = scale;
    spec.title = drawn->title;
    spec.description = drawn->description;
    return finish(techrace::exportPicture(path, spec, drawn->paint), path);
}

bool PictureExporter::exportData(const QUrl &file)
{
    return finish(Status::failure(tr("This picture has no data export.")), localPath(file));
}

bool PictureExporter::copyImage()
{
    const auto drawn = picture();
    if (!drawn)
        return finish(drawn.status(), {});
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return finish(Status::failure(tr("There is no clipboard to copy to.")), {});
    clipboard->setImage(renderPicture(drawn->size, 2, drawn->paint));
    return finish({}, {});
}

} // namespace techrace
