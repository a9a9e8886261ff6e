#include "knowledgerowsmodel.h"

namespace techrace {

void KnowledgeRowsModel::setRows(QList<Row> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int KnowledgeRowsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant KnowledgeRowsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return row.title;
    case TableRole:
        return row.table;
    case RowIdRole:
        return row.rowId;
    case SummaryRole:
        return row.summary;
    case UserEditRole:
        return row.userEdit;
    case InConflictRole:
        return row.inConflict;
    default:
        return {};
    }
}

QHash<int, QByteArray> KnowledgeRowsModel::roleNames() const
{
    return {{TableRole, "table"},     {RowIdRole, "rowId"},       {TitleRole, "title"},
            {SummaryRole, "summary"}, {UserEditRole, "userEdit"}, {InConflictRole, "inConflict"}};
}

} // namespace techrace
