#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// One trace found by a search: what its row in the results list shows.
struct TraceSummary
{
    QByteArray traceId;
    QString rootName; ///< the span without a parent (the earliest span when none has none)
    QString rootService;
    QStringList services;
    qint64 spans = 0;
    qint64 errors = 0;
    quint64 startNs = 0;
    quint64 durationNs = 0;

    /// Reads the TabSeparated rows of TraceSearchSql::search(); false with `error` on a row that
    /// does not have its columns.
    static bool fromTsv(const QString& text, QList<TraceSummary>* summaries, QString* error);
};
