#pragma once

#include "status.h"

#include <QString>

namespace techrace {

/**
 * Builds the shipped knowledge base from its reviewable text: `schema.sql` plus one `<table>.csv` per table in
 * `dataDir`. Runs every integrity check and writes `outputPath` atomically (a temporary file renamed into place),
 * so a failed build never leaves a half-written database behind.
 */
Status compileKnowledgeBase(const QString &dataDir, const QString &outputPath);

} // namespace techrace
