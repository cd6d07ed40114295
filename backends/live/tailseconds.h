#pragma once

#include <QHash>
#include <QList>

#include <map>
#include <utility>

/// What the Live page's tail knows of one telemetry table, second by second: how many rows the
/// server counted in each second it watches, and the fingerprints of the records already shown
/// for that second (read from the table or taken by the receiver). A second is read again
/// whenever its count changes, so a row that arrives late, stamped with a time the tail has
/// passed, is still found; the fingerprints pick out the rows not shown yet. Fingerprints are
/// counted, not just kept: two equal rows are two records.
class TailSeconds final
{
public:
    using Count = std::pair<quint32, quint64>; ///< a second (Unix time) and its rows

    /// The seconds whose count differs from the last one taken (or that have none yet), oldest
    /// first, from the server's counts of the seconds watched. A second whose count equals the
    /// records already known for it (the receiver's, as they reach the table) needs no read.
    QList<Count> changed(const QList<Count>& counts) const;
    /// The server's count of a second once its rows have been read. `cut`: the read took only
    /// part of them (a second holding more than one read takes); the rest are counted as not shown.
    void setCount(quint32 second, quint64 rows, bool cut = false);

    /// A record taken by the receiver: its row, when it reaches the table, is not new.
    void note(quint32 second, quint64 print);
    /// The indexes of the records of one read that were not shown yet, now remembered as shown.
    /// A fingerprint that comes k times in the read while k' are known yields k - k' records.
    QList<qsizetype> takeNew(const QList<quint32>& seconds, const QList<quint64>& prints);

    /// Stops watching the seconds before `second` (rows stamped then are no longer looked for).
    void forgetBefore(quint32 second);
    /// Forgets the oldest seconds before `keepFrom` until at most `prints` fingerprints are kept
    /// (the seconds from `keepFrom` on stay watched whatever they hold).
    void forgetOldestBeyond(qsizetype prints, quint32 keepFrom);
    /// The first second still watched: the seconds before it were forgotten.
    quint32 firstWatched() const { return m_firstWatched; }
    qsizetype prints() const { return m_prints; }
    /// Rows of cut seconds never shown, forgotten seconds included.
    quint64 notShown() const { return m_notShown; }

private:
    struct Second
    {
        quint64 rows = 0;
        bool counted = false;
        QHash<quint64, int> shown; ///< fingerprint → records shown with it
        quint64 known = 0; ///< the sum of `shown`
        quint64 notShown = 0; ///< rows beyond what a cut read took
    };

    std::map<quint32, Second> m_seconds;
    qsizetype m_prints = 0;
    quint64 m_notShown = 0;
    quint32 m_firstWatched = 0;
};
