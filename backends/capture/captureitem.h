#pragma once

#include <QByteArray>
#include <QString>

/// One unit of a capture file as it was framed: a line of JSON Lines, or a length-prefixed
/// message of the Collector file exporter's proto format. Decoded on any thread.
struct CaptureItem
{
    qint64 number = 0; ///< 1-based line (JSON Lines) or message number
    QByteArray bytes;
    QString problem; ///< set when the item could not be framed (too long, cut short)
};
