#pragma once

#include "status.h"

#include <QList>
#include <QString>

namespace techrace {

class SqliteDb;

/** One row of the knowledge base that matches a full-text search. */
struct SearchHit
{
    QString table;
    QString rowId; // the row's key (kbschema::keyExpression)
    QString title;
    QString snippet; // the matching passage, matched words between the caller's markers
    bool userEdit = false; // the row comes from the user database
};

struct SearchOptions
{
    int limit = 50;
    QString openMark = QStringLiteral("[");
    QString closeMark = QStringLiteral("]");
};

namespace kbsearch {

/** The FTS5 index techrace-kbc builds into the shipped knowledge base. */
inline constexpr auto shippedIndex = "kb_search";
/** The index of the user's own rows, rebuilt in memory whenever the user database changes. */
inline constexpr auto userIndex = "kb_user_search";

/**
 * Creates the FTS5 table `schema.name` over every data table: its name or title, every text column (descriptions,
 * notes, scopes, quotes) and the quotes of its further citations. With `onlyUserRows`, indexes only the rows the
 * attached user database adds or edits.
 */
Status buildIndex(SqliteDb &db, const QString &schema, const QString &name, bool onlyUserRows = false);

/** Turns what a person types into an FTS5 query: every word must occur, the last may be a prefix. */
QString matchExpression(const QString &text);

/**
 * Rows matching `text`, best first. Searches the shipped index and, when a user database is attached, the user's
 * rows instead of the shipped rows they replace or hide. Empty text gives no hits.
 */
Expected<QList<SearchHit>> search(const SqliteDb &db, const QString &text, const SearchOptions &options = {});

} // namespace kbsearch
} // namespace techrace
