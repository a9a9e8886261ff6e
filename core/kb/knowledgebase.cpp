#include "kb/knowledgebase.h"

#include "kb/kbschema.h"
#include "logging.h"

#include <QFile>

namespace techrace {

Expected<KnowledgeBase> KnowledgeBase::openEmbedded()
{
    QFile resource(QString::fromLatin1(embeddedResource));
    if (!resource.open(QIODevice::ReadOnly))
        return Status::failure(QStringLiteral("This build has no embedded knowledge base (%1)")
                                   .arg(QString::fromLatin1(embeddedResource)));
    return checked(SqliteDb::openImage(resource.readAll()), QStringLiteral("the embedded knowledge base"));
}

Expected<KnowledgeBase> KnowledgeBase::openFile(const QString &path)
{
    if (!QFile::exists(path))
        return Status::failure(QStringLiteral("Knowledge base %1 does not exist").arg(path));
    return checked(SqliteDb::open(path, SqliteDb::Mode::ReadOnly), path);
}

Expected<KnowledgeBase> KnowledgeBase::checked(Expected<SqliteDb> db, const QString &origin)
{
    if (!db)
        return db.status();
    const int version = db->userVersion();
    if (version > schemaVersion)
        return Status::failure(QStringLiteral("%1 has schema version %2, newer than this TechRace understands (%3). "
                                              "Update TechRace to open it.")
                                   .arg(origin)
                                   .arg(version)
                                   .arg(schemaVersion));
    if (version < 1)
        return Status::failure(QStringLiteral("%1 is not a TechRace knowledge base (no schema version)").arg(origin));
    qCDebug(lcKb) << "opened" << origin << "schema" << version;
    return KnowledgeBase(std::move(db).value());
}

const userdb::AttachResult &KnowledgeBase::attachUserDatabase(const QString &path)
{
    m_user = userdb::attach(m_db, path);
    return m_user;
}

QList<KnowledgeBase::Region> KnowledgeBase::regions() const
{
    QList<Region> result;
    auto stmt = m_db.prepare(QStringLiteral("SELECT id, name FROM regions ORDER BY sort_order"));
    if (!stmt)
        return result;
    while (stmt->step() == SqliteStatement::Step::Row)
        result.append({stmt->text(0), stmt->text(1)});
    return result;
}

QList<KnowledgeBase::Programme> KnowledgeBase::programmes() const
{
    QList<Programme> result;
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT id, name, region_id, amount_native, currency, amount_usd, "
                       "start_year, source_id, quote, funder, coalesce(part_of, '') FROM programmes "
                       "WHERE start_year IS NOT NULL AND (amount_native IS NOT NULL OR amount_usd IS NOT NULL) "
                       "ORDER BY start_year, id"));
    if (!stmt)
        return result;
    while (stmt->step() == SqliteStatement::Step::Row) {
        Programme p;
        p.id = stmt->text(0);
        p.name = stmt->text(1);
        p.regionId = stmt->text(2);
        p.amountNative = stmt->real(3); // 0 when only a dollar amount is stated
        p.currency = stmt->text(4);
        if (!stmt->isNull(5))
            p.amountUsd = stmt->real(5);
        p.startYear = static_cast<int>(stmt->integer(6));
        p.sourceId = stmt->text(7);
        p.quote = stmt->text(8);
        p.funder = stmt->text(9);
        p.partOf = stmt->text(10);
        result.append(p);
    }
    return result;
}

std::optional<KnowledgeBase::Parameter> KnowledgeBase::parameter(const QString &id) const
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT id, name, value, low, high, unit FROM parameters WHERE id = ?"));
    if (!stmt)
        return std::nullopt;
    stmt->bindText(1, id);
    if (stmt->step() != SqliteStatement::Step::Row)
        return std::nullopt;
    return Parameter {stmt->text(0), stmt->text(1), stmt->real(2), stmt->real(3), stmt->real(4), stmt->text(5)};
}

std::optional<KnowledgeBase::Source> KnowledgeBase::source(const QString &id) const
{
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT id, title, publisher, coalesce(published, ''), reliability FROM sources WHERE id = ?"));
    if (!stmt)
        return std::nullopt;
    stmt->bindText(1, id);
    if (stmt->step() != SqliteStatement::Step::Row)
        return std::nullopt;
    return Source {stmt->text(0), stmt->text(1), stmt->text(2), stmt->text(3), stmt->text(4)};
}

QList<QPair<QString, qint64>> KnowledgeBase::tableCounts() const
{
    QList<QPair<QString, qint64>> counts;
    for (const QString &table : kbschema::dataTables(m_db)) {
        auto count = m_db.scalar(QStringLiteral("SELECT count(*) FROM %1").arg(kbschema::quoteIdentifier(table)));
        counts.append({table, count ? count.value().toLongLong() : -1});
    }
    return counts;
}

} // namespace techrace
