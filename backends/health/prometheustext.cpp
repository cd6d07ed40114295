#include "prometheustext.h"

#include <QByteArrayView>

#include <cmath>

namespace {
/// The value of `name="..."` in a label set, with the format's escapes (\\, \", \n) undone.
QString labelValue(QByteArrayView labels, QByteArrayView name)
{
    qsizetype at = 0;
    while ((at = labels.indexOf(name, at)) >= 0) {
        const bool startsLabel = at == 0 || labels.at(at - 1) == ',' || labels.at(at - 1) == ' ';
        const qsizetype quote = at + name.size();
        if (!startsLabel || quote + 1 >= labels.size() || labels.at(quote) != '=' || labels.at(quote + 1) != '"') {
            at += name.size();
            continue;
        }
        QByteArray value;
        for (qsizetype index = quote + 2; index < labels.size(); ++index) {
            const char c = labels.at(index);
            if (c == '"')
                return QString::fromUtf8(value);
            if (c == '\\' && index + 1 < labels.size()) {
                const char escaped = labels.at(++index);
                value.append(escaped == 'n' ? '\n' : escaped);
            } else {
                value.append(c);
            }
        }
        return {};
    }
    return {};
}

/// Where the label set ends: the closing brace outside any quoted value, or -1.
qsizetype labelsEnd(QByteArrayView line, qsizetype open)
{
    bool quoted = false;
    for (qsizetype index = open + 1; index < line.size(); ++index) {
        const char c = line.at(index);
        if (quoted && c == '\\')
            ++index;
        else if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == '}')
            return index;
    }
    return -1;
}
} // namespace

PrometheusText PrometheusText::parse(const QByteArray& text)
{
    PrometheusText result;
    for (const QByteArray& whole : text.split('\n')) {
        const QByteArrayView line = QByteArrayView(whole).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        qsizetype nameEnd = 0;
        while (nameEnd < line.size() && line.at(nameEnd) != '{' && line.at(nameEnd) != ' ' && line.at(nameEnd) != '\t')
            ++nameEnd;
        QByteArrayView name = line.first(nameEnd);
        qsizetype rest = nameEnd;
        if (rest < line.size() && line.at(rest) == '{') {
            const qsizetype close = labelsEnd(line, rest);
            if (close < 0) {
                ++result.m_skipped;
                continue;
            }
            if (result.m_serviceVersion.isEmpty())
                result.m_serviceVersion = labelValue(line.sliced(rest + 1, close - rest - 1), "service_version");
            rest = close + 1;
        }
        // The value, then an optional timestamp.
        const QByteArrayView values = line.sliced(rest).trimmed();
        qsizetype space = values.indexOf(' ');
        if (const qsizetype tab = values.indexOf('\t'); tab >= 0 && (space < 0 || tab < space))
            space = tab;
        const QByteArrayView number = space < 0 ? values : values.first(space);
        bool ok = false;
        double value = number.toDouble(&ok);
        if (!ok && (number == "+Inf" || number == "-Inf" || number == "NaN")) {
            ok = true;
            value = number == "NaN" ? std::nan("") : (number == "+Inf" ? HUGE_VAL : -HUGE_VAL);
        }
        if (name.isEmpty() || !ok || std::isnan(value)) { // NaN: no sample, not a poisoned sum
            ++result.m_skipped;
            continue;
        }
        if (name.endsWith("_total"))
            name.chop(6);
        result.m_sums[QString::fromLatin1(name)] += value;
    }
    return result;
}
