#pragma once

#include "deliveryticket.h"

#include <QByteArray>
#include <QList>
#include <QString>

/// Rows on their way to one destination (a ClickHouse table, or an OTLP signal path): the
/// serialised rows, one per line, with a key per row that identifies it at the destination, so
/// that after an insert whose outcome is unknown the batch can be checked instead of resent blind.
struct DeliveryBatch
{
    quint64 sequence = 0; ///< assigned by the spool; order of delivery
    QString destination; ///< e.g. "traces"
    QByteArray rows; ///< newline-terminated rows, or RowBinary rows when binaryColumns is set
    QList<QByteArray> keys; ///< one per row, in row order
    /// Empty for text rows (JSONEachRow lines); for RowBinary rows, the columns they hold
    /// (RowBinaryLayout::spec()). Only text is spooled: RowBinary depends on the table's types.
    QByteArray binaryColumns;
    QList<qint32> rowEnds; ///< RowBinary rows: where each ends in `rows`
    qint64 createdAtMs = 0; ///< when the batch was sealed (ms since the epoch)
    /// Producers waiting for these rows to be safe (in memory only: a spooled batch is safe).
    QList<DeliveryTicketPtr> tickets;
    /// Rows from outside (the gateway's) go in an insert of their own, so that rows the server
    /// refuses for good fail only the request that sent them (in memory only, like the tickets).
    bool alone = false;

    qsizetype rowCount() const { return keys.size(); }
    bool isRowBinary() const { return !binaryColumns.isEmpty(); }
    /// Whether `other`'s rows can go in the same insert as these.
    bool sameFormat(const DeliveryBatch& other) const { return binaryColumns == other.binaryColumns; }
    bool isEmpty() const { return keys.isEmpty(); }

    /// Appends `other`'s rows (same destination and format); the result is as old as the older of the two.
    void append(const DeliveryBatch& other);
    /// The rows whose key is not in `present`, in order (for a partial resend).
    DeliveryBatch without(const QList<QByteArray>& present) const;

    /// Settles every ticket once and forgets them: the rows are safe (delivered or spooled), or not.
    void settleTickets(bool safe, const QString& error = {}, bool refused = false);

    /// The same rows for the same destination (tickets are not part of a batch's value).
    friend bool operator==(const DeliveryBatch& a, const DeliveryBatch& b)
    {
        return a.sequence == b.sequence && a.destination == b.destination && a.rows == b.rows && a.keys == b.keys
            && a.createdAtMs == b.createdAtMs && a.binaryColumns == b.binaryColumns && a.rowEnds == b.rowEnds;
    }
};
