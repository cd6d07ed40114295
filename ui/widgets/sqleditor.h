#pragma once

#include <QPlainTextEdit>

class SqlHighlighter;

/// The Query page's SQL editor: a monospace plain-text editor with SQL highlighting, and a mark
/// (red wavy underline, cursor moved there) for the position a server error names.
class SqlEditor final : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit SqlEditor(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(SqlEditor)

    SqlHighlighter* highlighter() const { return m_highlighter; }
    /// Marks from `offset` (in the editor's text) to the end of the word there; shows it.
    void markError(qsizetype offset);
    void clearErrorMark();
    /// Where the error mark starts, or -1.
    qsizetype errorOffset() const { return m_errorOffset; }

protected:
    void changeEvent(QEvent* event) override;
    bool event(QEvent* event) override;

private:
    /// The highlighting and the error mark in colours that read on the palette's base.
    void followPalette();
    QColor errorBackground() const;

    SqlHighlighter* m_highlighter;
    qsizetype m_errorOffset = -1;
};
