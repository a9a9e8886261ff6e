#pragma once

#include "export/exportfile.h"

#include <QObject>
#include <QQmlEngine>
#include <QSize>
#include <QUrl>

namespace techrace {

/**
 * What an Export menu talks to (qml/components/ExportMenu.qml): a picture as PNG (any scale), SVG or PDF, the data
 * behind it, or a 2x image on the clipboard. Subclasses say what the picture is (ChartExporter, MapExporter); this
 * class writes it atomically and reports the outcome through `lastError`, `exported` and `failed`.
 */
class PictureExporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Use ChartExporter or MapExporter")

    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(bool hasData READ hasData CONSTANT)

public:
    /** A picture ready to draw: `paint` owns what it draws. */
    struct Picture
    {
        QString title;
        QString description;
        QSize size {1200, 675}; // pixels (points for PDF)
        PaintFunction paint;
    };

    using QObject::QObject;

    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] virtual bool hasData() const { return false; }

    /** format: "png", "svg" or "pdf"; scale: PNG pixels per unit (2 for 2x). True when written. */
    Q_INVOKABLE bool exportPicture(const QUrl &file, const QString &format, double scale = 1);
    /** The numbers behind the picture (CSV and its metadata), where there are any. */
    Q_INVOKABLE virtual bool exportData(const QUrl &file);
    /** The picture as a 2x image on the clipboard. */
    Q_INVOKABLE bool copyImage();
    /** A file name for the picture with this extension, e.g. "self_sufficiency-CN-US.png". */
    Q_INVOKABLE [[nodiscard]] virtual QString suggestedFileName(const QString &extension) const;

    /** What is to be drawn now, or why nothing can be. */
    [[nodiscard]] virtual Expected<Picture> picture() const;

Q_SIGNALS:
    void lastErrorChanged();
    /** `path` is empty for a copy to the clipboard. */
    void exported(const QString &path);
    void failed(const QString &message);

protected:
    static QString localPath(const QUrl &file);
    /** Records the outcome for the view; returns whether it succeeded. */
    bool finish(const Status &status, const QString &path);

private:
    QString m_lastError;
};

} // namespace techrace
