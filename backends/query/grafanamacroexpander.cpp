#include "grafanamacroexpander.h"

#include "grafanavariableformat.h"
#include "legacysqlrewriter.h"
#include "sql/sqlcallarguments.h"
#include "sql/sqlscanner.h"

#include <QDateTime>

#include <cmath>

using namespace Qt::StringLiterals;

namespace {
struct Failure
{
    QString message;
    qsizetype offset = -1;
};

bool isNameCharacter(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

qsizetype nameEnd(QStringView text, qsizetype begin)
{
    qsizetype end = begin;
    while (end < text.size() && isNameCharacter(text.at(end)))
        ++end;
    return end;
}

qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}

/// A Go duration as the plugin's $__timeGroup takes it ("5m", "1h30m", "300ms", quotes allowed),
/// in milliseconds; 0 when it is not one.
qint64 parseGoDuration(QStringView text)
{
    QString rest = text.trimmed().toString();
    if (rest.size() >= 2 && (rest.front() == u'\'' || rest.front() == u'"') && rest.back() == rest.front())
        rest = rest.mid(1, rest.size() - 2);
    static const QList<QPair<QString, double>> units { { u"ns"_s, 1e-6 }, { u"us"_s, 1e-3 }, { u"µs"_s, 1e-3 },
        { u"ms"_s, 1 }, { u"s"_s, 1000 }, { u"m"_s, 60000 }, { u"h"_s, 3600000 } };
    double total = 0;
    qsizetype i = 0;
    if (rest.isEmpty())
        return 0;
    while (i < rest.size()) {
        const qsizetype numberBegin = i;
        while (i < rest.size() && (rest.at(i).isDigit() || rest.at(i) == u'.'))
            ++i;
        bool ok = false;
        const double number = rest.mid(numberBegin, i - numberBegin).toDouble(&ok);
        if (!ok)
            return 0;
        const qsizetype unitBegin = i;
        while (i < rest.size() && !rest.at(i).isDigit() && rest.at(i) != u'.')
            ++i;
        const QString unit = rest.mid(unitBegin, i - unitBegin);
        auto found = std::find_if(units.cbegin(), units.cend(), [&](const auto& u) { return u.first == unit; });
        if (found == units.cend())
            return 0;
        total += number * found->second;
    }
    // Longer than a century is not a bucket anyone means (and would overflow the arithmetic).
    constexpr double century = 100.0 * 365.25 * 86400000.0;
    return std::isfinite(total) && total <= century ? qint64(total) : 0;
}

class Expansion
{
public:
    explicit Expansion(const GrafanaMacroContext& context)
        : m_context(context)
    { }

    bool conditionalAll(QString* sql);
    bool variables(QString* sql);
    bool macros(QString* sql, qsizetype baseOffset);
    Failure failure() const { return m_failure; }

private:
    bool fail(const QString& message, qsizetype offset)
    {
        m_failure = { message, offset };
        return false;
    }
    /// The replacement for one variable or global reference, or false to leave it alone.
    bool variableText(const QString& name, const QString& format, QString* text) const;
    bool globalText(const QString& name, const QString& format, QString* text) const;
    bool macroText(const QString& name, const QList<QString>& arguments, qsizetype offset, QString* text);

    qint64 fromSeconds() const { return floorDiv(m_context.fromMs, 1000); }
    qint64 toSeconds() const { return floorDiv(m_context.toMs, 1000); }
    QString date(qint64 ms) const
    {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(u"yyyy-MM-dd"_s);
    }

