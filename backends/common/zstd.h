#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

/// Zstandard on Debian's libzstd, for captures the OpenTelemetry Collector's file exporter wrote
/// with `compression: zstd` (each message a frame of its own, or the whole file one stream).
namespace Zstd {

/// True when the data starts with the zstd frame magic (28 b5 2f fd).
bool hasMagic(QByteArrayView data);
QByteArray compress(QByteArrayView data, int level = 3);

} // namespace Zstd

/// Decompresses a zstd stream (one or more frames) that arrives in pieces, with an output limit
/// per call, as GzipInflateStream does for gzip.
class ZstdInflateStream final
{
public:
    ZstdInflateStream();
    ~ZstdInflateStream();
    Q_DISABLE_COPY_MOVE(ZstdInflateStream)

    /// Decompresses `input` and appends to `output`; false on corrupt data or when `output`
    /// would grow past maxOutputBytes (error() says which).
    bool feed(QByteArrayView input, QByteArray* output, qsizetype maxOutputBytes);
    /// The compressed stream has ended: false when it stopped inside a frame.
    bool finish();
    QString error() const { return m_error; }

    /// One whole compressed message (a frame or several), with an output limit.
    static bool decompress(QByteArrayView input, QByteArray* output, qsizetype maxOutputBytes, QString* error);

private:
    struct State;
    std::unique_ptr<State> m_state;
    QString m_error;
    bool m_inFrame = false;
    qint64 m_compressedBytes = 0;
};
