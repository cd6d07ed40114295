#include "grafanavariableformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace GrafanaVariableFormat {
namespace {
QString quoted(const QStringList& values, QChar quote, const QString& escapedQuote)
{
    QStringList out;
    for (QString value : values)
        out.append(quote + value.replace(quote, escapedQuote) + quote);
    return out.join(u',');
}

QString backslashEscaped(const QString& value, QStringView special)
{
    QString out;
    out.reserve(value.size() + 8);
    for (const QChar c : value) {
        if (special.contains(c))
            out += u'\\';
        out += c;
    }
    return out;
}

QString regexEscape(const QString& value)
{
    // Grafana's kbn.regexEscape: the regex metacharacters, each with a backslash.
    return backslashEscaped(value, uR"(\^$*+?.()|{}[]/)");
}

QString luceneEscape(const QString& value)
{
    return backslashEscaped(value, uR"(-+!(){}[]^"~*?:\/)");
}

QString percentEncode(const QString& value)
{
    // encodeURIComponent plus !'()*, as Grafana's encodeURIComponentStrict.
    return QString::fromLatin1(QUrl::toPercentEncoding(value, "-_.~"));
}
} // namespace

QStringList valuesOf(const GrafanaTemplateVariable& variable, bool* verbatim)
{
    *verbatim = false;
    if (!variable.allSelected)
        return variable.values;
    if (!variable.customAllValue.isEmpty()) {
        *verbatim = true;
        return { variable.customAllValue };
    }
    return variable.options;
}

bool isKnown(const QString& format)
{
    static const QStringList known { u"csv"_s, u"distributed"_s, u"doublequote"_s, u"glob"_s, u"json"_s, u"lucene"_s,
        u"percentencode"_s, u"pipe"_s, u"raw"_s, u"regex"_s, u"singlequote"_s, u"sqlstring"_s, u"text"_s,
        u"queryparam"_s };
    return known.contains(format);
}

QString apply(const QStringList& values, const QString& requested, const QString& name)
{
    const QString format = requested.isEmpty() || isKnown(requested) ? requested : u"glob"_s;
    if (format.isEmpty() || format == u"csv"_s || format == u"raw"_s)
        return values.join(u',');
    if (format == u"singlequote"_s)
        return quoted(values, u'\'', u"\\'"_s);
    if (format == u"sqlstring"_s)
        return quoted(values, u'\'', u"''"_s);
    if (format == u"doublequote"_s)
        return quoted(values, u'"', u"\\\""_s);
    if (format == u"pipe"_s)
        return values.join(u'|');
    if (format == u"text"_s)
        return values.join(u" + "_s);
    if (format == u"json"_s) {
        return values.size() == 1
            ? QString::fromUtf8(QJsonDocument(QJsonArray { values.first() }).toJson(QJsonDocument::Compact))
                  .mid(1)
                  .chopped(1)
            : QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(values)).toJson(QJsonDocument::Compact));
    }
    if (format == u"glob"_s)
        return values.size() == 1 ? values.first() : u'{' + values.join(u',') + u'}';
    if (format == u"regex"_s) {
        QStringList escaped;
        for (const QString& value : values)
            escaped.append(regexEscape(value));
        return escaped.size() == 1 ? escaped.first() : u'(' + escaped.join(u'|') + u')';
    }
    if (format == u"lucene"_s) {
        if (values.size() == 1)
            return luceneEscape(values.first());
        QStringList escaped;
        for (const QString& value : values)
            escaped.append(u'"' + luceneEscape(value) + u'"');
        return u'(' + escaped.join(u" OR "_s) + u')';
    }
    if (format == u"percentencode"_s)
        return percentEncode(values.size() == 1 ? values.first() : u'{' + values.join(u',') + u'}');
    if (format == u"distributed"_s) {
        QStringList parts;
        for (qsizetype i = 0; i < values.size(); ++i)
            parts.append(i == 0 ? values.at(i) : name + u'=' + values.at(i));
        return parts.join(u',');
    }
    // queryparam
    QStringList parts;
    for (const QString& value : values)
        parts.append(u"var-"_s + percentEncode(name) + u'=' + percentEncode(value));
    return parts.join(u'&');
}

QString momentDate(const QDateTime& time, QStringView format)
{
    // Longest tokens first, so that "YYYY" is not read as two "YY".
    static const QStringList tokens { u"YYYY"_s, u"SSS"_s, u"YY"_s, u"MM"_s, u"DD"_s, u"HH"_s, u"hh"_s, u"mm"_s,
        u"ss"_s, u"M"_s, u"D"_s, u"H"_s, u"h"_s, u"m"_s, u"s"_s, u"A"_s, u"a"_s, u"X"_s, u"x"_s };
    const QDate date = time.date();
    const QTime clock = time.time();
    const int hour12 = clock.hour() % 12 == 0 ? 12 : clock.hour() % 12;
    auto two = [](int n) { return QString::number(n).rightJustified(2, u'0'); };
    QString out;
    qsizetype i = 0;
    while (i < format.size()) {
        auto token =
            std::find_if(tokens.cbegin(), tokens.cend(), [&](const QString& t) { return format.mid(i).startsWith(t); });
        if (token == tokens.cend()) {
            out += format.at(i++);
            continue;
        }
        const QString& t = *token;
        if (t == u"YYYY"_s)
            out += QString::number(date.year()).rightJustified(4, u'0');
        else if (t == u"YY"_s)
            out += two(date.year() % 100);
        else if (t == u"MM"_s)
            out += two(date.month());
        else if (t == u"M"_s)
            out += QString::number(date.month());
        else if (t == u"DD"_s)
            out += two(date.day());
        else if (t == u"D"_s)
            out += QString::number(date.day());
        else if (t == u"HH"_s)
            out += two(clock.hour());
        else if (t == u"H"_s)
            out += QString::number(clock.hour());
        else if (t == u"hh"_s)
            out += two(hour12);
        else if (t == u"h"_s)
            out += QString::number(hour12);
        else if (t == u"mm"_s)
            out += two(clock.minute());
        else if (t == u"m"_s)
            out += QString::number(clock.minute());
        else if (t == u"ss"_s)
            out += two(clock.second());
        else if (t == u"s"_s)
            out += QString::number(clock.second());
        else if (t == u"SSS"_s)
            out += QString::number(clock.msec()).rightJustified(3, u'0');
        else if (t == u"A"_s)
            out += clock.hour() < 12 ? u"AM"_s : u"PM"_s;
        else if (t == u"a"_s)
            out += clock.hour() < 12 ? u"am"_s : u"pm"_s;
        else if (t == u"X"_s)
            out += QString::number(time.toSecsSinceEpoch());
        else
            out += QString::number(time.toMSecsSinceEpoch());
        i += t.size();
    }
    return out;
}

QString durationText(qint64 ms)
{
    if (ms <= 0)
        return u"0s"_s;
    if (ms % 86400000 == 0)
        return QString::number(ms / 86400000) + u'd';
    if (ms % 3600000 == 0)
        return QString::number(ms / 3600000) + u'h';
    if (ms % 60000 == 0)
        return QString::number(ms / 60000) + u'm';
    if (ms % 1000 == 0)
        return QString::number(ms / 1000) + u's';
    return QString::number(ms) + u"ms"_s;
}

} // namespace GrafanaVariableFormat
