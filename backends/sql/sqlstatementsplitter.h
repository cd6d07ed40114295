#pragma once

#include <QList>
#include <QString>

/// Splits SQL text into statements on `;`, leaving alone the semicolons inside '...' and "..."
/// strings, `...` identifiers, -- and # line comments and /* block */ comments (ClickHouse's
/// lexical rules, backslash escapes included). Each piece keeps its offset in the text, so an
/// error position can be shown in the editor.
namespace SqlStatementSplitter {

struct Statement
{
    QString text; ///< trimmed
    qsizetype offset = 0; ///< where the trimmed text starts in the input
};

/// Statements that hold only whitespace and comments are left out.
QList<Statement> split(const QString& sql);

/// The statement the cursor is in, as "run statement" in an editor means it: the one whose text
/// (or the whitespace and `;` right after it) holds `cursor`; on a blank line between two, the
/// one before. None (an empty text) when there is no statement.
Statement statementAt(const QString& sql, qsizetype cursor);

} // namespace SqlStatementSplitter
