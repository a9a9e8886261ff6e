#pragma once

#include "status.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace techrace::csv {

/** One record with the 1-based line it starts on, so errors can point at it. */
struct Record
{
    int line = 0;
    QStringList fields;
};

struct Table
{
    QStringList header;
    QList<Record> records;
};

struct Limits
{
    qsizetype maxFieldChars = 4096;
    qsizetype maxRecords = 200000;
};

/**
 * Parses RFC 4180 CSV (comma, double quotes, CRLF or LF). Strict: invalid UTF-8, a ragged row, an unterminated
 * quote, an oversized field or a duplicated header name fail with the line number. The first record is the header.
 */
Expected<Table> parse(const QByteArray &bytes, const QString &name, const Limits &limits = {});

/** Quotes a field when it contains a comma, quote or line break. */
QString escape(const QString &field);
/** One CSV line (without terminator) from fields. */
QString line(const QStringList &fields);

} // namespace techrace::csv
