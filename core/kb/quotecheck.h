#pragma once

#include <QString>
#include <QStringList>

namespace techrace {

class SqliteDb;

struct QuoteCheckResult
{
    int checked = 0; // quotes whose source text was available and searched
    int skippedNoText = 0; // quotes whose source has no local text file
    QStringList missingFiles; // source text files that should exist but do not
    QStringList problems; // one line per quote not found verbatim
};

/**
 * Checks that every quote whose source names a local text file occurs in that file verbatim, white space folded.
 * `sources.text_file` is relative to `repoDir` when it starts with "docs/" (TechRace's own model assumptions) and
 * to `sharedDir` otherwise (seeds, reference). This is what keeps "every fact carries its source" honest.
 */
QuoteCheckResult checkQuotes(const SqliteDb &db, const QString &sharedDir, const QString &repoDir);

/** Collapses every run of white space to one space and trims the ends. */
QString foldWhitespace(const QString &text);

} // namespace techrace
