#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

namespace techrace {

/** A list of knowledge-base rows for QML: a table being browsed, or the hits of a search. */
class KnowledgeRowsModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Provided by KnowledgeController")

public:
    enum Role
    {
        TableRole = Qt::UserRole + 1,
        RowIdRole,
        TitleRole,
        SummaryRole, // a few values of the row, or the matching passage of a search hit
        UserEditRole,
        InConflictRole,
    };
    Q_ENUM(Role)

    struct Row
    {
        QString table;
        QString rowId;
        QString title;
        QString summary;
        bool userEdit = false;
        bool inConflict = false;
    };

    using QAbstractListModel::QAbstractListModel;

    void setRows(QList<Row> rows);
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

private:
    QList<Row> m_rows;
};

} // namespace techrace
