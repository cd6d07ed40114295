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
    qsizetype lineStart = 0;
    for (const QByteArray& key : keys) {
        const qsizetype lineEnd = rows.indexOf('\n', lineStart);
        const qsizetype next = lineEnd < 0 ? rows.size() : lineEnd + 1;
        if (!delivered.contains(key)) {
            rest.rows.append(rows.constData() + lineStart, next - lineStart);
            rest.keys.append(key);
        }
        lineStart = next;
    }
    return rest;
}

void DeliveryBatch::append(const DeliveryBatch& other)
{
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
