#include "tracesummary.h"

#include "clickhouse/clickhousetsv.h"

using namespace Qt::StringLiterals;

bool TraceSummary::fromTsv(const QString& text, QList<TraceSummary>* summaries, QString* error)
{
    const QList<QStringList> rows = ClickHouseTsv::rows(text);
    summaries->reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QStringList& row = rows.at(i);
        bool ok[4] = {};
        TraceSummary summary;
        if (row.size() == 8) {
            summary.traceId = row.at(0).toUtf8();
            summary.rootName = row.at(1);
            summary.rootService = row.at(2);
            summary.services = row.at(3).split(u", "_s, Qt::SkipEmptyParts);
            summary.spans = row.at(4).toLongLong(&ok[0]);
            summary.errors = row.at(5).toLongLong(&ok[1]);
            summary.startNs = row.at(6).toULongLong(&ok[2]);
            summary.durationNs = row.at(7).toULongLong(&ok[3]);
        }
        if (!(ok[0] && ok[1] && ok[2] && ok[3])) {
            *error = u"row %1 of the search's answer is not a trace (%2 columns)"_s.arg(i + 1).arg(row.size());
            return false;
        }
        summaries->append(std::move(summary));
    }
    return true;
}
