#include "clickhousebackendconfig.h"

#include <QStringList>

using namespace Qt::StringLiterals;

QUrl ClickHouseBackendConfig::endpointUrl(const QString& text)
{
    // "host:8123" without a scheme means http, as the SDKs take it; with one, it is as written.
    return text.contains(u"://"_s) ? QUrl(text) : QUrl::fromUserInput(text);
}

ClickHouseBackendConfig ClickHouseBackendConfig::fromEnvironment(
    const QProcessEnvironment& environment, QStringList* problems)
{
    ClickHouseBackendConfig config;
    auto value = [&](const char* name, const QString& fallback) {
        return environment.value(QString::fromLatin1(name), fallback);
    };
    // Empty counts as unset.
    const QString endpoint = value(endpointVariable, QString());
    config.endpoint.url = endpointUrl(endpoint.isEmpty() ? u"http://localhost:8123"_s : endpoint);
    if (!config.endpoint.url.isValid() || config.endpoint.url.host().isEmpty()) {
        if (problems)
            problems->append(
                u"%1 is not a URL: %2"_s.arg(QLatin1StringView(endpointVariable), config.endpoint.url.toString()));
        config.endpoint.url = QUrl(u"http://localhost:8123"_s);
    }
    config.endpoint.database = value("AUTOMAGIK_TELEMETRY_CLICKHOUSE_DATABASE", u"telemetry"_s);
    config.endpoint.user = value("AUTOMAGIK_TELEMETRY_CLICKHOUSE_USERNAME", u"default"_s);
    config.endpoint.password = value("AUTOMAGIK_TELEMETRY_CLICKHOUSE_PASSWORD", QString());
    config.tracesTable = value("AUTOMAGIK_TELEMETRY_CLICKHOUSE_TABLE", config.tracesTable);
    config.metricsTable = value("AUTOMAGIK_TELEMETRY_CLICKHOUSE_METRICS_TABLE", config.metricsTable);
    config.logsTable = value("AUTOMAGIK_TELEMETRY_CLICKHOUSE_LOGS_TABLE", config.logsTable);

    const QString batch = value("AUTOMAGIK_TELEMETRY_CLICKHOUSE_BATCH_SIZE", QString());
    if (!batch.isEmpty()) {
        bool ok = false;
        const int size = batch.toInt(&ok);
        if (ok && size > 0)
            config.batchSize = size;
        else if (problems)
            problems->append(u"AUTOMAGIK_TELEMETRY_CLICKHOUSE_BATCH_SIZE is not a positive number: %1"_s.arg(batch));
    }
    const QString timeout = value("AUTOMAGIK_TELEMETRY_TIMEOUT", QString());
    if (!timeout.isEmpty()) {
        bool ok = false;
        const double seconds = timeout.toDouble(&ok);
        if (ok && seconds > 0 && seconds <= 600)
            config.timeoutMs = static_cast<int>(seconds * 1000);
        else if (problems)
            problems->append(u"AUTOMAGIK_TELEMETRY_TIMEOUT is not a number of seconds (0-600]: %1"_s.arg(timeout));
    }
    return config;
}
