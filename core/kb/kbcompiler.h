#pragma once

#include "status.h"

#include <QString>

namespace techrace {

/**
 * Builds the shipped knowledge base from its reviewable text: `schema.sql` plus CSV files named after the table
 * they fill, anywhere below `dataDir` (topic folders such as `china/companies.csv`; files of one table load in path
 * order). Runs every integrity check and writes `outputPath` atomically (a temporary file renamed into place),
 * so a failed build never leaves a half-written database behind.
 */
Status compileKnowledgeBase(const QString &dataDir, const QString &outputPath);

} // namespace techrace
