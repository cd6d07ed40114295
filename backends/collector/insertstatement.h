#pragma once

#include <QString>

/// The one statement the gateway takes: INSERT INTO [db.]table [(columns)] FORMAT JSONEachRow,
/// with ClickHouse's identifier quoting. parse() fails for anything else.
struct InsertStatement
{
    QString database; ///< empty when the statement names none
    QString table;
    bool hasColumnList = false;

    static bool parse(const QString& sql, InsertStatement* statement, QString* error);
};
