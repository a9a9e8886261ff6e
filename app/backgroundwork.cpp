#include "backgroundwork.h"

namespace techrace {

BackgroundWork &BackgroundWork::instance()
{
    static BackgroundWork work;
    return work;
}

void BackgroundWork::begin()
{
    ++m_pending;
}

void BackgroundWork::end()
{
    Q_ASSERT(m_pending > 0);
    if (--m_pending == 0)
        Q_EMIT idle();
}

} // namespace techrace
