#include "tailseconds.h"

#include <algorithm>

QList<TailSeconds::Count> TailSeconds::changed(const QList<Count>& counts) const
{
    QList<Count> out;
    for (const Count& count : counts) {
        if (count.first < m_firstWatched)
            continue;
        const auto known = m_seconds.find(count.first);
        if (known == m_seconds.end()) {
            out.append(count);
            continue;
        }
        const Second& second = known->second;
        if ((!second.counted || second.rows != count.second) && second.known != count.second)
            out.append(count);
    }
    std::sort(out.begin(), out.end());
    return out;
}

void TailSeconds::setCount(quint32 second, quint64 rows, bool cut)
{
    if (second < m_firstWatched)
        return;
    Second& known = m_seconds[second];
    known.rows = rows;
    known.counted = true;
    // Counted once per second, however often it is read again: the rows it holds beyond those shown.
    m_notShown -= known.notShown;
    known.notShown = cut && rows > known.known ? rows - known.known : 0;
    m_notShown += known.notShown;
}

void TailSeconds::note(quint32 second, quint64 print)
{
    if (second < m_firstWatched)
        return;
    Second& known = m_seconds[second];
    ++known.shown[print];
    ++known.known;
    ++m_prints;
}

QList<qsizetype> TailSeconds::takeNew(const QList<quint32>& seconds, const QList<quint64>& prints)
{
    // How often each (second, fingerprint) came in this read so far.
    QHash<std::pair<quint32, quint64>, int> seen;
    QList<qsizetype> fresh;
    for (qsizetype i = 0; i < prints.size(); ++i) {
        const quint32 second = seconds.at(i);
        if (second < m_firstWatched)
            continue;
        const int occurrence = ++seen[{ second, prints.at(i) }];
        Second& known = m_seconds[second];
        int& shown = known.shown[prints.at(i)];
        if (occurrence <= shown)
            continue;
        ++shown;
        ++known.known;
        ++m_prints;
        fresh.append(i);
    }
    return fresh;
}

void TailSeconds::forgetBefore(quint32 second)
{
    while (!m_seconds.empty() && m_seconds.begin()->first < second) {
        m_prints -= qsizetype(m_seconds.begin()->second.known);
        m_seconds.erase(m_seconds.begin());
    }
    m_firstWatched = qMax(m_firstWatched, second);
}

void TailSeconds::forgetOldestBeyond(qsizetype prints, quint32 keepFrom)
{
    while (m_prints > prints && !m_seconds.empty() && m_seconds.begin()->first < keepFrom)
        forgetBefore(m_seconds.begin()->first + 1);
}
