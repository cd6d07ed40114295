#pragma once

#include <QList>
#include <QtGlobal>

#include <algorithm>
#include <bit>
#include <cmath>
#include <optional>

/// Equality for doubles that went through a codec: same bits, except that all NaNs are equal
/// (text formats cannot carry NaN payloads). Unlike ==, it tells 0.0 from -0.0.
inline bool exactlyEqual(double a, double b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b);
    return std::bit_cast<quint64>(a) == std::bit_cast<quint64>(b);
}

inline bool exactlyEqual(const std::optional<double>& a, const std::optional<double>& b)
{
    return a.has_value() == b.has_value() && (!a || exactlyEqual(*a, *b));
}

inline bool exactlyEqual(const QList<double>& a, const QList<double>& b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (!exactlyEqual(a.at(i), b.at(i)))
            return false;
    }
    return true;
}

/// Element-wise equality of integer lists. Qt 6.4's QList<T>::operator== for trivial T calls
/// memcmp with a null pointer when both lists are empty, which UBSan rightly reports.
template<typename T>
bool sameValues(const QList<T>& a, const QList<T>& b)
{
    return a.size() == b.size() && std::equal(a.cbegin(), a.cend(), b.cbegin());
}
