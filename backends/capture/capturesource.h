#pragma once

#include "captureitem.h"

#include <QFile>
#include <QList>
#include <QString>

#include <memory>

class GzipInflateStream;
class ZstdInflateStream;

/// Reads a capture file as a stream of items, never whole: plain or whole-file gzip or zstd
/// (sniffed from the first bytes, not the name), framed as JSON Lines or as the Collector file
/// exporter's length-prefixed messages (4 bytes big-endian, then the message). Lines longer than
/// the limit are reported and skipped without being held in memory.
class CaptureSource final
{
public:
    enum class Framing
    {
        Lines,
        LengthPrefixed,
    };
    enum class Compression
    {
        None,
        Gzip,
        Zstd,
    };
    static constexpr qsizetype defaultMaxItemBytes = qsizetype(64) << 20;

    CaptureSource();
    ~CaptureSource();
    Q_DISABLE_COPY_MOVE(CaptureSource)

    bool open(const QString& path, QString* error);
    void setMaxItemBytes(qsizetype bytes) { m_maxItemBytes = bytes; }

    /// Appends items until about `budgetBytes` of them are read; false once nothing is left
    /// (check error() then: empty at a clean end).
    bool read(QList<CaptureItem>* items, qsizetype budgetBytes);
    QString error() const { return m_error; }

    Framing framing() const { return m_framing; }
    Compression compression() const { return m_compression; }
    qint64 fileSize() const { return m_fileSize; }
    /// Bytes of the file consumed so far (compressed bytes for a compressed file): for progress.
    qint64 fileBytesRead() const { return m_fileBytesRead; }

private:
    /// Refills m_buffer with at least one more chunk of decompressed bytes; false at the end.
    bool fill();
    bool takeLine(QList<CaptureItem>* items);
    bool takeMessage(QList<CaptureItem>* items);
    void fail(const QString& message) { m_error = message; }

    QFile m_file;
    Framing m_framing = Framing::Lines;
    Compression m_compression = Compression::None;
    std::unique_ptr<GzipInflateStream> m_gzip;
    std::unique_ptr<ZstdInflateStream> m_zstd;
    QByteArray m_buffer; ///< decompressed bytes not yet framed
    qsizetype m_bufferStart = 0;
    qsizetype m_maxItemBytes = defaultMaxItemBytes;
    qint64 m_fileSize = 0;
    qint64 m_fileBytesRead = 0;
    qint64 m_itemNumber = 0;
    bool m_atEnd = false;
    bool m_skippingLongLine = false;
    QString m_error;
};
