#pragma once

#include <QByteArray>
#include <QString>

/// A request body made readable: Content-Encoding undone (gzip, deflate, identity) under a size
/// limit that also guards against decompression bombs. `status` says how a failure is answered:
/// 413 over the limit, 415 for an unknown encoding, 400 for data that does not inflate.
struct HttpBody
{
    QByteArray data;
    int status = 200;
    QString error;

    bool ok() const { return error.isEmpty(); }

    static HttpBody decode(const QByteArray& raw, QByteArrayView contentEncoding, qint64 maxBytes);
};
