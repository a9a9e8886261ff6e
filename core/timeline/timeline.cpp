#include "timeline/timeline.h"

#include <QRegularExpression>

#include <algorithm>

namespace techrace {

namespace {

TimelineItem::Effect policyEffect(const QString &kind)
{
    // Not tariffs: a tariff row may raise or cut them (the KB's one tariff row is a cut), so it is no restriction by
    // kind alone.
    static const QStringList controls = {QStringLiteral("export_control"), QStringLiteral("entity_listing"),
                                         QStringLiteral("guardrail"), QStringLiteral("investment_screening")};
    static const QStringList countermeasures = {QStringLiteral("mineral_export_control"),
                                                QStringLiteral("legacy_chip_curb"), QStringLiteral("mandate")};
    if (controls.contains(kind))
        return TimelineItem::Effect::Control;
    if (countermeasures.contains(kind))
        return TimelineItem::Effect::Countermeasure;
    return TimelineItem::Effect::None;
}

/** Runs a query whose columns are, in order, the ones `fill` reads; appends what `fill` accepts. */
template<typename Fill>
Status collect(const KnowledgeBase &kb, const QString &sql, QList<TimelineItem> &items, Fill fill)
{
    auto stmt = kb.database().prepare(sql);
    if (!stmt)
        return stmt.status();
    while (true) {
        const auto step = stmt->step();
        if (step == SqliteStatement::Step::Done)
            return {};
        if (step == SqliteStatement::Step::Error)
            return Status::failure(stmt->errorMessage());
        TimelineItem item;
        if (fill(stmt.value(), item))
            items.append(std::move(item));
    }
}

} // namespace

std::optional<double> fractionalYear(const QString &date)
{
    static const QRegularExpression pattern(QStringLiteral("^(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?"));
    const auto match = pattern.match(date);
    if (!match.hasMatch())
        return std::nullopt;
    double year = match.captured(1).toDouble();
    if (match.hasCaptured(2)) {
        const int month = match.captured(2).toInt();
        if (month < 1 || month > 12)
            return std::nullopt;
        year += (month - 1) / 12.0;
        if (match.hasCaptured(3))
            year += (std::clamp(match.captured(3).toInt(), 1, 31) - 1) / 365.0;
    }
    return year;
}

bool TimelineItem::restrictsDuring(int year) const
{
    if (kind != Kind::Policy || effect == Effect::None || targetRegionId.isEmpty())
        return false;
    if (int(start) > year)
        return false;
    return !end || int(*end) >= year;
}

QString timelineKindName(TimelineItem::Kind kind)
{
    switch (kind) {
    case TimelineItem::Kind::Event:
        return QStringLiteral("Event");
    case TimelineItem::Kind::Policy:
        return QStringLiteral("Policy");
    case TimelineItem::Kind::Programme:
        return QStringLiteral("Programme");
    case TimelineItem::Kind::Target:
        return QStringLiteral("Target");
    }
    return {};
}

Expected<QList<TimelineItem>> loadTimeline(const KnowledgeBase &kb)
{
    QList<TimelineItem> items;
    Status status = collect(kb,
                            QStringLiteral("SELECT id, title, kind, coalesce(region_id, ''), date, description, "
                                           "source_id, quote FROM events"),
                            items, [](const SqliteStatement &row, TimelineItem &item) {
                                const auto start = fractionalYear(row.text(4));
                                if (!start)
                                    return false;
                                item.kind = TimelineItem::Kind::Event;
                                item.table = QStringLiteral("events");
                                item.id = row.text(0);
                                item.title = row.text(1);
                                item.subKind = row.text(2);
                                item.regionId = row.text(3);
                                item.start = *start;
                                item.detail = row.text(5);
                                item.sourceId = row.text(6);
                                item.quote = row.text(7);
                                return true;
                            });
    if (!status)
        return status;
    status =
        collect(kb,
                QStringLiteral("SELECT id, name, kind, imposer_id, coalesce(target_id, ''), coalesce(effective, ''), "
                               "coalesce(expiry, ''), status, scope, note, source_id, quote FROM policies"),
                items, [](const SqliteStatement &row, TimelineItem &item) {
                    const auto start = fractionalYear(row.text(5));
                    if (!start)
                        return false; // no effective date: nothing to place on the axis
                    item.kind = TimelineItem::Kind::Policy;
                    item.table = QStringLiteral("policies");
                    item.id = row.text(0);
                    item.title = row.text(1);
                    item.subKind = row.text(2);
                    item.regionId = row.text(3);
                    item.targetRegionId = row.text(4);
                    item.start = *start;
                    item.end = fractionalYear(row.text(6));
                    item.status = row.text(7);
                    item.effect = policyEffect(item.subKind);
                    item.detail = row.text(9).isEmpty() ? row.text(8) : row.text(8) + u"\n" + row.text(9);
                    item.sourceId = row.text(10);
                    item.quote = row.text(11);
                    return true;
                });
    if (!status)
        return status;
    status = collect(kb,
                     QStringLiteral("SELECT id, name, kind, region_id, start_year, end_year, coalesce(note, ''), "
                                    "source_id, quote FROM programmes WHERE start_year IS NOT NULL"),
                     items, [](const SqliteStatement &row, TimelineItem &item) {
                         item.kind = TimelineItem::Kind::Programme;
                         item.table = QStringLiteral("programmes");
                         item.id = row.text(0);
                         item.title = row.text(1);
                         item.subKind = row.text(2);
                         item.regionId = row.text(3);
                         item.start = double(row.integer(4));
                         if (!row.isNull(5))
                             item.end = double(row.integer(5)) + 1; // funding runs to the end of its last year
                         item.detail = row.text(6);
                         item.sourceId = row.text(7);
                         item.quote = row.text(8);
                         return true;
                     });
    if (!status)
        return status;
    status = collect(kb,
                     QStringLiteral("SELECT id, name, kind, coalesce(region_id, ''), year, note, source_id, quote, "
                                    "metric FROM targets"),
                     items, [](const SqliteStatement &row, TimelineItem &item) {
                         item.kind = TimelineItem::Kind::Target;
                         item.table = QStringLiteral("targets");
                         item.id = row.text(0);
                         item.title = row.text(1);
                         item.subKind = row.text(2);
                         item.regionId = row.text(3);
                         item.start = double(row.integer(4));
                         item.detail = row.text(5).isEmpty() ? row.text(8) : row.text(8) + u"\n" + row.text(5);
                         item.sourceId = row.text(6);
                         item.quote = row.text(7);
                         return true;
                     });
    if (!status)
        return status;
    std::stable_sort(items.begin(), items.end(), [](const TimelineItem &a, const TimelineItem &b) {
        return a.start < b.start || (a.start == b.start && a.id < b.id);
    });
    return items;
}

} // namespace techrace
