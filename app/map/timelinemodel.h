#pragma once

#include "timeline/timeline.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace techrace {

/**
 * The knowledge base's events, policies, programmes and targets on one time axis, filtered by region and kind:
 * one row per item, ordered by start. Reads MapController's timeline, so it needs the controller's instance.
 */
class TimelineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT

    /** A region id, or empty for every region. An item matches when it is its region, imposer or target. */
    Q_PROPERTY(QString regionFilter READ regionFilter WRITE setRegionFilter NOTIFY filterChanged)
    /** "Event", "Policy", "Programme", "Target", or empty for every kind. */
    Q_PROPERTY(QString kindFilter READ kindFilter WRITE setKindFilter NOTIFY filterChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /** The axis: whole years that hold every item (unfiltered), so filtering does not rescale it. */
    Q_PROPERTY(int firstYear READ firstYear CONSTANT)
    Q_PROPERTY(int lastYear READ lastYear CONSTANT)
    Q_PROPERTY(QStringList kinds READ kinds CONSTANT)

public:
    enum Role
    {
        ItemIdRole = Qt::UserRole + 1,
        TableRole,
        KindRole,
        SubKindRole,
        TitleRole,
        RegionRole,
        TargetRegionRole,
        StartRole,
        EndRole, // -1 when the item has no end
        StatusRole,
        DetailRole,
        SourceIdRole,
        SourceTitleRole,
        QuoteRole,
        PeriodRole
    };
    Q_ENUM(Role)

    explicit TimelineModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    [[nodiscard]] QString regionFilter() const { return m_regionFilter; }
    void setRegionFilter(const QString &region);
    [[nodiscard]] QString kindFilter() const { return m_kindFilter; }
    void setKindFilter(const QString &kind);
    [[nodiscard]] int count() const { return int(m_rows.size()); }
    [[nodiscard]] int firstYear() const { return m_firstYear; }
    [[nodiscard]] int lastYear() const { return m_lastYear; }
    [[nodiscard]] QStringList kinds() const;

    /** Every role of a row as a map (for the detail pane); empty for a bad row. */
    Q_INVOKABLE [[nodiscard]] QVariantMap get(int row) const;

Q_SIGNALS:
    void filterChanged();
    void countChanged();

private:
    void refilter();
    QList<TimelineItem> m_items;
    QList<qsizetype> m_rows; // indices into m_items that pass the filters
    QString m_regionFilter;
    QString m_kindFilter;
    int m_firstYear = 2015;
    int m_lastYear = 2040;
};

} // namespace techrace