    const GrafanaMacroContext& m_context;
    Failure m_failure;
};

struct MacroSpec
{
    const char16_t* name;
    int arity;
};
const MacroSpec macroSpecs[] = { { u"timeFilter", 1 }, { u"timeFilter_ms", 1 }, { u"dateFilter", 1 },
    { u"dateTimeFilter", 2 }, { u"dt", 2 }, { u"timeFrom", 1 }, { u"timeTo", 1 }, { u"timeGroup", 2 },
    { u"fromTime", 0 }, { u"toTime", 0 }, { u"fromTime_ms", 0 }, { u"toTime_ms", 0 }, { u"timeInterval", 1 },
    { u"timeInterval_ms", 1 }, { u"interval_s", 0 } };

const MacroSpec* findMacro(QStringView name)
{
    for (const MacroSpec& spec : macroSpecs) {
        if (name == QStringView(spec.name))
            return &spec;
    }
    return nullptr;
}

bool Expansion::conditionalAll(QString* sql)
{
    static const QString macro = u"$__conditionalAll"_s;
    for (qsizetype at = sql->indexOf(macro); at >= 0; at = sql->indexOf(macro, at)) {
        if (nameEnd(*sql, at + 1) != at + macro.size()) {
            at += macro.size();
            continue;
        }
        // Only code counts: find the region this occurrence is in.
        bool inCode = false;
        for (const SqlScanner::Region& region : SqlScanner::regions(*sql)) {
            if (at >= region.begin && at < region.end) {
                inCode = region.kind == SqlScanner::Kind::Code;
                break;
            }
        }
        if (!inCode) {
            at += macro.size();
            continue;
        }
        const qsizetype open = at + macro.size();
        if (open >= sql->size() || sql->at(open) != u'(')
            return fail(u"$__conditionalAll expected 2 argument(s), received 0"_s, at);
        const SqlCallArguments call = SqlCallArguments::read(*sql, open);
        if (call.end < 0)
            return fail(u"$__conditionalAll: the parenthesis is never closed"_s, open);
        if (call.arguments.size() != 2)
            return fail(u"$__conditionalAll expected 2 argument(s), received %1"_s.arg(call.arguments.size()), at);
        QString reference = call.arguments.at(1).toString();
        if (reference.startsWith(u"${"_s) && reference.endsWith(u'}'))
            reference = reference.mid(2, reference.size() - 3);
        else if (reference.startsWith(u'$'))
            reference = reference.mid(1);
        else
            return fail(
                u"$__conditionalAll: the second argument must be a variable ($var), not \"%1\""_s.arg(reference), at);
        const GrafanaTemplateVariable* variable = m_context.variable(reference);
        if (!variable)
            return fail(u"$__conditionalAll: there is no variable named \"%1\""_s.arg(reference), at);
        // As the plugin does: "All" (whatever it stands for) or nothing selected drops the condition.
        const bool everything = variable->allSelected || variable->values.join(QString()).isEmpty();
        const QString replacement = everything ? u"1=1"_s : call.arguments.at(0).toString();
        sql->replace(at, call.end - at, replacement);
        at += replacement.size();
    }
    return true;
}

bool Expansion::globalText(const QString& name, const QString& format, QString* text) const
{
    if (name == u"__from"_s || name == u"__to"_s) {
        const qint64 ms = name == u"__from"_s ? m_context.fromMs : m_context.toMs;
        const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
        if (format.isEmpty())
            *text = QString::number(ms);
        else if (format == u"date"_s || format == u"date:iso"_s)
            *text = time.toString(u"yyyy-MM-ddTHH:mm:ss.zzz"_s) + u'Z'; // as JavaScript's toISOString()
        else if (format == u"date:seconds"_s)
            *text = QString::number(floorDiv(ms, 1000));
        else if (format.startsWith(u"date:"_s))
            *text = GrafanaVariableFormat::momentDate(time.toTimeZone(m_context.displayZone), format.mid(5));
        else
            *text = QString::number(ms);
        return true;
    }
    const qint64 range = m_context.toMs - m_context.fromMs;
    if (name == u"__interval"_s)
        *text = GrafanaVariableFormat::durationText(m_context.intervalMs);
    else if (name == u"__interval_ms"_s)
        *text = QString::number(m_context.intervalMs);
    else if (name == u"__range"_s)
        *text = GrafanaVariableFormat::durationText(range);
    else if (name == u"__range_s"_s)
        *text = QString::number(range / 1000);
    else if (name == u"__range_ms"_s)
        *text = QString::number(range);
    else if (name == u"__timezone"_s)
        *text = m_context.displayZone == QTimeZone::utc() ? u"utc"_s : QString::fromUtf8(m_context.displayZone.id());
    else
        return false;
    return true;
}

bool Expansion::variableText(const QString& name, const QString& format, QString* text) const
{
    if (name.startsWith(u"__"_s))
        return globalText(name, format, text);
    const GrafanaTemplateVariable* variable = m_context.variable(name);
    if (!variable)
        return false;
    bool verbatim = false;
    const QStringList values = GrafanaVariableFormat::valuesOf(*variable, &verbatim);
    *text = verbatim ? values.join(u',') : GrafanaVariableFormat::apply(values, format, name);
    return true;
}

bool Expansion::variables(QString* sql)
{
    QString out;
    out.reserve(sql->size());
    for (const SqlScanner::Region& region : SqlScanner::regions(*sql)) {
        const QStringView piece = QStringView(*sql).mid(region.begin, region.end - region.begin);
        if (region.kind == SqlScanner::Kind::Comment) {
            out += piece;
            continue;
        }
        qsizetype i = 0;
        while (i < piece.size()) {
            const QChar c = piece.at(i);
            QString name, format, text;
            qsizetype end = -1;
            if (c == u'$' && i + 1 < piece.size() && piece.at(i + 1) == u'{') {
                const qsizetype close = piece.indexOf(u'}', i + 2);
                if (close > 0) {
                    const QStringView inside = piece.mid(i + 2, close - i - 2);
                    const qsizetype colon = inside.indexOf(u':');
                    name = (colon < 0 ? inside : inside.first(colon)).toString();
                    format = colon < 0 ? QString() : inside.mid(colon + 1).toString();
                    end = close + 1;
                }
            } else if (c == u'$') {
                const qsizetype stop = nameEnd(piece, i + 1);
                name = piece.mid(i + 1, stop - i - 1).toString();
                end = stop;
            } else if (c == u'[' && i + 1 < piece.size() && piece.at(i + 1) == u'[') {
                const qsizetype close = piece.indexOf(u"]]", i + 2);
                if (close > 0) {
                    const QStringView inside = piece.mid(i + 2, close - i - 2);
                    const qsizetype colon = inside.indexOf(u':');
                    name = (colon < 0 ? inside : inside.first(colon)).toString();
                    format = colon < 0 ? QString() : inside.mid(colon + 1).toString();
                    end = close + 2;
                }
            }
            if (end > i && !name.isEmpty() && variableText(name, format, &text)) {
                out += text;
                i = end;
            } else {
                out += c;
                ++i;
            }
        }
    }
    *sql = out;
    return true;
}

bool Expansion::macroText(const QString& name, const QList<QString>& a, qsizetype offset, QString* text)
{
    const QString from = QString::number(fromSeconds());
    const QString to = QString::number(toSeconds());
    const bool dateTime64 = m_context.serverHasDateTime64;
    // Without DateTime64 (18.16) the millisecond forms fall back to whole seconds, widened so
    // that the range still contains every millisecond of the original one.
    const QString fromMs =
        dateTime64 ? u"fromUnixTimestamp64Milli(%1)"_s.arg(m_context.fromMs) : u"toDateTime(%1)"_s.arg(from);
    const QString toMs = dateTime64 ? u"fromUnixTimestamp64Milli(%1)"_s.arg(m_context.toMs)
                                    : u"toDateTime(%1)"_s.arg(-floorDiv(-m_context.toMs, 1000));
    const qint64 intervalSeconds = std::max<qint64>(m_context.intervalMs / 1000, 1);
    if (name == u"timeFilter"_s)
        *text = u"%1 >= toDateTime(%2) AND %1 <= toDateTime(%3)"_s.arg(a.at(0), from, to);
    else if (name == u"timeFilter_ms"_s)
        *text = u"%1 >= %2 AND %1 <= %3"_s.arg(a.at(0), fromMs, toMs);
    else if (name == u"dateFilter"_s)
        *text =
            u"%1 >= toDate('%2') AND %1 <= toDate('%3')"_s.arg(a.at(0), date(m_context.fromMs), date(m_context.toMs));
    else if (name == u"dateTimeFilter"_s || name == u"dt"_s)
        *text =
            u"(%1 >= toDate('%3') AND %1 <= toDate('%4')) AND (%2 >= toDateTime(%5) AND %2 <= toDateTime(%6))"_s.arg(
                a.at(0), a.at(1), date(m_context.fromMs), date(m_context.toMs), from, to);
    else if (name == u"timeFrom"_s)
        *text = u"%1 >= toDateTime(%2)"_s.arg(a.at(0), from);
    else if (name == u"timeTo"_s)
        *text = u"%1 <= toDateTime(%2)"_s.arg(a.at(0), to);
    else if (name == u"timeGroup"_s) {
        const qint64 period = parseGoDuration(a.at(1));
        if (period / 1000 <= 0)
            return fail(
                u"$__timeGroup: \"%1\" is not a period between one second and a century (e.g. 5m, 1h)"_s.arg(a.at(1)),
                offset);
        *text = u"toStartOfInterval(toDateTime(%1), INTERVAL %2 second)"_s.arg(a.at(0)).arg(period / 1000);
    } else if (name == u"fromTime"_s)
        *text = u"toDateTime(%1)"_s.arg(from);
    else if (name == u"toTime"_s)
        *text = u"toDateTime(%1)"_s.arg(to);
    else if (name == u"fromTime_ms"_s)
        *text = fromMs;
    else if (name == u"toTime_ms"_s)
        *text = toMs;
    else if (name == u"timeInterval"_s)
        *text = u"toStartOfInterval(toDateTime(%1), INTERVAL %2 second)"_s.arg(a.at(0)).arg(intervalSeconds);
    else if (name == u"timeInterval_ms"_s)
        *text = dateTime64
            ? u"toStartOfInterval(toDateTime64(%1, 3), INTERVAL %2 millisecond)"_s.arg(a.at(0)).arg(
                std::max<qint64>(m_context.intervalMs, 1))
            : u"toStartOfInterval(toDateTime(%1), INTERVAL %2 second)"_s.arg(a.at(0)).arg(intervalSeconds);
    else if (name == u"interval_s"_s)
        *text = QString::number(intervalSeconds);
    else
        return false;
    return true;
}

bool Expansion::macros(QString* sql, qsizetype baseOffset)
{
    QString out;
    out.reserve(sql->size());
    for (const SqlScanner::Region& region : SqlScanner::regions(*sql)) {
        if (region.kind != SqlScanner::Kind::Code) {
            out += QStringView(*sql).mid(region.begin, region.end - region.begin);
            continue;
        }
        qsizetype i = region.begin;
        while (i < region.end) {
            if (!(sql->at(i) == u'$' && QStringView(*sql).mid(i + 1).startsWith(u"__"))) {
                out += sql->at(i++);
                continue;
            }
            const qsizetype stop = nameEnd(*sql, i + 3);
            const QString name = sql->mid(i + 3, stop - i - 3);
            const MacroSpec* spec = findMacro(name);
            if (!spec) {
                out += QStringView(*sql).mid(i, stop - i); // not ours: left as it is
                i = stop;
                continue;
            }
            QList<QString> arguments;
            qsizetype end = stop;
            if (spec->arity > 0) {
                qsizetype open = stop;
                while (open < sql->size() && sql->at(open).isSpace())
                    ++open;
                if (open >= sql->size() || sql->at(open) != u'(')
                    return fail(
                        u"$__%1 expected %2 argument(s), received 0"_s.arg(name).arg(spec->arity), baseOffset + i);
                // The arguments may run past this code region (a string inside them): read from the whole text.
                const SqlCallArguments call = SqlCallArguments::read(*sql, open);
                if (call.end < 0)
                    return fail(u"$__%1: the parenthesis is never closed"_s.arg(name), baseOffset + open);
                if (call.arguments.size() != spec->arity)
                    return fail(u"$__%1 expected %2 argument(s), received %3"_s.arg(name)
                                    .arg(spec->arity)
                                    .arg(call.arguments.size()),
                        baseOffset + i);
                for (const QStringView argument : call.arguments) {
                    QString expanded = argument.toString();
                    if (!macros(&expanded, baseOffset + (argument.data() - sql->constData())))
                        return false;
                    arguments.append(expanded);
                }
                end = call.end;
            }
            QString text;
            if (!macroText(name, arguments, baseOffset + i, &text))
                return false;
            out += text;
            if (end > region.end) {
                // The call swallowed later regions: continue after it in a fresh pass.
                out += QStringView(*sql).mid(end);
                *sql = out;
                return true;
            }
            i = end;
        }
    }
    *sql = out;
    return true;
}
} // namespace

