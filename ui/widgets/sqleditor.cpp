#include "sqleditor.h"

#include "sqlhighlighter.h"

#include <QFontDatabase>

SqlEditor::SqlEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new SqlHighlighter(document()))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setAccessibleName(tr("SQL"));
    // Editing moves on from the error: the mark would point at the wrong text.
    connect(document(), &QTextDocument::contentsChange, this, [this](int, int removed, int added) {
        if (removed != 0 || added != 0)
            clearErrorMark();
    });
}

void SqlEditor::markError(qsizetype offset)
{
    const QString text = toPlainText();
    offset = qBound<qsizetype>(0, offset, text.size());
    qsizetype end = offset;
    while (end < text.size() && !text.at(end).isSpace())
        ++end;
    if (end == offset && offset > 0)
        --offset; // at the very end: mark the last character
    QTextEdit::ExtraSelection mark;
    mark.cursor = QTextCursor(document());
    mark.cursor.setPosition(int(offset));
    mark.cursor.setPosition(int(qMax(end, offset + 1)), QTextCursor::KeepAnchor);
    mark.format.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    mark.format.setUnderlineColor(Qt::red);
    mark.format.setBackground(QColor(0xff, 0xeb, 0xee));
    setExtraSelections({ mark });
    QTextCursor cursor = textCursor();
    cursor.setPosition(int(offset));
    setTextCursor(cursor);
    ensureCursorVisible();
    m_errorOffset = offset;
}

void SqlEditor::clearErrorMark()
{
    if (m_errorOffset < 0)
        return;
    setExtraSelections({});
    m_errorOffset = -1;
}
