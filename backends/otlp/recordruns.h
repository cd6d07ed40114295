#pragma once

#include <QList>

/// Calls visit(first, last) for each run of consecutive records in [begin, end) that `same`
/// puts together. Encoders group records into OTLP envelopes this way, which keeps the records'
/// order exactly, so decode(encode(records)) == records.
template<typename Record, typename Same, typename Visit>
void forEachRun(const QList<Record>& records, qsizetype begin, qsizetype end, Same same, Visit visit)
{
    qsizetype first = begin;
    while (first < end) {
        qsizetype last = first + 1;
        while (last < end && same(records.at(first), records.at(last)))
            ++last;
        visit(first, last);
        first = last;
    }
}
