#pragma once

#include "tracetree.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

/// A trace as TraceLoader delivers it: its spans as a tree, its logs, and what went wrong on the
/// way (rows that could not be read are counted and the first reason kept; every good row stays).
struct OpenedTrace
{
    QByteArray traceId;
    TraceTree tree;
    QList<TraceLog> logs; ///< by time
    QHash<QByteArray, QString> spanNames; ///< stored span id to name, for the logs' span column
    QString error; ///< the trace could not be read at all
    qint64 badRows = 0;
    QString firstBadRow; ///< "row N: reason" of the first row that could not be read
    bool spansTruncated = false; ///< more than TraceSearchSql::spanLimit spans
    bool logsTruncated = false;
    qint64 elapsedMs = 0;

    /// Reads the two JSONEachRow answers of TraceSearchSql::spans() and logs().
    static OpenedTrace read(const QByteArray& id, QByteArrayView spanRows, QByteArrayView logRows);
};
