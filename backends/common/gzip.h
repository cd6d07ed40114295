#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

/// gzip (RFC 1952) on zlib, shared by the ClickHouse client, the OTLP exporter and the receiver.
/// Decompression always takes an output limit: a few kilobytes of hostile input can otherwise
/// expand into gigabytes (a decompression bomb), so the limit is part of the signature.
namespace Gzip {

/// Level 1 by default: on this kind of machine it gives 4.6x on JSONEachRow at a quarter of the
/// CPU cost of level 9 (docs/PERFORMANCE.md), and the server, not the wire, is the bottleneck.
QByteArray compress(QByteArrayView data, int level = 1);

struct Inflated
{
    QByteArray data;
    QString error; ///< empty on success; otherwise says what was wrong and where
    bool overLimit = false; ///< failed because the output would pass the limit (a bomb, or too big)
    bool ok() const { return error.isEmpty(); }
};

/// Inflates one or more concatenated gzip members. Fails (never truncates silently) when the
/// output would exceed maxOutputBytes, when the stream is cut short or has trailing garbage.
Inflated decompress(QByteArrayView data, qsizetype maxOutputBytes);

/// Inflates an HTTP "deflate" body (zlib format, or raw deflate), with the same limit and errors.
Inflated decompressDeflate(QByteArrayView data, qsizetype maxOutputBytes);

/// True when the data starts with the gzip magic bytes 1f 8b.
bool hasGzipMagic(QByteArrayView data);

} // namespace Gzip
