#pragma once

#include "capturereader.h"

#include <QByteArrayList>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

#include <atomic>

/// One record of a capture as the Replay page lists it: small (its texts are numbers into the
/// indexer's string table), so a capture of millions of records is listed without holding them.
struct CaptureIndexRow
{
    enum Signal : quint8
    {
        Span,
        Metric,
        Log,
    };

    quint64 time = 0; ///< unix nanoseconds: a span's start, a point's time, a log's (or observed) time
    quint32 service = 0; ///< service.name of the resource, in the string table
    quint32 name = 0; ///< span name, metric name, log body (or event name)
    quint32 status = 0; ///< span status, metric type, log severity
    quint16 file = 0; ///< which of the files opened
    Signal signal = Span;
};

/// A block of rows as they were read, and the strings first seen in it (the table grows in
/// order: the next block's first new string has the number after this block's last).
struct CaptureIndexBlock
{
    quint64 generation = 0; ///< the index() call it comes from: a later one makes it stale
    QList<CaptureIndexRow> rows;
    QByteArrayList newStrings;
    qint64 problems = 0;
    QStringList problemTexts; ///< "file:line: reason", the first ones only
    qint64 bytesRead = 0; ///< of all files, so far
    qint64 totalBytes = 0;
};

/// Reads capture files (every format CaptureReader reads) block by block on the thread it lives
/// on and hands each block's rows over as it goes, so a capture is listed at once and fills in
/// while it is read; nothing of the records is kept. Cancellable from any thread.
class CaptureIndexer final : public QObject
{
    Q_OBJECT

public:
    explicit CaptureIndexer(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(CaptureIndexer)

    /// Reads `files` to their end, or until another generation is wanted; blocks come as
    /// indexed(), then finished().
    void index(const QStringList& files, quint64 generation = 0);
    /// Any thread: only `generation` is to be read; a read of another one (under way, or still
    /// queued) stops at its next block. A cancel that a queued read could overwrite is not lost.
    void want(quint64 generation) { m_wanted = generation; }
    /// Any thread: stops every read at its next block.
    void cancel() { m_wanted = noGeneration; }
    void shutdown() { cancel(); }

    static constexpr quint64 noGeneration = ~quint64(0);

    static constexpr int maxProblemTexts = 100;

Q_SIGNALS:
    void indexed(const CaptureIndexBlock& block);
    /// `error` says why a file could not be read at all (the others still were).
    void finished(quint64 generation, bool cancelled, const QString& error);

private:
    quint32 intern(QByteArrayView text, CaptureIndexBlock* block);

    QHash<QByteArray, quint32> m_strings;
    std::atomic<quint64> m_wanted = 0;
    qint64 m_problemTexts = 0;
};

Q_DECLARE_METATYPE(CaptureIndexBlock)
