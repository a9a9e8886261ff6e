#include "workbench/leversmodel.h"

#include "kb/sqlitedb.h"
#include "workbench/metricinfo.h"
#include "workbench/scenariocontroller.h"

#include <algorithm>

namespace techrace {

LeversModel::LeversModel(ScenarioController *controller, QObject *parent)
    : QAbstractListModel(parent)
    , m_controller(controller)
{
    const QList<Lever> &levers = controller->engine().levers().levers();
    for (qsizetype i = 0; i < levers.size(); ++i) {
        m_order.append(i);
        m_sources.append(sourcesOf(i));
    }
    std::stable_sort(m_order.begin(), m_order.end(), [&levers](qsizetype a, qsizetype b) {
        return static_cast<int>(levers.at(a).group) < static_cast<int>(levers.at(b).group);
    });
    connect(controller, &ScenarioController::leverChanged, this, &LeversModel::leverChanged);
    // A new document may change any lever at once.
    connect(controller, &ScenarioController::documentChanged, this, [this]() {
        if (!m_order.isEmpty())
            Q_EMIT dataChanged(index(0), index(rowCount() - 1), {ValueRole, ValueTextRole, ChangedRole});
    });
}

QString LeversModel::groupName(int group)
{
    switch (static_cast<LeverGroup>(group)) {
    case LeverGroup::Subsidies:
        return tr("Subsidies");
    case LeverGroup::ExportControls:
        return tr("Export controls");
    case LeverGroup::Countermeasures:
        return tr("Countermeasures");
    case LeverGroup::Shocks:
        return tr("Shocks");
    case LeverGroup::Assumptions:
        return tr("Assumptions");
    }
    return {};
}

/** The KB rows a lever comes from, each with the source it cites, for the info popup. */
QStringList LeversModel::sourcesOf(qsizetype lever) const
{
    const KnowledgeBase &kb = m_controller->context().knowledgeBase();
    QStringList lines;
    for (const QString &row : m_controller->engine().levers().levers().at(lever).kbRows) {
        const QString table = row.section(u':', 0, 0);
        const QString id = row.section(u':', 1);
        QString line = row;
        static const QStringList tablesWithSources = {QStringLiteral("parameters"), QStringLiteral("programmes"),
                                                      QStringLiteral("policies"), QStringLiteral("targets")};
        if (tablesWithSources.contains(table)) {
            auto stmt =
                kb.database().prepare(QStringLiteral("SELECT source_id, quote FROM %1 WHERE id = ?").arg(table));
            if (stmt) {
                stmt->bindText(1, id);
                if (stmt->step() == SqliteStatement::Step::Row) {
                    const auto source = kb.source(stmt->text(0));
                    if (source)
                        line +=
                            QStringLiteral(" — %1, %2 (%3)").arg(source->title, source->publisher, source->published);
                    if (!stmt->text(1).isEmpty())
                        line += QStringLiteral(": “%1”").arg(stmt->text(1));
                }
            }
        }
        lines.append(line);
    }
    return lines;
}

int LeversModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_order.size());
}

int LeversModel::rowOf(const QString &leverId) const
{
    const qsizetype lever = m_controller->engine().levers().indexOf(leverId);
    return static_cast<int>(m_order.indexOf(lever));
}

QVariant LeversModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const qsizetype registryIndex = m_order.at(index.row());
    const Lever &lever = m_controller->engine().levers().levers().at(registryIndex);
    const double value = m_controller->scenario().leverValue(lever);
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return lever.label;
    case LeverIdRole:
        return lever.id;
    case GroupRole:
        return groupName(static_cast<int>(lever.group));
    case GroupIdRole:
        return leverGroupId(lever.group);
    case UnitRole:
        return lever.unit;
    case MinimumRole:
        return lever.min;
    case MaximumRole:
        return lever.max;
    case StepRole:
        return leverStep(lever.unit);
    case BaselineRole:
        return lever.baseline;
    case ValueRole:
        return value;
    case ValueTextRole:
        return formatLeverValue(lever.unit, value);
    case BaselineTextRole:
        return formatLeverValue(lever.unit, lever.baseline);
    case ChangedRole:
        return value != lever.baseline;
    case DescriptionRole:
        return lever.description;
    case SourcesRole:
        return m_sources.at(registryIndex);
    case FirstInGroupRole:
        return index.row() == 0 ||
            m_controller->engine().levers().levers().at(m_order.at(index.row() - 1)).group != lever.group;
    default:
        return {};
    }
}

QHash<int, QByteArray> LeversModel::roleNames() const
{
    return {{LeverIdRole, "leverId"},
            {LabelRole, "label"},
            {GroupRole, "group"},
            {GroupIdRole, "groupId"},
            {UnitRole, "unit"},
            {MinimumRole, "minimum"},
            {MaximumRole, "maximum"},
            {StepRole, "step"},
            {BaselineRole, "baseline"},
            {ValueRole, "value"},
            {ValueTextRole, "valueText"},
            {BaselineTextRole, "baselineText"},
            {ChangedRole, "changed"},
            {DescriptionRole, "description"},
            {FirstInGroupRole, "firstInGroup"},
            {SourcesRole, "sources"}};
}

void LeversModel::leverChanged(const QString &id)
{
    const int row = rowOf(id);
    if (row >= 0)
        Q_EMIT dataChanged(index(row), index(row), {ValueRole, ValueTextRole, ChangedRole});
}

} // namespace techrace