GrafanaMacroExpander::Result GrafanaMacroExpander::expand(const QString& sql, const GrafanaMacroContext& context)
{
    Expansion expansion(context);
    Result result;
    result.sql = sql;
    if (!expansion.conditionalAll(&result.sql) || !expansion.variables(&result.sql)) {
        result.error = expansion.failure().message;
        result.errorOffset = expansion.failure().offset;
        return result;
    }
    // Positions in errors refer to the input while nothing before them has been replaced.
    bool inputUnchanged = result.sql == sql;
    QString previous;
    while (previous != result.sql) {
        previous = result.sql;
        if (!expansion.macros(&result.sql, 0)) {
            result.error = expansion.failure().message;
            result.errorOffset = inputUnchanged ? expansion.failure().offset : -1;
            return result;
        }
        inputUnchanged = false;
    }
    if (!context.serverHasToStartOfInterval) {
        const LegacySqlRewriter::Result rewritten = LegacySqlRewriter::rewriteToStartOfInterval(result.sql);
        result.sql = rewritten.sql;
    }
    return result;
}

QStringList GrafanaMacroExpander::dataSourceMacros()
{
    QStringList names { u"$__conditionalAll"_s };
    for (const MacroSpec& spec : macroSpecs)
        names.append(u"$__"_s + QString::fromUtf16(spec.name));
    return names;
}
