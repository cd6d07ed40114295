#pragma once

#include <QLocale>
#include <QString>

#include <algorithm>
#include <climits>

/// Plural forms: tr("%Ln row(s)", nullptr, n) picks the form for n from the translation (English
/// has one too, automagik-workbench_en.ts) and shows n in the locale's format. That n is an int,
/// while counts are often qint64.
namespace PluralCount {

/// The n for a numerus tr(): the count clamped into int, a negative one read as 0.
inline int n(qint64 count)
{
    return int(std::clamp<qint64>(count, 0, INT_MAX));
}

/// For counts that can pass INT_MAX (rows ClickHouse reads or holds): tr() was given n(count) and
/// showed INT_MAX, so its figure is replaced with the count's own. The form INT_MAX picked stays.
inline QString withFigure(QString text, qint64 count)
{
    if (count > INT_MAX)
        text.replace(QLocale().toString(INT_MAX), QLocale().toString(count));
    return text;
}

} // namespace PluralCount
