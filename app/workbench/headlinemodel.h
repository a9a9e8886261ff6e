#pragma once

#include "model/results.h"

#include <QAbstractListModel>
#include <QQmlEngine>

namespace techrace {

class ScenarioController;

/**
 * The dashboard's headline indicators: one model value in one year, for the scenario and the baseline, the change
 * between them, and the whole scenario and baseline series for a sparkline.
 */
class HeadlineModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The scenario controller owns the headlines")

public:
    enum Role
    {
        TitleRole = Qt::UserRole + 1,
        YearRole,
        AvailableRole,
        ValueRole, // in display units (percent for shares)
        BaselineRole,
        DeltaRole,
        ValueTextRole,
        BaselineTextRole,
        DeltaTextRole,
        UnitRole,
        SparklineRole, // scenario values per year, display units
        BaselineSparklineRole,
        FirstYearRole
    };
    Q_ENUM(Role)

    struct Headline
    {
        QString title;
        Metric metric;
        QString region;
        QString segment;
        int year;
    };
    /** The indicators, in dashboard order. */
    static const QList<Headline> &headlines();

    explicit HeadlineModel(ScenarioController *controller, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    [[nodiscard]] int seriesIndex(const Headline &headline) const;
    ScenarioController *m_controller;
    QList<int> m_series; // per row, -1 when the engine has no such series
};

} // namespace techrace
