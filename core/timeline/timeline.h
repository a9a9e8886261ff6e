#pragma once

#include "kb/knowledgebase.h"
#include "status.h"

#include <QList>
#include <QString>

#include <optional>

namespace techrace {

/**
 * One dated row of the knowledge base on a shared time axis: an event (a point), a policy (effective → expiry), a
 * programme (start year → end year) or a target (a point in its year). Times are fractional years, so "2025-11"
 * is 2025.83 and a policy with only a year starts at the beginning of that year.
 */
struct TimelineItem
{
    enum class Kind
    {
        Event,
        Policy,
        Programme,
        Target
    };
    /** What a policy does to its target, for the map's arrows. */
    enum class Effect
    {
        None, // not a policy, or one that loosens (an approval, a suspension)
        Control, // export controls, entity listings, guardrails, investment screening
        Countermeasure // mineral export bans, legacy-chip curbs, mandates
    };

    Kind kind = Kind::Event;
    QString table; // events, policies, programmes, targets
    QString id;
    QString title;
    QString subKind; // the row's own kind column (e.g. export_control, funding, government_target)
    QString regionId; // events, programmes, targets: the region; policies: the imposer
    QString targetRegionId; // policies only
    double start = 0;
    std::optional<double> end; // policies and programmes that state one
    QString status; // policies: in_force, lifted, ...
    Effect effect = Effect::None;
    QString detail; // description, scope or note
    QString sourceId;
    QString quote;

    /** True when the item touches the region (as its region, imposer or target). */
    [[nodiscard]] bool involves(const QString &region) const { return regionId == region || targetRegionId == region; }
    /** True for a restricting policy in force during `year` (from its effective year through its expiry year). */
    [[nodiscard]] bool restrictsDuring(int year) const;
};

/** Parses a KB date ("2025", "2025-11", "2025-11-03") into a fractional year; nothing when malformed. */
std::optional<double> fractionalYear(const QString &date);

/** Every dated event, policy, programme and target of the knowledge base, ordered by start. Undated rows are left out.
 */
Expected<QList<TimelineItem>> loadTimeline(const KnowledgeBase &kb);

/** The label users see for an item kind ("Event", "Policy", ...). */
QString timelineKindName(TimelineItem::Kind kind);

} // namespace techrace
