#pragma once

#include <QList>
#include <QString>
#include <QStringView>

/// A result column as ClickHouse describes it: name and type ("UInt64", "Nullable(String)", ...).
struct ClickHouseColumn
{
    QString name;
    QString type;

    friend bool operator==(const ClickHouseColumn&, const ClickHouseColumn&) = default;

    /// What is inside `wrapper` ("Array(", "Tuple(", ...) when `type` is one; else `type`.
    static QStringView unwrap(QStringView type, QStringView wrapper)
    {
        if (type.startsWith(wrapper) && type.endsWith(u')'))
            return type.mid(wrapper.size(), type.size() - wrapper.size() - 1);
        return type;
    }

    /// The type without LowCardinality(...) and Nullable(...): how its values read.
    static QStringView baseType(QStringView type) { return unwrap(unwrap(type, u"LowCardinality("), u"Nullable("); }
};

/// Statistics ClickHouse reports for a query (JSON formats' "statistics"), plus what we counted.
struct ClickHouseQueryStatistics
{
    qint64 rows = 0; ///< rows received
    qint64 bytesReceived = 0;
    double elapsedSeconds = -1; ///< the server's own measure; -1 when it sent none
    qint64 rowsRead = -1; ///< rows the server read to answer; -1 when unknown
    qint64 bytesRead = -1;
    qint64 rowsBeforeLimit = -1; ///< rows_before_limit_at_least, when there was a LIMIT
};
