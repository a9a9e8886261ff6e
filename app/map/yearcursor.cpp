#include "map/yearcursor.h"

#include "model/fundingmodel.h"

#include <algorithm>

namespace techrace {

YearCursor::YearCursor(QObject *parent)
    : QObject(parent)
{
    m_timer.setInterval(700);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        if (m_year >= lastYear())
            setPlaying(false);
        else
            setYear(m_year + 1);
    });
}

int YearCursor::firstYear() const
{
    return FundingModel::firstYear;
}

int YearCursor::lastYear() const
{
    return FundingModel::lastYear;
}

void YearCursor::setYear(int year)
{
    year = std::clamp(year, firstYear(), lastYear());
    if (year == m_year)
        return;
    m_year = year;
    Q_EMIT yearChanged();
}

void YearCursor::setPlaying(bool playing)
{
    if (playing == m_timer.isActive())
        return;
    if (playing) {
        if (m_year >= lastYear())
            setYear(firstYear()); // play again from the start
        m_timer.start();
    } else {
        m_timer.stop();
    }
    Q_EMIT playingChanged();
}

void YearCursor::setInterval(int interval)
{
    interval = std::max(50, interval);
    if (interval == m_timer.interval())
        return;
    m_timer.setInterval(interval);
    Q_EMIT intervalChanged();
}

void YearCursor::step(int years)
{
    setYear(m_year + years);
    if (m_year == lastYear() || m_year == firstYear())
        setPlaying(false);
}

} // namespace techrace
