#pragma once

#include "kb/csvimport.h"

#include <QStringList>

namespace techrace {

class SqliteDb;

/**
 * Checks what SQLite's own constraints cannot: foreign keys (reported with the CSV line when known), references
 * by (table, row id) from claims, citations and conflict members, and that every conflict links at least two
 * rows. Returns one readable line per problem; empty means the knowledge base is sound.
 */
QStringList checkIntegrity(const SqliteDb &db, const RowOrigins &origins = {});

} // namespace techrace
