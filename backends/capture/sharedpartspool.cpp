#include "sharedpartspool.h"

template<typename Part>
std::shared_ptr<const Part> SharedPartsPool::Recent<Part>::shared(const std::shared_ptr<const Part>& part)
{
    if (!part)
        return part;
    if (part == lastIn)
        return lastOut;
    lastIn = part;
    if (known[hit] && *known[hit] == *part) {
        lastOut = known[hit];
        return lastOut;
    }
    for (qsizetype i = 0; i < remembered; ++i) {
        if (i != hit && known[i] && *known[i] == *part) {
            hit = i;
            lastOut = known[i];
            return lastOut;
        }
    }
    known[next] = part;
    hit = next;
    next = (next + 1) % remembered;
    lastOut = part;
    return lastOut;
}

template<typename Record>
void SharedPartsPool::shareAll(QList<Record>& records)
{
    if (records.isEmpty())
        return;
    for (Record& record : records) {
        record.resource = m_resources.shared(record.resource);
        record.scope = m_scopes.shared(record.scope);
    }
}

void SharedPartsPool::share(CaptureBatch* batch)
{
    shareAll(batch->spans);
    shareAll(batch->metrics);
    shareAll(batch->logs);
}
