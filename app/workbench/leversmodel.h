#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

namespace techrace {

class ScenarioController;

/**
 * The levers of the model, grouped (Subsidies, Export controls, Countermeasures, Shocks, Assumptions) and in
 * registry order within a group, with the current scenario's value beside the baseline. A ListView sections on
 * the `group` role.
 */
class LeversModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("The scenario controller owns the levers")

public:
    enum Role
    {
        LeverIdRole = Qt::UserRole + 1,
        LabelRole,
        GroupRole, // the group's display name
        GroupIdRole,
        UnitRole,
        MinimumRole,
        MaximumRole,
        StepRole,
        BaselineRole,
        ValueRole,
        ValueTextRole,
        BaselineTextRole,
        ChangedRole,
        DescriptionRole,
        FirstInGroupRole, // the first lever of its group: the view puts the group's heading above it
        SourcesRole // QStringList: "table:id — source title, publisher, date"
    };
    Q_ENUM(Role)

    explicit LeversModel(ScenarioController *controller, QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

    /** The row of a lever, or -1. */
    Q_INVOKABLE [[nodiscard]] int rowOf(const QString &leverId) const;
    [[nodiscard]] static QString groupName(int group);

private:
    void leverChanged(const QString &id);
    [[nodiscard]] QStringList sourcesOf(qsizetype lever) const;

    ScenarioController *m_controller;
    QList<qsizetype> m_order; // registry index per row
    QList<QStringList> m_sources; // per registry index, resolved once
};

} // namespace techrace
