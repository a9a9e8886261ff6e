#include "map/timelinemodel.h"

#include "map/mapcontroller.h"

#include <cmath>

namespace techrace {

namespace {

QString monthText(double t)
{
    const int year = int(t);
    const int month = int(std::lround((t - year) * 12)) + 1;
    return month <= 1 ? QString::number(year) : QStringLiteral("%1-%2").arg(year).arg(month, 2, 10, QLatin1Char('0'));
}

} // namespace

TimelineModel::TimelineModel(QObject *parent)
    : QAbstractListModel(parent)
{
    if (MapController *controller = MapController::instance())
        m_items = controller->timeline();
    if (!m_items.isEmpty()) {
        double first = m_items.first().start;
        double last = first;
        for (const TimelineItem &item : std::as_const(m_items)) {
            first = std::min(first, item.start);
            last = std::max(last, item.end.value_or(item.start));
        }
        m_firstYear = int(std::floor(first));
        m_lastYear = int(std::floor(last)) + 1;
    }
    refilter();
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TimelineItem &item = m_items.at(m_rows.at(index.row()));
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return item.title;
    case ItemIdRole:
        return item.id;
    case TableRole:
        return item.table;
    case KindRole:
        return timelineKindName(item.kind);
    case SubKindRole:
        return item.subKind;
    case RegionRole:
        return item.regionId;
    case TargetRegionRole:
        return item.targetRegionId;
    case StartRole:
        return item.start;
    case EndRole:
        return item.end.value_or(-1.0);
    case StatusRole:
        return item.status;
    case DetailRole:
        return item.detail;
    case SourceIdRole:
        return item.sourceId;
    case SourceTitleRole: {
        MapController *controller = MapController::instance();
        const auto source = controller ? controller->knowledgeBase().source(item.sourceId) : std::nullopt;
        return source ? QStringLiteral("%1 (%2)").arg(source->title, source->publisher) : item.sourceId;
    }
    case QuoteRole:
        return item.quote;
    case PeriodRole:
        return item.end ? monthText(item.start) + u" – " + monthText(*item.end) : monthText(item.start);
    default:
        return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    return {{ItemIdRole, "itemId"},
            {TableRole, "table"},
            {KindRole, "kind"},
            {SubKindRole, "subKind"},
            {TitleRole, "title"},
            {RegionRole, "region"},
            {TargetRegionRole, "targetRegion"},
            {StartRole, "start"},
            {EndRole, "end"},
            {StatusRole, "status"},
            {DetailRole, "detail"},
            {SourceIdRole, "sourceId"},
            {SourceTitleRole, "sourceTitle"},
            {QuoteRole, "quote"},
            {PeriodRole, "period"}};
}

void TimelineModel::setRegionFilter(const QString &region)
{
    if (region == m_regionFilter)
        return;
    m_regionFilter = region;
    refilter();
    Q_EMIT filterChanged();
}

void TimelineModel::setKindFilter(const QString &kind)
{
    if (kind == m_kindFilter)
        return;
    m_kindFilter = kind;
    refilter();
    Q_EMIT filterChanged();
}

QStringList TimelineModel::kinds() const
{
    return {timelineKindName(TimelineItem::Kind::Event), timelineKindName(TimelineItem::Kind::Policy),
            timelineKindName(TimelineItem::Kind::Programme), timelineKindName(TimelineItem::Kind::Target)};
}

QVariantMap TimelineModel::get(int row) const
{
    QVariantMap map;
    const QModelIndex i = index(row);
    if (!i.isValid())
        return map;
    const auto roles = roleNames();
    for (auto it = roles.constBegin(); it != roles.constEnd(); ++it)
        map.insert(QString::fromLatin1(it.value()), data(i, it.key()));
    return map;
}

void TimelineModel::refilter()
{
    const int before = int(m_rows.size());
    beginResetModel();
    m_rows.clear();
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const TimelineItem &item = m_items.at(i);
        if (!m_regionFilter.isEmpty() && !item.involves(m_regionFilter))
            continue;
        if (!m_kindFilter.isEmpty() && timelineKindName(item.kind) != m_kindFilter)
            continue;
        m_rows.append(i);
    }
    endResetModel();
    if (before != int(m_rows.size()))
        Q_EMIT countChanged();
}

} // namespace techrace
