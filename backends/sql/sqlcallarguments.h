#pragma once

#include <QList>
#include <QStringView>

/// The arguments of a call in SQL text, e.g. the `(col, 5m)` after a macro or a function name:
/// split on top-level commas, nested parentheses, strings and comments respected.
struct SqlCallArguments
{
    QList<QStringView> arguments; ///< trimmed; none for "()"
    qsizetype end = -1; ///< one past the closing parenthesis; -1 when it is missing

    /// Reads the call whose opening parenthesis is at `open` (sql.at(open) must be '(').
    static SqlCallArguments read(QStringView sql, qsizetype open);
};
