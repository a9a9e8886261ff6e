#pragma once

#include "kb/knowledgebase.h"
#include "status.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace techrace {

/** The lever groups, in the order a levers panel shows them. Assumptions are kept apart from policies. */
enum class LeverGroup
{
    Subsidies,
    ExportControls,
    Countermeasures,
    Shocks,
    Assumptions
};

QString leverGroupId(LeverGroup group); // "subsidies", "export_controls", …
std::optional<LeverGroup> leverGroupFromId(const QString &id);

/** One control a user can move. Its baseline is the value the KB says holds today. */
struct Lever
{
    QString id; // scenario files use it: "ai_chip_control", "subsidy.cn_big_fund_3"
    QString label; // human-readable, from the KB row
    LeverGroup group = LeverGroup::Assumptions;
    QString unit; // a KB unit id: multiple, fraction, years, …
    double min = 0;
    double max = 1;
    double baseline = 0;
    QString description;
    QStringList kbRows; // "table:id" of the KB rows the lever comes from (its parameter or programme first)
    QString sourceId; // the source of its baseline (KB sources.id) and the verbatim quote, for an info tooltip
    QString quote;
};

/**
 * Every lever of the model, read from the knowledge base:
 * - one subsidy lever `subsidy.<programme id>` per state programme with an amount and a start year (scale
 *   0–3, baseline 1; KB row programmes:<id>);
 * - every parameter row `lever.<group>.<id>`: value = baseline, low..high = the lever's range, name = label;
 *   `table:id` tokens in its derivation name the policies, targets etc. it comes from.
 */
class LeverRegistry
{
public:
    static Expected<LeverRegistry> fromKnowledgeBase(const KnowledgeBase &kb);

    [[nodiscard]] const QList<Lever> &levers() const { return m_levers; }
    [[nodiscard]] qsizetype size() const { return m_levers.size(); }
    [[nodiscard]] qsizetype indexOf(const QString &id) const { return m_index.value(id, -1); }
    [[nodiscard]] const Lever *find(const QString &id) const;
    [[nodiscard]] std::vector<double> baselineValues() const;

private:
    QList<Lever> m_levers;
    QHash<QString, qsizetype> m_index;
};

} // namespace techrace
