#include "retryafter.h"

#include <QLocale>

qint64 retryAfterMs(QByteArrayView value, const QDateTime& now)
{
    const QByteArray text = value.trimmed().toByteArray();
    if (text.isEmpty())
        return -1;
    bool isNumber = false;
    const qint64 seconds = text.toLongLong(&isNumber);
    if (isNumber)
        return seconds < 0 ? -1 : qMin<qint64>(seconds, 24 * 3600) * 1000;
    // IMF-fixdate ("Sun, 06 Nov 1994 08:49:37 GMT"); the obsolete forms are not sent by servers
    // this client talks to.
    const QDateTime date =
        QLocale::c().toDateTime(QString::fromLatin1(text), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!date.isValid())
        return -1;
    QDateTime utc = date;
    utc.setTimeSpec(Qt::UTC);
    return qMax<qint64>(0, now.msecsTo(utc));
}
