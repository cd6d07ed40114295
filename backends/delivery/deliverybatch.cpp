#include "deliverybatch.h"

#include <QSet>

DeliveryBatch DeliveryBatch::without(const QList<QByteArray>& present) const
{
    const QSet<QByteArray> delivered(present.cbegin(), present.cend());
    DeliveryBatch rest;
    rest.sequence = sequence;
    rest.destination = destination;
    rest.createdAtMs = createdAtMs;
    rest.tickets = tickets;
    rest.alone = alone;
    rest.binaryColumns = binaryColumns;
    qsizetype lineStart = 0;
    for (qsizetype row = 0; row < keys.size(); ++row) {
        const QByteArray& key = keys.at(row);
        qsizetype next = rows.size();
        if (isRowBinary()) {
            next = row < rowEnds.size() ? rowEnds.at(row) : rows.size();
        } else if (const qsizetype lineEnd = rows.indexOf('\n', lineStart); lineEnd >= 0) {
            next = lineEnd + 1;
        }
        if (!delivered.contains(key)) {
            rest.rows.append(rows.constData() + lineStart, next - lineStart);
            rest.keys.append(key);
            if (isRowBinary())
                rest.rowEnds.append(qint32(rest.rows.size()));
        }
        lineStart = next;
    }
    return rest;
}

void DeliveryBatch::append(const DeliveryBatch& other)
{
    Q_ASSERT(sameFormat(other));
    const auto offset = qint32(rows.size());
    for (const qint32 end : other.rowEnds)
        rowEnds.append(offset + end);
    rows += other.rows;
    keys += other.keys;
    tickets += other.tickets;
    if (createdAtMs == 0 || (other.createdAtMs != 0 && other.createdAtMs < createdAtMs))
        createdAtMs = other.createdAtMs;
}

void DeliveryBatch::settleTickets(bool safe, const QString& error, bool refused)
{
    const QList<DeliveryTicketPtr> waiting = std::exchange(tickets, {});
    for (const DeliveryTicketPtr& ticket : waiting)
        ticket->settle(safe, error, refused);
}
