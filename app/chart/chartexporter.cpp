#include "chart/chartexporter.h"

#include "chart/chartpainter.h"
#include "workbench/chartdata.h"
#include "workbench/scenariocontroller.h"

#include <memory>

namespace techrace {

ChartExporter::ChartExporter(QObject *parent)
    : PictureExporter(parent)
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

Expected<PictureExporter::Picture> ChartExporter::picture() const
{
    auto built = figure();
    if (!built)
        return built.status();
    auto shared = std::make_shared<const ChartFigure>(std::move(built).value());
    Picture picture;
    picture.title = shared->title;
    picture.description = shared->description();
    picture.size = defaultChartSize;
    picture.paint = [shared](QPainter &painter, const QRectF &bounds) {
        ChartPainter::paint(painter, *shared, bounds);
    };
    return picture;
}

bool ChartExporter::exportData(const QUrl &file)
{
    const QString path = localPath(file);
    const auto chart = figure();
    if (!chart)
        return finish(chart.status(), path);
    return finish(exportChartData(chart.value(), path), path);
}

QString ChartExporter::suggestedFileName(const QString &extension) const
{
    if (!m_chartData)
        return PictureExporter::suggestedFileName(extension);
    QStringList parts {m_chartData->metric()};
    if (!m_chartData->segment().isEmpty())
        parts.append(m_chartData->segment());
    if (!m_chartData->company().isEmpty())
        parts.append(m_chartData->company());
    parts.append(m_chartData->regions());
    return parts.join(u'-') + u'.' + extension;
}

} // namespace techrace
