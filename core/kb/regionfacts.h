#pragma once

#include "kb/knowledgebase.h"

#include <QList>
#include <QString>

#include <optional>

namespace techrace {

/** What the knowledge base holds about one region, for the map's region detail. */
struct RegionFacts
{
    struct Company
    {
        QString id;
        QString name;
        QString roles; // comma-separated, e.g. "foundry, idm"
    };
    struct Facility
    {
        QString id;
        QString name;
        QString regionId;
        QString companyName;
        QString location;
        QString kind;
        QString status;
        std::optional<double> latitude;
        std::optional<double> longitude;
        QString sourceId;
        QString quote;
    };
    QList<Company> companies; // headquartered in the region
    QList<Facility> facilities; // located in the region
};

/** Companies and facilities of a region (a KB region id), ordered by name. Empty when the region is unknown. */
RegionFacts loadRegionFacts(const KnowledgeBase &kb, const QString &regionId);

/** Every facility the knowledge base places with coordinates (for dots on the map). */
QList<RegionFacts::Facility> locatedFacilities(const KnowledgeBase &kb);

} // namespace techrace
