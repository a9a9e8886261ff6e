#include "cli/output.h"

#include <cstdio>

namespace techrace::cli {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

} // namespace techrace::cli
