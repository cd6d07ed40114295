#pragma once

#include "capturebatch.h"
#include "capturedecoder.h"
#include "capturesource.h"
#include "sharedpartspool.h"

#include <QThreadPool>

/// Reads a capture file block by block (CaptureSource) and decodes each block's items on several
/// cores at once, keeping file order: a capture never sits in memory whole, and reading it is not
/// the bottleneck of a replay. Used from one thread.
class CaptureReader final
{
public:
    struct Options
    {
        CaptureDecoder::Signal protobufSignal = CaptureDecoder::Signal::Any;
        qsizetype blockBytes = qsizetype(8) << 20; ///< decompressed bytes read per block
        qsizetype maxItemBytes = CaptureSource::defaultMaxItemBytes;
        int threads = 0; ///< decoding threads; 0: one per core
    };

    struct Statistics
    {
        qint64 items = 0;
        qint64 bytes = 0; ///< decompressed
        qint64 spans = 0;
        qint64 metrics = 0;
        qint64 logs = 0;
        qint64 problems = 0;
        qint64 decodeMs = 0; ///< wall time spent reading and decoding
    };

    CaptureReader()
        : CaptureReader(Options())
    { }
    explicit CaptureReader(Options options);
    Q_DISABLE_COPY_MOVE(CaptureReader)

    bool open(const QString& path, QString* error);
    /// Decodes the next block into `batch` (replacing it); false at the end of the file, or on
    /// an error that stops reading (error() is set then).
    bool next(CaptureBatch* batch);
    QString error() const { return m_source.error(); }

    const CaptureSource& source() const { return m_source; }
    const Statistics& statistics() const { return m_statistics; }

private:
    Options m_options;
    CaptureSource m_source;
    QThreadPool m_pool;
    SharedPartsPool m_sharedParts;
    Statistics m_statistics;
};
