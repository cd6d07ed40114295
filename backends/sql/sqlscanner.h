#pragma once

#include <QList>
#include <QStringView>

/// ClickHouse's lexical regions of SQL text: code, '...' string literals, `...` and "..."
/// quoted identifiers, and -- / # line comments and /* block */ comments. Backslash escapes and
/// doubled quotes are understood. Everything that must not look inside strings or comments (the
/// statement splitter, the macro expander, the toStartOfInterval rewrite) walks these regions.
namespace SqlScanner {

enum class Kind
{
    Code,
    String, ///< '...', quotes included
    Identifier, ///< `...` or "...", quotes included
    Comment, ///< -- or # to the end of the line (newline excluded), or /* ... */
};

struct Region
{
    Kind kind = Kind::Code;
    qsizetype begin = 0;
    qsizetype end = 0; ///< one past the last character
};

/// The regions in order, covering the whole text; an unterminated string or comment runs to
/// the end. Adjacent code is one region.
QList<Region> regions(QStringView sql);

/// Where the region that contains `offset` ends, for a caller that scans code itself: if `offset`
/// starts a string, identifier or comment, the position after it; otherwise -1.
qsizetype skipNonCode(QStringView sql, qsizetype offset);

} // namespace SqlScanner
