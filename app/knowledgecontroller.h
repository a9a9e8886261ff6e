#pragma once

#include "appcontext.h"
#include "knowledgerowsmodel.h"

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>
#include <QVariantMap>

#include <memory>

namespace techrace {

/**
 * The Knowledge page's view of the knowledge base (shipped rows with the user's edits layered over them): the
 * tables, the rows of the current table, full-text search, and the detail of one row with its sources, their
 * reliability, the verbatim quotes and any conflict it belongs to.
 */
class KnowledgeController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

    /** [{name, title, count}] for every browsable table. */
    Q_PROPERTY(QVariantList tables READ tables CONSTANT)
    Q_PROPERTY(QString currentTable READ currentTable WRITE setCurrentTable NOTIFY currentTableChanged)
    /** "Process nodes" for process_nodes. */
    Q_PROPERTY(QString currentTableTitle READ currentTableTitle NOTIFY currentTableChanged)
    Q_PROPERTY(KnowledgeRowsModel *rows READ rows CONSTANT)
    Q_PROPERTY(QString query READ query WRITE setQuery NOTIFY queryChanged)
    Q_PROPERTY(KnowledgeRowsModel *results READ results CONSTANT)
    /** What the user must know about their user database (damaged and moved aside, newer schema …), or empty. */
    Q_PROPERTY(QString userDatabaseNotice READ userDatabaseNotice CONSTANT)
    Q_PROPERTY(QString userDatabasePath READ userDatabasePath CONSTANT)

public:
    explicit KnowledgeController(std::shared_ptr<const AppContext> context, QObject *parent = nullptr);

    /** The instance QML gets; owned by main() (or the test), never by the engine. */
    static KnowledgeController *create(QQmlEngine *qmlEngine, QJSEngine *jsEngine);
    static void setInstance(KnowledgeController *instance);

    [[nodiscard]] QVariantList tables() const;
    [[nodiscard]] QString currentTable() const { return m_table; }
    void setCurrentTable(const QString &table);
    [[nodiscard]] QString currentTableTitle() const;
    [[nodiscard]] KnowledgeRowsModel *rows() { return &m_rows; }
    [[nodiscard]] QString query() const { return m_query; }
    void setQuery(const QString &query);
    [[nodiscard]] KnowledgeRowsModel *results() { return &m_results; }
    [[nodiscard]] QString userDatabaseNotice() const;
    [[nodiscard]] QString userDatabasePath() const;

    /**
     * One row for the detail panel: {table, tableTitle, rowId, title, userEdit, shippedRow, fields: [{column, value}],
     * citations: [{sourceTitle, publisher, published, kind, url, reliability, reliabilityMeaning, quote}],
     * conflicts: [{topic, description, modelUses, versions: [{table, rowId, title, fields, citation, userEdit}]}]};
     * empty when there is no such row.
     */
    Q_INVOKABLE [[nodiscard]] QVariantMap detail(const QString &table, const QString &rowId) const;

Q_SIGNALS:
    void currentTableChanged();
    void queryChanged();

private:
    [[nodiscard]] const SqliteDb &db() const { return m_context->knowledgeBase().database(); }

    std::shared_ptr<const AppContext> m_context;
    QString m_table;
    QString m_query;
    KnowledgeRowsModel m_rows;
    KnowledgeRowsModel m_results;
};

} // namespace techrace
