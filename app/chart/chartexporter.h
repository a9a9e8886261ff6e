#pragma once

#include "chart/chartfigure.h"
#include "export/exportfile.h"

#include <QObject>
#include <QPointer>
#include <QQmlEngine>
#include <QSize>
#include <QUrl>

namespace techrace {

class ChartData;

/**
 * The Charts page's export menu: the chart ChartData shows, for the scenario the workbench holds, as PNG (1x, 2x),
 * SVG, PDF, CSV with its metadata, or an image on the clipboard. Builds the same ChartFigure as `techrace export
 * chart|data`, so the window and the command line write the same files. Errors go to `lastError` and `failed`.
 */
class ChartExporter : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("workbench/chartdata.h")

    Q_PROPERTY(techrace::ChartData *chartData READ chartData WRITE setChartData NOTIFY chartDataChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)

public:
    /** The picture size exports use unless told otherwise, as the command line's default. */
    static constexpr QSize defaultSize {1200, 675};

    explicit ChartExporter(QObject *parent = nullptr);

    [[nodiscard]] ChartData *chartData() const { return m_chartData; }
    void setChartData(ChartData *chartData);
    [[nodiscard]] QString lastError() const { return m_lastError; }

    /** The figure of what the chart shows now, or why there is none. */
    [[nodiscard]] Expected<ChartFigure> figure() const;

    /** format: "png", "svg" or "pdf"; scale: PNG pixels per unit (2 for 2x). True when written. */
    Q_INVOKABLE bool exportChart(const QUrl &file, const QString &format, double scale = 1);
    /** The CSV and FILE.metadata.json beside it. */
    Q_INVOKABLE bool exportData(const QUrl &file);
    /** The chart as a 2x image on the clipboard. */
    Q_INVOKABLE bool copyImage();
    /** A file name for the chart: "self_sufficiency-CN-US.png". */
    Q_INVOKABLE [[nodiscard]] QString suggestedFileName(const QString &extension) const;

Q_SIGNALS:
    void chartDataChanged();
    void lastErrorChanged();
    void exported(const QString &path);
    void failed(const QString &message);

private:
    bool finish(const Status &status, const QString &path);
    QPointer<ChartData> m_chartData;
    QString m_lastError;
};

} // namespace techrace
