#include "sqlhighlighter.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isWordPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

QTextCharFormat makeFormat(const QColor& color, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(color);
    if (bold)
        format.setFontWeight(QFont::Bold);
    format.setFontItalic(italic);
    return format;
}
} // namespace

SqlHighlighter::SqlHighlighter(QTextDocument* document)
    : QSyntaxHighlighter(document)
{
    const QString keywords =
        u"ADD AFTER ALIAS ALL ALTER AND ANTI ANY ARRAY AS ASC ASOF ATTACH BETWEEN BOTH BY CASE CAST "
        "CHECK CLUSTER CODEC COLLATE COLUMN CREATE CROSS CUBE DATABASE DATABASES DEFAULT DELETE "
        "DESC DESCRIBE DETACH DICTIONARY DISTINCT DROP ELSE END ENGINE EXCEPT EXISTS EXPLAIN "
        "FINAL FIRST FORMAT FROM FULL FUNCTION GLOBAL GRANT GROUP HAVING IF ILIKE IN INDEX INNER "
        "INSERT INTERSECT INTERVAL INTO IS JOIN KEY KILL LEFT LIKE LIMIT LIVE MATERIALIZED "
        "MODIFY NOT NULL NULLS OFFSET ON OPTIMIZE OR ORDER OUTER PARTITION PASTE POPULATE "
        "PREWHERE PRIMARY QUERY RENAME REPLACE RIGHT ROLLUP SAMPLE SELECT SEMI SET SETTINGS "
        "SHOW SYSTEM TABLE TABLES TEMPORARY THEN TO TOP TOTALS TRUNCATE TTL UNION UPDATE USE "
        "USING VALUES VIEW WATCH WHEN WHERE WITH TRUE FALSE"_s;
    for (const QString& keyword : keywords.split(u' '))
        m_keywords.insert(keyword);
    m_dark = true; // so that the call below sets the light colours
    setDark(false);
}

void SqlHighlighter::setDark(bool dark)
{
    if (dark == m_dark)
        return;
    m_dark = dark;
    // The same hues, lightened for a dark base: the light set's dark blue keywords were
    // unreadable there.
    m_formats[int(Token::Keyword)] = makeFormat(dark ? QColor(0x7a, 0xb4, 0xff) : QColor(0x1f, 0x4e, 0xa8), true);
    m_formats[int(Token::Function)] = makeFormat(dark ? QColor(0xd1, 0x9a, 0xf0) : QColor(0x7b, 0x1f, 0xa2));
    m_formats[int(Token::String)] = makeFormat(dark ? QColor(0x8f, 0xd1, 0x8a) : QColor(0x2e, 0x7d, 0x32));
    m_formats[int(Token::Identifier)] = makeFormat(dark ? QColor(0xd7, 0xb8, 0x9c) : QColor(0x6d, 0x4c, 0x41));
    m_formats[int(Token::Number)] = makeFormat(dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28));
    m_formats[int(Token::Comment)] =
        makeFormat(dark ? QColor(0x9e, 0x9e, 0x9e) : QColor(0x75, 0x75, 0x75), false, true);
    m_formats[int(Token::Macro)] = makeFormat(dark ? QColor(0xff, 0xab, 0x40) : QColor(0xe6, 0x51, 0x00), true);
    rehighlight();
}

QTextCharFormat SqlHighlighter::format(Token token) const
{
    return m_formats[int(token)];
}

qsizetype SqlHighlighter::quoted(const QString& text, qsizetype start, QChar quote, Token token)
{
    qsizetype i = start;
    while (i < text.size()) {
        if (text.at(i) == u'\\' && i + 1 < text.size()) {
            i += 2;
        } else if (text.at(i) == quote) {
            if (i + 1 < text.size() && text.at(i + 1) == quote) {
                i += 2; // a doubled quote is a quote
            } else {
                setFormat(int(start), int(i + 1 - start), m_formats[int(token)]);
                if (token == Token::String)
                    macros(text, start, i);
                return i + 1;
            }
        } else {
            ++i;
        }
    }
    setFormat(int(start), int(text.size() - start), m_formats[int(token)]);
    if (token == Token::String)
        macros(text, start, text.size());
    return -1;
}

