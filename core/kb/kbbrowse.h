#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

namespace techrace {

class SqliteDb;

/** Reading the knowledge base the way a person browses it: rows of a table, one row with its sources and conflicts. */
namespace kbbrowse {

struct RowSummary
{
    QString rowId;
    QString title;
    QString summary; // a few of the row's values, for a list
    bool userEdit = false; // added or edited in the user database
    bool inConflict = false; // a member of at least one conflict
};

struct Field
{
    QString column;
    QString value;
};

struct Citation
{
    QString sourceId;
    QString sourceTitle;
    QString publisher;
    QString published;
    QString kind;
    QString url;
    QString reliability; // A–D
    QString quote;
};

/** One of the competing versions of a conflict: a row, its key values and what it cites. */
struct ConflictVersion
{
    QString table;
    QString rowId;
    QString title;
    QList<Field> fields;
    std::optional<Citation> citation;
    bool userEdit = false;
};

struct Conflict
{
    QString id;
    QString topic;
    QString description;
    QString modelUses;
    QList<ConflictVersion> versions;
};

struct RowDetail
{
    QString table;
    QString rowId;
    QString title;
    QList<Field> fields; // every column but the citation's, in schema order; empty values left out
    QList<Citation> citations; // the row's own source first, then further citations
    QList<Conflict> conflicts; // for a conflicts row: that conflict itself
    bool userEdit = false;
    bool shippedRow = true; // false for a row only the user database has
};

/** Tables worth browsing (every data table but the ones that only link rows), in schema order. */
QStringList browsableTables(const SqliteDb &db);
/** Every row of `table`, ordered by title. */
QList<RowSummary> rows(const SqliteDb &db, const QString &table);
std::optional<RowDetail> detail(const SqliteDb &db, const QString &table, const QString &rowId);
/** Keys of the rows of `table` that belong to at least one conflict. */
QSet<QString> conflictedRows(const SqliteDb &db, const QString &table);
/** What a reliability grade means, in a phrase (from the schema's definition of A–D). */
QString reliabilityMeaning(const QString &grade);
/** "process_nodes" → "Process nodes". */
QString tableTitle(const QString &table);

} // namespace kbbrowse
} // namespace techrace
