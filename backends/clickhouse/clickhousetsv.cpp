#include "clickhousetsv.h"

namespace ClickHouseTsv {

QString unescape(QStringView field)
{
    if (field == u"\\N")
        return {};
    if (!field.contains(u'\\'))
        return field.isEmpty() ? QString(QLatin1StringView("")) : field.toString(); // empty, not null
    QString out;
    out.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const QChar c = field.at(i);
        if (c != u'\\' || i + 1 == field.size()) {
            out.append(c);
            continue;
        }
        const QChar next = field.at(++i);
        switch (next.unicode()) {
        case 't':
            out.append(u'\t');
            break;
        case 'n':
            out.append(u'\n');
            break;
        case 'r':
            out.append(u'\r');
            break;
        case 'b':
            out.append(u'\b');
            break;
        case 'f':
            out.append(u'\f');
            break;
        case '0':
            out.append(QChar(0));
            break;
        default: // \' \\ and anything else: the character itself
            out.append(next);
        }
    }
    return out;
}

QStringList splitRow(QStringView line)
{
    QStringList fields;
    for (QStringView field : line.split(u'\t'))
        fields.append(unescape(field));
    return fields;
}

QList<QStringList> rows(const QString& text)
{
    QList<QStringList> result;
    for (QStringView line : QStringView(text).split(u'\n', Qt::SkipEmptyParts))
        result.append(splitRow(line));
    return result;
}

} // namespace ClickHouseTsv