void SqlHighlighter::macros(const QString& text, qsizetype begin, qsizetype end)
{
    static const QRegularExpression pattern(uR"(\$\{[^}]*\}|\$\w+|\[\[[^\]]*\]\])"_s);
    auto matches = pattern.globalMatch(QStringView(text).mid(begin, end - begin));
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        setFormat(int(begin + match.capturedStart()), int(match.capturedLength()), m_formats[int(Token::Macro)]);
    }
}

void SqlHighlighter::highlightBlock(const QString& text)
{
    setCurrentBlockState(Normal);
    qsizetype i = 0;
    auto carryOn = [&](QChar quote, Token token, BlockState state) {
        const qsizetype end = quoted(text, i, quote, token);
        if (end < 0) {
            setCurrentBlockState(state);
            i = text.size();
        } else {
            i = end;
        }
    };
    switch (previousBlockState()) {
    case InBlockComment: {
        const qsizetype close = text.indexOf(u"*/"_s);
        const qsizetype end = close < 0 ? text.size() : close + 2;
        setFormat(0, int(end), m_formats[int(Token::Comment)]);
        if (close < 0) {
            setCurrentBlockState(InBlockComment);
            return;
        }
        i = end;
        break;
    }
    case InString:
        carryOn(u'\'', Token::String, InString);
        break;
    case InBacktick:
        carryOn(u'`', Token::Identifier, InBacktick);
        break;
    case InDoubleQuoted:
        carryOn(u'"', Token::Identifier, InDoubleQuoted);
        break;
    default:
        break;
    }
    while (i < text.size()) {
        const QChar c = text.at(i);
        const QChar next = i + 1 < text.size() ? text.at(i + 1) : QChar();
        if ((c == u'-' && next == u'-') || c == u'#') {
            setFormat(int(i), int(text.size() - i), m_formats[int(Token::Comment)]);
            return;
        }
        if (c == u'/' && next == u'*') {
            const qsizetype close = text.indexOf(u"*/"_s, i + 2);
            const qsizetype end = close < 0 ? text.size() : close + 2;
            setFormat(int(i), int(end - i), m_formats[int(Token::Comment)]);
            if (close < 0) {
                setCurrentBlockState(InBlockComment);
                return;
            }
            i = end;
        } else if (c == u'\'' || c == u'`' || c == u'"') {
            const qsizetype open = i;
            const Token token = c == u'\'' ? Token::String : Token::Identifier;
            const BlockState state = c == u'\'' ? InString : (c == u'`' ? InBacktick : InDoubleQuoted);
            i = open + 1;
            carryOn(c, token, state);
            setFormat(int(open), 1, m_formats[int(token)]);
        } else if (c == u'$' || (c == u'[' && next == u'[')) {
            qsizetype end = i + 1;
            if (c == u'[') {
                const qsizetype close = text.indexOf(u"]]"_s, i + 2);
                end = close < 0 ? text.size() : close + 2;
            } else if (next == u'{') {
                const qsizetype close = text.indexOf(u'}', i + 2);
                end = close < 0 ? text.size() : close + 1;
            } else {
                while (end < text.size() && isWordPart(text.at(end)))
                    ++end;
            }
            setFormat(int(i), int(end - i), m_formats[int(Token::Macro)]);
            i = end;
        } else if (c.isDigit() || (c == u'.' && next.isDigit())) {
            qsizetype end = i + 1;
            while (end < text.size() && (text.at(end).isLetterOrNumber() || text.at(end) == u'.'))
                ++end;
            setFormat(int(i), int(end - i), m_formats[int(Token::Number)]);
            i = end;
        } else if (isWordStart(c)) {
            qsizetype end = i + 1;
            while (end < text.size() && isWordPart(text.at(end)))
                ++end;
            qsizetype after = end;
            while (after < text.size() && text.at(after) == u' ')
                ++after;
            const QString word = text.mid(i, end - i);
            if (after < text.size() && text.at(after) == u'(' && !m_keywords.contains(word.toUpper()))
                setFormat(int(i), int(end - i), m_formats[int(Token::Function)]);
            else if (m_keywords.contains(word.toUpper()))
                setFormat(int(i), int(end - i), m_formats[int(Token::Keyword)]);
            i = end;
        } else {
            ++i;
        }
    }
}
