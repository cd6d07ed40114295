#pragma once

#include <QString>
#include <QStringView>

#include <cstddef>
#include <optional>
#include <utility>

/// An enum's values and the words that name them (on the command line, in a table cell), kept
/// in one array per enum and looked up both ways.
namespace EnumNames {

template<typename Enum, std::size_t Size>
QString nameOf(const std::pair<Enum, QStringView> (&names)[Size], Enum value)
{
    for (const auto& [known, name] : names) {
        if (known == value)
            return name.toString();
    }
    return {};
}

template<typename Enum, std::size_t Size>
std::optional<Enum> valueOf(const std::pair<Enum, QStringView> (&names)[Size], QStringView name,
    Qt::CaseSensitivity sensitivity = Qt::CaseSensitive)
{
    for (const auto& [value, known] : names) {
        if (known.compare(name, sensitivity) == 0)
            return value;
    }
    return std::nullopt;
}

} // namespace EnumNames
