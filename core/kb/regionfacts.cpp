#include "kb/regionfacts.h"

namespace techrace {

namespace {

constexpr auto facilityColumns =
    "SELECT f.id, f.name, coalesce(c.name, ''), coalesce(f.location, ''), f.kind, f.status, "
    "f.latitude, f.longitude, f.source_id, f.quote, f.region_id "
    "FROM facilities f LEFT JOIN companies c ON c.id = f.company_id ";

RegionFacts::Facility facilityFrom(const SqliteStatement &row)
{
    RegionFacts::Facility f;
    f.id = row.text(0);
    f.name = row.text(1);
    f.companyName = row.text(2);
    f.location = row.text(3);
    f.kind = row.text(4);
    f.status = row.text(5);
    if (!row.isNull(6) && !row.isNull(7)) {
        f.latitude = row.real(6);
        f.longitude = row.real(7);
    }
    f.sourceId = row.text(8);
    f.quote = row.text(9);
    f.regionId = row.text(10);
    return f;
}

} // namespace

RegionFacts loadRegionFacts(const KnowledgeBase &kb, const QString &regionId)
{
    RegionFacts facts;
    auto companies = kb.database().prepare(
        QStringLiteral("SELECT c.id, c.name, coalesce(group_concat(r.role, ', '), '') FROM companies c "
                       "LEFT JOIN company_roles r ON r.company_id = c.id WHERE c.hq_region = ? "
                       "GROUP BY c.id ORDER BY c.name"));
    if (companies) {
        companies->bindText(1, regionId);
        while (companies->step() == SqliteStatement::Step::Row)
            facts.companies.append({companies->text(0), companies->text(1), companies->text(2)});
    }
    auto facilities = kb.database().prepare(QString::fromLatin1(facilityColumns) +
                                            QStringLiteral("WHERE f.region_id = ? ORDER BY f.name"));
    if (facilities) {
        facilities->bindText(1, regionId);
        while (facilities->step() == SqliteStatement::Step::Row)
            facts.facilities.append(facilityFrom(facilities.value()));
    }
    return facts;
}

QList<RegionFacts::Facility> locatedFacilities(const KnowledgeBase &kb)
{
    QList<RegionFacts::Facility> result;
    auto stmt = kb.database().prepare(
        QString::fromLatin1(facilityColumns) +
        QStringLiteral("WHERE f.latitude IS NOT NULL AND f.longitude IS NOT NULL ORDER BY f.name"));
    if (stmt) {
        while (stmt->step() == SqliteStatement::Step::Row)
            result.append(facilityFrom(stmt.value()));
    }
    return result;
}

} // namespace techrace
