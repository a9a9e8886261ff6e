#pragma once

#include <QObject>

namespace techrace {

/**
 * Counts the computations views run in the background (GUI thread bookkeeping only), so that a screenshot or the
 * self-test waits until what the window shows is complete rather than catching a busy indicator.
 */
class BackgroundWork : public QObject
{
    Q_OBJECT

public:
    static BackgroundWork &instance();

    void begin();
    void end();
    [[nodiscard]] bool busy() const { return m_pending > 0; }

Q_SIGNALS:
    /** The last pending computation has finished. */
    void idle();

private:
    int m_pending = 0;
};

} // namespace techrace
