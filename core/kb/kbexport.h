#pragma once

#include "status.h"

#include <QString>
#include <QVariant>

namespace techrace {

class SqliteDb;

namespace kbexport {

struct Summary
{
    int files = 0;
    qint64 rows = 0;
};

/**
 * Writes every table of the knowledge base as it is seen (shipped rows with the user's edits layered over them)
 * to `dir`/<table>.csv: UTF-8, a header row of column names, each row's source_id and quote, and citations.csv
 * with the further sources. Each file is written atomically. The files import back unchanged
 * (`techrace kb import`).
 */
Expected<Summary> exportCsv(const SqliteDb &db, const QString &dir);

/** A value as CSV text: NULL is empty, a whole number has no decimals, a fraction its shortest exact digits. */
QString formatValue(const QVariant &value);

} // namespace kbexport
} // namespace techrace
