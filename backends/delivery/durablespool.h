#pragma once

#include "deliverybatch.h"

#include <QFile>
#include <QList>
#include <QString>

#include <optional>

/// Batches that could not be delivered, kept on disk until they are: one append-only file per
/// backend. Every frame carries a CRC-32 and is synced to disk before append() returns; a
/// delivered batch is marked by an acknowledgement frame, and the file is emptied once every batch
/// in it is acknowledged. Reopening the file (at the next start) finds the pending batches again,
/// in order; a torn last frame (a crash mid-write) is cut off and reported, never misread.
/// Not thread-safe: one owner thread.
class DurableSpool final
{
public:
    explicit DurableSpool(QString path, qint64 maxBytes = qint64(1) << 30);
    ~DurableSpool();
    Q_DISABLE_COPY_MOVE(DurableSpool)

    /// Opens (creating) the file and indexes what it holds. `warning` reports a discarded torn tail.
    bool open(QString* error, QString* warning = nullptr);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_path; }

    /// Appends a batch and gives it the next sequence number. Fails, loudly, when the spool would
    /// grow past its size limit or the disk refuses: the caller keeps the batch.
    bool append(DeliveryBatch* batch, QString* error);
    /// Whether `batch` fits the size limit at all, in an empty spool: a batch that does not can
    /// only be refused (holding it for later would hold it for ever).
    bool couldEverHold(const DeliveryBatch& batch) const;
    /// The oldest pending batch, read back from disk.
    std::optional<DeliveryBatch> front(QString* error) { return at(0, error); }
    /// The index-th oldest pending batch (0 = front), read back from disk.
    std::optional<DeliveryBatch> at(qsizetype index, QString* error);
    /// Marks the `count` oldest pending batches delivered, with one write and one sync.
    bool acknowledgeFront(QString* error, qsizetype count = 1);

    bool isEmpty() const { return m_pending.isEmpty(); }
    qsizetype pendingBatches() const { return m_pending.size(); }
    qint64 pendingRows() const;
    qint64 sizeBytes() const { return m_size; }
    qint64 maxBytes() const { return m_maxBytes; }
    /// When the oldest pending batch was sealed (ms since the epoch), or 0 when empty.
    qint64 oldestCreatedAtMs() const { return m_pending.isEmpty() ? 0 : m_pending.first().createdAtMs; }

private:
    struct Entry
    {
        quint64 sequence;
        qint64 offset; ///< of the frame's payload
        quint32 length;
        qint64 rows;
        qint64 createdAtMs;
    };

    bool writeFrame(quint8 type, const QByteArray& payload, QString* error);
    static QByteArray frame(quint8 type, const QByteArray& payload);
    /// Appends whole frames and syncs; on failure the file is left as it was.
    bool writeFrames(const QByteArray& frames, QString* error);

    QString m_path;
    qint64 m_maxBytes;
    QFile m_file;
    QList<Entry> m_pending;
    qint64 m_size = 0;
    quint64 m_nextSequence = 1;
};
