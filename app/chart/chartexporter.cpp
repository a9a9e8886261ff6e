#include "chart/chartexporter.h"

#include "chart/chartpainter.h"
#include "workbench/chartdata.h"
#include "workbench/scenariocontroller.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPainter>

namespace techrace {

ChartExporter::ChartExporter(QObject *parent)
    : QObject(parent)
{ }

void ChartExporter::setChartData(ChartData *chartData)
{
    if (m_chartData == chartData)
        return;
    m_chartData = chartData;
    Q_EMIT chartDataChanged();
}

Expected<ChartFigure> ChartExporter::figure() const
{
    if (!m_chartData || !m_chartData->controller())
        return Status::failure(tr("There is no chart to export."));
    const ScenarioController &controller = *m_chartData->controller();
    const ChartRequest request {m_chartData->metric(), m_chartData->regions(), m_chartData->segment(),
                                m_chartData->company()};
    return buildChartFigure(controller.context(), request, controller.baselineResults(), controller.scenarioResults(),
                            controller.scenario());
}

bool ChartExporter::finish(const Status &status, const QString &path)
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

bool ChartExporter::exportChart(const QUrl &file, const QString &format, double scale)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const auto exportFormat = exportFormatFromString(format);
    if (!exportFormat)
        return finish(Status::failure(tr("Unknown picture format \"%1\" (png, svg or pdf)").arg(format)), path);
    const auto chart = figure();
    if (!chart)
        return finish(chart.status(), path);
    PictureSpec spec;
    spec.format = *exportFormat;
    spec.size = defaultSize;
    spec.scale = scale;
    spec.title = chart->title;
    spec.description = chart->subtitle + u". " + chart->sourceLine;
    return finish(
        exportPicture(path, spec,
                      [&](QPainter &p, const QRectF &bounds) { ChartPainter::paint(p, chart.value(), bounds); }),
        path);
}

bool ChartExporter::exportData(const QUrl &file)
{
    const QString path = file.isLocalFile() ? file.toLocalFile() : file.toString();
    const auto chart = figure();
    if (!chart)
        return finish(chart.status(), path);
    return finish(exportChartData(chart.value(), path), path);
}

bool ChartExporter::copyImage()
{
    const auto chart = figure();
    if (!chart)
        return finish(chart.status(), {});
    QClipboard *clipboard = QGuiApplication::clipboard();
    if (!clipboard)
        return finish(Status::failure(tr("There is no clipboard to copy to.")), {});
    clipboard->setImage(renderPicture(
        defaultSize, 2, [&](QPainter &p, const QRectF &bounds) { ChartPainter::paint(p, chart.value(), bounds); }));
    return finish({}, {});
}

QString ChartExporter::suggestedFileName(const QString &extension) const
{
    if (!m_chartData)
        return QStringLiteral("chart.") + extension;
    QStringList parts {m_chartData->metric()};
    if (!m_chartData->segment().isEmpty())
        parts.append(m_chartData->segment());
    if (!m_chartData->company().isEmpty())
        parts.append(m_chartData->company());
    parts.append(m_chartData->regions());
    return parts.join(u'-') + u'.' + extension;
}

} // namespace techrace
