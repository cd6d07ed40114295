#include "grafanatime.h"

#include <QCoreApplication>
#include <QDateTime>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("GrafanaTime", text);
}

bool isUnit(QChar c)
{
    return QStringView(u"smhdwMy").contains(c);
}

QDateTime add(const QDateTime& time, qint64 amount, QChar unit)
{
    switch (unit.unicode()) {
    case 's':
        return time.addSecs(amount);
    case 'm':
        return time.addSecs(amount * 60);
    case 'h':
        return time.addSecs(amount * 3600);
    case 'd':
        return time.addDays(amount);
    case 'w':
        return time.addDays(amount * 7);
    case 'M':
        return time.addMonths(int(amount));
    default:
        return time.addYears(int(amount));
    }
}

QDateTime startOf(const QDateTime& time, QChar unit)
{
    const QDate date = time.date();
    const QTime clock = time.time();
    const QTimeZone zone = time.timeZone();
    switch (unit.unicode()) {
    case 's':
        return QDateTime(date, QTime(clock.hour(), clock.minute(), clock.second()), zone);
    case 'm':
        return QDateTime(date, QTime(clock.hour(), clock.minute()), zone);
    case 'h':
        return QDateTime(date, QTime(clock.hour(), 0), zone);
    case 'd':
        return QDateTime(date, QTime(0, 0), zone);
    case 'w':
        return QDateTime(date.addDays(1 - date.dayOfWeek()), QTime(0, 0), zone);
    case 'M':
        return QDateTime(QDate(date.year(), date.month(), 1), QTime(0, 0), zone);
    default:
        return QDateTime(QDate(date.year(), 1, 1), QTime(0, 0), zone);
    }
}

GrafanaTime::Parsed relative(QStringView text, qint64 nowMs, const QTimeZone& zone, bool roundUp)
{
    QDateTime time = QDateTime::fromMSecsSinceEpoch(nowMs, zone);
    qsizetype at = 3; // after "now"
    while (at < text.size()) {
        const QChar op = text.at(at++);
        if (op == u'/') {
            if (at >= text.size() || !isUnit(text.at(at)))
                return { 0, tr("'/' must be followed by a unit (s, m, h, d, w, M, y) at character %1").arg(at + 1) };
            const QChar unit = text.at(at++);
            time = startOf(time, unit);
            if (roundUp)
                time = add(time, 1, unit).addMSecs(-1);
            continue;
        }
        if (op != u'+' && op != u'-')
            return { 0, tr("expected +, - or / at character %1, found '%2'").arg(at).arg(op) };
        const qsizetype digits = at;
        while (at < text.size() && text.at(at).isDigit())
            ++at;
        qint64 amount = 1;
        if (at > digits) {
            bool ok = false;
            amount = text.mid(digits, at - digits).toLongLong(&ok);
            if (!ok || amount > 1000000)
                return { 0, tr("the number at character %1 is too large").arg(digits + 1) };
        }
        if (at >= text.size() || !isUnit(text.at(at)))
            return { 0, tr("expected a unit (s, m, h, d, w, M, y) at character %1").arg(at + 1) };
        time = add(time, op == u'-' ? -amount : amount, text.at(at++));
    }
    return { time.toMSecsSinceEpoch(), QString() };
}
} // namespace

namespace GrafanaTime {

Parsed parse(const QString& text, qint64 nowMs, const QTimeZone& zone, bool roundUp)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return { 0, tr("the time is empty") };
    if (trimmed.startsWith(u"now"_s))
        return relative(trimmed, nowMs, zone, roundUp);
    bool isNumber = false;
    const qint64 epochMs = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return { epochMs, QString() };
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (time.isValid() && time.timeSpec() == Qt::LocalTime)
        time = QDateTime(time.date(), time.time(), zone); // no zone given: the display zone's
    for (const QString& format : { u"yyyy-MM-dd HH:mm:ss"_s, u"yyyy-MM-dd HH:mm"_s, u"yyyy-MM-dd"_s }) {
        if (time.isValid())
            break;
        const QDateTime local = QDateTime::fromString(trimmed, format);
        if (local.isValid())
            time = QDateTime(local.date(), local.time(), zone);
    }
    if (!time.isValid())
        return { 0,
            tr("'%1' is not a time: write now-6h, now/d, 2026-11-30 10:00:00, 2026-11-30T10:00:00Z or milliseconds "
               "since the epoch")
                .arg(trimmed) };
    return { time.toMSecsSinceEpoch(), QString() };
}

Range parseRange(const QString& from, const QString& to, qint64 nowMs, const QTimeZone& zone)
{
    const Parsed start = parse(from, nowMs, zone, false);
    if (!start.ok())
        return { 0, 0, tr("from: %1").arg(start.error) };
    const Parsed end = parse(to, nowMs, zone, true);
    if (!end.ok())
        return { 0, 0, tr("to: %1").arg(end.error) };
    if (end.ms <= start.ms)
        return { start.ms, end.ms, tr("the range is empty: '%1' is not before '%2'").arg(from, to) };
    return { start.ms, end.ms, QString() };
}

} // namespace GrafanaTime
