#include "model/levers.h"

#include "model/fundingmodel.h"

#include <QRegularExpression>

#include <array>

namespace techrace {

namespace {

constexpr std::array<const char *, 5> groupIds = {"subsidies", "export_controls", "countermeasures", "shocks",
                                                  "assumptions"};

} // namespace

QString leverGroupId(LeverGroup group)
{
    return QLatin1String(groupIds[static_cast<std::size_t>(group)]);
}

std::optional<LeverGroup> leverGroupFromId(const QString &id)
{
    for (std::size_t i = 0; i < groupIds.size(); ++i) {
        if (id == QLatin1String(groupIds[i]))
            return static_cast<LeverGroup>(i);
    }
    return std::nullopt;
}

Expected<LeverRegistry> LeverRegistry::fromKnowledgeBase(const KnowledgeBase &kb)
{
    LeverRegistry registry;
    // Subsidies: the programmes equation F1 counts (state money, stated amount and start year, no sub-packages).
    auto funding = FundingModel::fromKnowledgeBase(kb);
    if (!funding)
        return funding.status();
    for (const FundingModel::Lever &p : funding->levers()) {
        Lever lever;
        lever.id = QStringLiteral("subsidy.") + p.programmeId;
        lever.label = p.label;
        lever.group = LeverGroup::Subsidies;
        lever.unit = QStringLiteral("multiple");
        lever.min = 0;
        lever.max = 3;
        lever.baseline = 1;
        lever.description = QStringLiteral("Scale of %1 (%2, US$%3 bn at 100%)")
                                .arg(p.label, p.regionId, QString::number(p.amountUsd / 1e9, 'f', 1));
        lever.kbRows = {QStringLiteral("programmes:") + p.programmeId};
        lever.sourceId = p.sourceId;
        lever.quote = p.quote;
        registry.m_levers.append(lever);
    }

    auto stmt = kb.database().prepare(QStringLiteral(
        "SELECT id, name, value, low, high, unit, description, derivation, source_id, quote FROM parameters "
        "WHERE id LIKE 'lever.%' ORDER BY id"));
    if (!stmt)
        return stmt.status();
    static const QRegularExpression kbRowPattern(
        QStringLiteral("\\b(policies|programmes|targets|process_nodes|observations|events|claims):([a-z0-9_]+)"));
    while (stmt->step() == SqliteStatement::Step::Row) {
        const QString parameterId = stmt->text(0);
        const QStringList parts = parameterId.split(QLatin1Char('.'));
        const auto group = parts.size() == 3 ? leverGroupFromId(parts.at(1)) : std::nullopt;
        if (!group)
            return Status::failure(QStringLiteral("Parameter %1: lever parameters are named lever.<group>.<id> with "
                                                  "group one of subsidies, export_controls, countermeasures, "
                                                  "shocks, assumptions")
                                       .arg(parameterId));
        Lever lever;
        lever.id = parts.at(2);
        lever.label = stmt->text(1);
        lever.group = *group;
        lever.baseline = stmt->real(2);
        lever.min = stmt->real(3);
        lever.max = stmt->real(4);
        lever.unit = stmt->text(5);
        lever.description = stmt->text(6);
        lever.kbRows = {QStringLiteral("parameters:") + parameterId};
        lever.sourceId = stmt->text(8);
        lever.quote = stmt->text(9);
        auto matches = kbRowPattern.globalMatch(stmt->text(7));
        while (matches.hasNext())
            lever.kbRows.append(matches.next().captured(0));
        registry.m_levers.append(lever);
    }
    // Panel order: by group, then as read (programmes by start year, parameters by id).
    std::stable_sort(registry.m_levers.begin(), registry.m_levers.end(),
                     [](const Lever &a, const Lever &b) { return a.group < b.group; });
    for (qsizetype i = 0; i < registry.m_levers.size(); ++i) {
        const QString &id = registry.m_levers.at(i).id;
        if (registry.m_index.contains(id))
            return Status::failure(QStringLiteral("Two levers share the id %1").arg(id));
        registry.m_index.insert(id, i);
    }
    return registry;
}

const Lever *LeverRegistry::find(const QString &id) const
{
    const qsizetype i = indexOf(id);
    return i < 0 ? nullptr : &m_levers.at(i);
}

std::vector<double> LeverRegistry::baselineValues() const
{
    std::vector<double> values;
    values.reserve(static_cast<std::size_t>(m_levers.size()));
    for (const Lever &lever : m_levers)
        values.push_back(lever.baseline);
    return values;
}

} // namespace techrace
