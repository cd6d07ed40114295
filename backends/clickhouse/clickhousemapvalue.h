#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QVariant>

#include <utility>

/// A Map (or a JSON object: a named tuple, a JSON column) read from a result, with its entries in
/// the order the server sent them. A QVariantMap would sort them by key, so that
/// map('z', 1, 'a', 2) would read back as {'a': 2, 'z': 1}.
struct ClickHouseMapValue
{
    QList<std::pair<QString, QVariant>> entries;

    friend bool operator==(const ClickHouseMapValue& a, const ClickHouseMapValue& b) { return a.entries == b.entries; }
};
Q_DECLARE_METATYPE(ClickHouseMapValue)
