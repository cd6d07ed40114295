#include "curlfetch.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace CurlFetch {

bool run(const ClickHouseEndpoint& endpoint, const QString& sql, const QList<QPair<QString, QString>>& parameters,
    Result* result, QString* error)
{
    QUrl url = endpoint.url;
    url.setPath(u"/"_s);
    QUrlQuery query;
    for (const auto& [name, value] : parameters)
        query.addQueryItem(name, value);
    if (!endpoint.database.isEmpty())
        query.addQueryItem(u"database"_s, endpoint.database);
    url.setQuery(query);
    QProcess curl;
    curl.start(u"curl"_s,
        { u"-sS"_s, u"--fail"_s, u"-K"_s, u"-"_s, u"-o"_s, u"/dev/null"_s, u"-w"_s, u"%{size_download}"_s,
            u"--data-binary"_s, sql, url.toString(QUrl::FullyEncoded) });
    if (!curl.waitForStarted(10000)) {
        *error = u"cannot run curl (install it: sudo apt-get install curl): "_s + curl.errorString();
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    curl.write(u"user = \"%1:%2\"\n"_s.arg(endpoint.user, endpoint.password).toUtf8());
    curl.closeWriteChannel();
    if (!curl.waitForFinished(600000) || curl.exitCode() != 0) {
        *error = u"curl: "_s + QString::fromUtf8(curl.readAllStandardError());
        return false;
    }
    result->seconds = double(timer.nsecsElapsed()) / 1e9;
    result->bytes = curl.readAllStandardOutput().toLongLong();
    return true;
}

} // namespace CurlFetch
