#include "sqleditor.h"

#include "sqlhighlighter.h"

#include <QColor>
#include <QEvent>
#include <QFontDatabase>
#include <QKeyEvent>
#include <QPalette>

SqlEditor::SqlEditor(QWidget* parent)
    : QPlainTextEdit(parent)
    , m_highlighter(new SqlHighlighter(document()))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 4);
    setAccessibleName(tr("SQL editor"));
    followPalette();
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
    mark.format.setBackground(errorBackground());
    setExtraSelections({ mark });
    QTextCursor cursor = textCursor();
    cursor.setPosition(int(offset));
    setTextCursor(cursor);
    ensureCursorVisible();
    m_errorOffset = offset;
}

void SqlEditor::changeEvent(QEvent* event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        followPalette();
}

bool SqlEditor::event(QEvent* event)
{
    // Tab indents SQL, so Ctrl+Tab and Ctrl+Shift+Tab leave the editor, as in Qt's other text
    // editors' convention; without them a keyboard user could not get out.
    if (event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        const bool tab = key->key() == Qt::Key_Tab || key->key() == Qt::Key_Backtab;
        if (tab && key->modifiers().testFlag(Qt::ControlModifier)) {
            const bool backwards = key->key() == Qt::Key_Backtab || key->modifiers().testFlag(Qt::ShiftModifier);
            // QPlainTextEdit's own refuses while Tab is typed; the window's chain is wanted.
            QWidget::focusNextPrevChild(!backwards);
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void SqlEditor::followPalette()
{
    m_highlighter->setDark(palette().color(QPalette::Base).lightness() < 128);
    if (m_errorOffset < 0)
        return;
    QList<QTextEdit::ExtraSelection> marks = extraSelections();
    for (QTextEdit::ExtraSelection& mark : marks)
        mark.format.setBackground(errorBackground());
    setExtraSelections(marks);
}

QColor SqlEditor::errorBackground() const
{
    return m_highlighter->isDark() ? QColor(0x5c, 0x1f, 0x24) : QColor(0xff, 0xeb, 0xee);
}

void SqlEditor::clearErrorMark()
{
    if (m_errorOffset < 0)
        return;
    setExtraSelections({});
    m_errorOffset = -1;
}
