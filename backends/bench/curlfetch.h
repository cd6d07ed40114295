#pragma once

#include "clickhouse/clickhouseendpoint.h"

#include <QList>
#include <QPair>
#include <QString>

/// The reference every read benchmark compares with: curl fetching the same query, with the same
/// URL parameters, from the same server, to /dev/null. Whatever a workbench path takes beyond it
/// is the workbench's own cost. The credentials go to curl on its standard input (-K -), not on
/// its command line.
namespace CurlFetch {

struct Result
{
    double seconds = 0;
    qint64 bytes = 0; ///< the answer's size as it crossed the wire
};

bool run(const ClickHouseEndpoint& endpoint, const QString& sql, const QList<QPair<QString, QString>>& parameters,
    Result* result, QString* error);

} // namespace CurlFetch
