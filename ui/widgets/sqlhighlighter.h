#pragma once

#include <QSet>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

/// Colours ClickHouse SQL in the Query page's editor: keywords, functions (a name before `(`),
/// strings, numbers, comments, and Grafana macros and variables ($__timeFilter, $service,
/// ${var:csv}, [[var]]), which are marked inside strings too because Grafana expands them
/// there. Block comments and strings that span lines carry over from one line to the next.
class SqlHighlighter final : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    enum class Token
    {
        Keyword,
        Function,
        String,
        Identifier,
        Number,
        Comment,
        Macro,
    };

    explicit SqlHighlighter(QTextDocument* document);
    Q_DISABLE_COPY_MOVE(SqlHighlighter)

    QTextCharFormat format(Token token) const;
    /// Colours readable on a dark editor (`dark`) or a light one; highlights again on a change.
    void setDark(bool dark);
    bool isDark() const { return m_dark; }

protected:
    void highlightBlock(const QString& text) override;

private:
    enum BlockState
    {
        Normal = 0,
        InBlockComment,
        InString,
        InBacktick,
        InDoubleQuoted,
    };

    /// Highlights a quoted run from `start` (just after an opening quote or at the line's start
    /// when it carries over); returns where it ended (after the closing quote) or -1 if it runs on.
    qsizetype quoted(const QString& text, qsizetype start, QChar quote, Token token);
    void macros(const QString& text, qsizetype begin, qsizetype end);

    QSet<QString> m_keywords;
    QTextCharFormat m_formats[7];
    bool m_dark = false;
};
