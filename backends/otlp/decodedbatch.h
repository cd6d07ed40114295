#pragma once

#include "otlpbends.h"

#include <QList>
#include <QString>
#include <QStringList>

/// What a decoder made of one request: the good records, in order, and what it had to refuse.
/// A structural error (broken protobuf, JSON of the wrong shape) fails the whole request
/// (`error` set, no records); a record that is well-formed but invalid (an all-zero trace id)
/// is refused alone and counted, so a receiver can answer with a partial success and keep every
/// good record.
template<typename Record>
struct DecodedBatch
{
    QList<Record> records;
    qint64 rejected = 0;
    QStringList rejections; ///< why, for the first few refused records
    QString error;
    OtlpBends bends; ///< departures from the spec accepted from a known client (JSON only)

    bool ok() const { return error.isEmpty(); }

    void reject(const QString& why)
    {
        ++rejected;
        if (rejections.size() < maxRejectionMessages)
            rejections.append(why);
    }

    static constexpr qsizetype maxRejectionMessages = 20;
};
