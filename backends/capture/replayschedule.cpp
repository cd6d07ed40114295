#include "replayschedule.h"

#include <algorithm>

qint64 ReplaySchedule::dueNanos(quint64 timeUnixNano)
{
    const qint64 index = m_records++;
    switch (m_options.mode) {
    case Mode::AsFastAsPossible:
        return 0;
    case Mode::FixedRate:
        return qint64(double(index) * 1e9 / m_options.rate);
    case Mode::Speed:
        break;
    }
    if (timeUnixNano == 0) // no timestamp: sent with the record before it
        return m_position;
    if (m_lastTime != 0 && timeUnixNano > m_lastTime) {
        const double wait = double(timeUnixNano - m_lastTime) / m_options.speed;
        m_position += std::min<qint64>(qint64(wait), m_options.maxWaitNanos);
    }
    m_lastTime = std::max(m_lastTime, timeUnixNano);
    return m_position;
}
