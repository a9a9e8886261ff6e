#pragma once

#include <QTextStream>

namespace techrace::cli {

/** Standard output and error as UTF-8 text streams, flushed at exit. */
QTextStream &out();
QTextStream &err();

} // namespace techrace::cli
