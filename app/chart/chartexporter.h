#pragma once

#include "chart/chartfigure.h"
#include "export/pictureexporter.h"

#include <QPointer>

namespace techrace {

class ChartData;

/**
 * The Charts page's exports: the chart ChartData shows, for the scenario the workbench holds, as PNG (1x, 2x), SVG,
 * PDF, CSV with its metadata, or an image on the clipboard. Builds the same ChartFigure as `techrace export
 * chart|data`, so the window and the command line write the same files.
 */
class ChartExporter : public PictureExporter
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("workbench/chartdata.h")

    Q_PROPERTY(techrace::ChartData *chartData READ chartData WRITE setChartData NOTIFY chartDataChanged)

public:
    explicit ChartExporter(QObject *parent = nullptr);

    [[nodiscard]] ChartData *chartData() const { return m_chartData; }
    void setChartData(ChartData *chartData);
    [[nodiscard]] bool hasData() const override { return true; }

    /** The figure of what the chart shows now, or why there is none. */
    [[nodiscard]] Expected<ChartFigure> figure() const;
    [[nodiscard]] Expected<Picture> picture() const override;

    /** The CSV and FILE.metadata.json beside it. */
    Q_INVOKABLE bool exportData(const QUrl &file) override;
    /** "self_sufficiency-leading_logic-CN-US.png" */
    Q_INVOKABLE [[nodiscard]] QString suggestedFileName(const QString &extension) const override;

Q_SIGNALS:
    void chartDataChanged();

private:
    QPointer<ChartData> m_chartData;
};

} // namespace techrace
