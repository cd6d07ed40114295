#pragma once

#include <QString>
#include <QStringList>

/// ClickHouse's TabSeparated text: fields split on tabs, with \t \n \r \b \f \0 \' \\ escapes
/// (and \N for NULL, which comes back as a null QString).
namespace ClickHouseTsv {
QString unescape(QStringView field);
QStringList splitRow(QStringView line);
/// Every non-empty line of a TabSeparated answer, split and unescaped.
QList<QStringList> rows(const QString& text);
} // namespace ClickHouseTsv
