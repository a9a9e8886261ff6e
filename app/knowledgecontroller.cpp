#include "knowledgecontroller.h"

#include "kb/kbbrowse.h"
#include "kb/kbsearch.h"

namespace techrace {

namespace {

KnowledgeController *s_instance = nullptr;

QVariantList fieldList(const QList<kbbrowse::Field> &fields)
{
    QVariantList list;
    for (const kbbrowse::Field &field : fields)
        list.append(QVariantMap {{QStringLiteral("column"), kbbrowse::tableTitle(field.column)},
                                 {QStringLiteral("value"), field.value}});
    return list;
}

QVariantMap citationMap(const kbbrowse::Citation &c)
{
    return {{QStringLiteral("sourceId"), c.sourceId},
            {QStringLiteral("sourceTitle"), c.sourceTitle},
            {QStringLiteral("publisher"), c.publisher},
            {QStringLiteral("published"), c.published},
            {QStringLiteral("kind"), kbbrowse::tableTitle(c.kind)},
            {QStringLiteral("url"), c.url},
            {QStringLiteral("reliability"), c.reliability},
            {QStringLiteral("reliabilityMeaning"), kbbrowse::reliabilityMeaning(c.reliability)},
            {QStringLiteral("quote"), c.quote}};
}

} // namespace

KnowledgeController::KnowledgeController(std::shared_ptr<const AppContext> context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
{
    const QStringList tables = kbbrowse::browsableTables(db());
    setCurrentTable(tables.contains(QStringLiteral("programmes")) ? QStringLiteral("programmes") : tables.value(0));
}

KnowledgeController *KnowledgeController::create(QQmlEngine *, QJSEngine *)
{
    Q_ASSERT(s_instance);
    QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
    return s_instance;
}

void KnowledgeController::setInstance(KnowledgeController *instance)
{
    s_instance = instance;
}

QVariantList KnowledgeController::tables() const
{
    QVariantList list;
    const auto counts = m_context->knowledgeBase().tableCounts();
    for (const QString &table : kbbrowse::browsableTables(db())) {
        qint64 count = 0;
        for (const auto &[name, rows] : counts) {
            if (name == table)
                count = rows;
        }
        list.append(QVariantMap {{QStringLiteral("name"), table},
                                 {QStringLiteral("title"), kbbrowse::tableTitle(table)},
                                 {QStringLiteral("count"), count}});
    }
    return list;
}

void KnowledgeController::setCurrentTable(const QString &table)
{
    if (table == m_table)
        return;
    m_table = table;
    QList<KnowledgeRowsModel::Row> rows;
    for (const kbbrowse::RowSummary &row : kbbrowse::rows(db(), table))
        rows.append({table, row.rowId, row.title, row.summary, row.userEdit, row.inConflict});
    m_rows.setRows(std::move(rows));
    Q_EMIT currentTableChanged();
}

QString KnowledgeController::currentTableTitle() const
{
    return kbbrowse::tableTitle(m_table);
}

void KnowledgeController::setQuery(const QString &query)
{
    if (query == m_query)
        return;
    m_query = query;
    QList<KnowledgeRowsModel::Row> rows;
    // The snippet goes to a rich-text label: mark the matched words, and escape the text around them.
    const QString open = QStringLiteral("\x02");
    const QString close = QStringLiteral("\x03");
    auto hits = kbsearch::search(db(), query, {100, open, close});
    QHash<QString, QSet<QString>> conflicted;
    if (hits) {
        for (const SearchHit &hit : hits.value()) {
            if (!conflicted.contains(hit.table))
                conflicted.insert(hit.table, kbbrowse::conflictedRows(db(), hit.table));
            QString snippet = hit.snippet.toHtmlEscaped();
            snippet.replace(open, QStringLiteral("<b>")).replace(close, QStringLiteral("</b>"));
            rows.append({hit.table, hit.rowId, hit.title, snippet, hit.userEdit,
                         conflicted.value(hit.table).contains(hit.rowId)});
        }
    }
    m_results.setRows(std::move(rows));
    Q_EMIT queryChanged();
}

QString KnowledgeController::userDatabaseNotice() const
{
    return m_context->knowledgeBase().userDatabase().notice;
}

QString KnowledgeController::userDatabasePath() const
{
    const auto &user = m_context->knowledgeBase().userDatabase();
    return user.attached ? user.path : QString();
}

QVariantMap KnowledgeController::detail(const QString &table, const QString &rowId) const
{
    const auto d = kbbrowse::detail(db(), table, rowId);
    if (!d)
        return {};
    QVariantList citations;
    for (const kbbrowse::Citation &c : d->citations)
        citations.append(citationMap(c));
    QVariantList conflicts;
    for (const kbbrowse::Conflict &c : d->conflicts) {
        QVariantList versions;
        for (const kbbrowse::ConflictVersion &v : c.versions)
            versions.append(
                QVariantMap {{QStringLiteral("table"), v.table},
                             {QStringLiteral("tableTitle"), kbbrowse::tableTitle(v.table)},
                             {QStringLiteral("rowId"), v.rowId},
                             {QStringLiteral("title"), v.title},
                             {QStringLiteral("fields"), fieldList(v.fields)},
                             {QStringLiteral("citation"), v.citation ? citationMap(*v.citation) : QVariantMap()},
                             {QStringLiteral("userEdit"), v.userEdit}});
        conflicts.append(QVariantMap {{QStringLiteral("id"), c.id},
                                      {QStringLiteral("topic"), c.topic},
                                      {QStringLiteral("description"), c.description},
                                      {QStringLiteral("modelUses"), c.modelUses},
                                      {QStringLiteral("versions"), versions}});
    }
    return {{QStringLiteral("table"), d->table},
            {QStringLiteral("tableTitle"), kbbrowse::tableTitle(d->table)},
            {QStringLiteral("rowId"), d->rowId},
            {QStringLiteral("title"), d->title},
            {QStringLiteral("userEdit"), d->userEdit},
            {QStringLiteral("shippedRow"), d->shippedRow},
            {QStringLiteral("fields"), fieldList(d->fields)},
            {QStringLiteral("citations"), citations},
            {QStringLiteral("conflicts"), conflicts}};
}

} // namespace techrace
