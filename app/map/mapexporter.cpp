#include "map/mapexporter.h"

#include "map/mapcontroller.h"
#include "map/worldmapitem.h"

namespace techrace {

MapExporter::MapExporter(QObject *parent)
    : PictureExporter(parent)
{ }

void MapExporter::setMap(WorldMap *map)
{
    if (m_map == map)
        return;
    m_map = map;
    Q_EMIT mapChanged();
}

Expected<PictureExporter::Picture> MapExporter::picture() const
{
    MapController *controller = MapController::instance();
    if (!m_map || !controller)
        return Status::failure(tr("There is no map to export."));
    MapRequest request;
    request.metricId = m_map->metric();
    request.year = m_map->year();
    request.mode = MapController::modeFromString(m_map->mode()).value_or(MapMode::Scenario);
    request.arrows = m_map->arrows();
    auto frame = controller->frame(request);
    if (!frame)
        return frame.status();
    Picture picture;
    picture.title = frame->title;
    picture.description = frame->subtitle + u". " + frame->sourceLine;
    picture.size = QSize(1600, 900);
    picture.paint = [controller = QPointer<MapController>(controller), frame = frame.value()](QPainter &painter,
                                                                                              const QRectF &bounds) {
        if (controller)
            controller->painter().paint(painter, bounds, frame);
    };
    return picture;
}

QString MapExporter::suggestedFileName(const QString &extension) const
{
    if (!m_map)
        return PictureExporter::suggestedFileName(extension);
    return QStringLiteral("%1-%2-%3.%4").arg(m_map->metric()).arg(m_map->year()).arg(m_map->mode(), extension);
}

} // namespace techrace
