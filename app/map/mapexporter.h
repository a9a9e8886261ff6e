#pragma once

#include "export/pictureexporter.h"

#include <QPointer>

namespace techrace {

class WorldMap;

/**
 * The Map page's exports: the map a WorldMap shows (metric, year, mode, arrows) as PNG (1x, 2x), SVG, PDF or an image
 * on the clipboard, drawn by MapController's painter as `techrace export map` draws it (1600×900 by default).
 */
class MapExporter : public PictureExporter
{
    Q_OBJECT
    QML_ELEMENT
    Q_MOC_INCLUDE("map/worldmapitem.h")

    Q_PROPERTY(techrace::WorldMap *map READ map WRITE setMap NOTIFY mapChanged)

public:
    explicit MapExporter(QObject *parent = nullptr);

    [[nodiscard]] WorldMap *map() const { return m_map; }
    void setMap(WorldMap *map);

    [[nodiscard]] Expected<Picture> picture() const override;
    /** "model.self_sufficiency-2030-scenario.png" */
    Q_INVOKABLE [[nodiscard]] QString suggestedFileName(const QString &extension) const override;

Q_SIGNALS:
    void mapChanged();

private:
    QPointer<WorldMap> m_map;
};

} // namespace techrace
