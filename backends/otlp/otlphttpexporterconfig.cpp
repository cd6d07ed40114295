#include "otlphttpexporterconfig.h"

using namespace Qt::StringLiterals;

namespace {
const char* signalName(Otlp::Signal signal)
{
    switch (signal) {
    case Otlp::Signal::Traces:
        return "TRACES";
    case Otlp::Signal::Metrics:
        return "METRICS";
    case Otlp::Signal::Logs:
        break;
    }
    return "LOGS";
}

QUrl* urlOf(OtlpHttpExporterConfig& config, Otlp::Signal signal)
{
    switch (signal) {
    case Otlp::Signal::Traces:
        return &config.tracesUrl;
    case Otlp::Signal::Metrics:
        return &config.metricsUrl;
    case Otlp::Signal::Logs:
        break;
    }
    return &config.logsUrl;
}

/// The first non-empty of the variables, with its name.
std::pair<QString, QString> firstOf(const QProcessEnvironment& environment, const QStringList& names)
{
    for (const QString& name : names) {
        const QString value = environment.value(name).trimmed();
        if (!value.isEmpty())
            return { name, value };
    }
    return {};
}

bool usableUrl(const QString& text, QUrl* url)
{
    const QUrl parsed(text, QUrl::StrictMode);
    if (!parsed.isValid() || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s) || parsed.host().isEmpty())
        return false;
    *url = parsed;
    return true;
}

/// A base URL with "/v1/<signal>" appended to its path.
QUrl withSignalPath(QUrl base, Otlp::Signal signal)
{
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path + QString::fromLatin1(Otlp::defaultPath(signal)));
    return base;
}
} // namespace

QUrl OtlpHttpExporterConfig::url(Otlp::Signal signal) const
{
    switch (signal) {
    case Otlp::Signal::Traces:
        return tracesUrl;
    case Otlp::Signal::Metrics:
        return metricsUrl;
    case Otlp::Signal::Logs:
        break;
    }
    return logsUrl;
}

bool OtlpHttpExporterConfig::parseHeaders(
    const QString& text, QList<std::pair<QByteArray, QByteArray>>* headers, QString* error)
{
    QList<std::pair<QByteArray, QByteArray>> parsed;
    for (const QString& item : text.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype equals = item.indexOf(u'=');
        const QByteArray key = QByteArray::fromPercentEncoding(item.left(equals).trimmed().toUtf8());
        if (equals <= 0 || key.isEmpty()) {
            *error = u"\"%1\" is not key=value"_s.arg(item.trimmed());
            return false;
        }
        parsed.append({ key, QByteArray::fromPercentEncoding(item.mid(equals + 1).trimmed().toUtf8()) });
    }
    *headers += parsed;
    return true;
}

OtlpHttpExporterConfig OtlpHttpExporterConfig::fromEnvironment(
    const QProcessEnvironment& environment, QStringList* problems, OtlpHttpExporterConfig defaults)
{
    OtlpHttpExporterConfig config = std::move(defaults);
    auto problem = [&](const QString& name, const QString& value, const QString& why) {
        if (problems)
            problems->append(u"%1=\"%2\": %3"_s.arg(name, value, why));
    };
    const auto otelBase = firstOf(environment, { u"OTEL_EXPORTER_OTLP_ENDPOINT"_s });
    const auto automagikBase = firstOf(environment, { u"AUTOMAGIK_TELEMETRY_ENDPOINT"_s });
    for (Otlp::Signal signal : { Otlp::Signal::Traces, Otlp::Signal::Metrics, Otlp::Signal::Logs }) {
        const QString upper = QString::fromLatin1(signalName(signal));
        QStringList own { u"OTEL_EXPORTER_OTLP_%1_ENDPOINT"_s.arg(upper) };
        if (signal != Otlp::Signal::Traces)
            own.append(u"AUTOMAGIK_TELEMETRY_%1_ENDPOINT"_s.arg(upper));
        QUrl url;
        if (const auto [name, value] = firstOf(environment, own); !name.isEmpty()) {
            if (usableUrl(value, &url)) {
                *urlOf(config, signal) = url;
                continue;
            }
            problem(name, value, u"not an http(s) URL"_s);
        }
        if (!otelBase.first.isEmpty()) {
            if (usableUrl(otelBase.second, &url)) {
                *urlOf(config, signal) = withSignalPath(url, signal);
                continue;
            }
            if (signal == Otlp::Signal::Traces)
                problem(otelBase.first, otelBase.second, u"not an http(s) URL"_s);
        }
        if (!automagikBase.first.isEmpty()) {
            if (!usableUrl(automagikBase.second, &url)) {
                if (signal == Otlp::Signal::Traces)
                    problem(automagikBase.first, automagikBase.second, u"not an http(s) URL"_s);
                continue;
            }
            // The SDKs: a base ending in /traces (or /metrics, /logs) names the traces URL, and
            // the others are found beside it, under the same /v1/.
            QString path = url.path();
            while (path.endsWith(u'/'))
                path.chop(1);
            const qsizetype slash = path.lastIndexOf(u'/');
            const QString last = path.mid(slash + 1);
            if (last == u"traces"_s || last == u"metrics"_s || last == u"logs"_s) {
                url.setPath(signal == Otlp::Signal::Traces
                        ? path
                        : path.left(slash + 1) + QString::fromLatin1(Otlp::defaultPath(signal)).section(u'/', -1));
                *urlOf(config, signal) = url;
            } else {
                *urlOf(config, signal) = withSignalPath(url, signal);
            }
        }
    }

    if (const auto [name, value] = firstOf(environment, { u"OTEL_EXPORTER_OTLP_PROTOCOL"_s }); !name.isEmpty()) {
        if (value == u"http/protobuf"_s)
            config.encoding = Otlp::Encoding::Protobuf;
        else if (value == u"http/json"_s)
            config.encoding = Otlp::Encoding::Json;
        else
            problem(name, value, u"use http/protobuf or http/json (grpc is not supported)"_s);
    }
    if (const auto [name, value] = firstOf(environment, { u"OTEL_EXPORTER_OTLP_COMPRESSION"_s }); !name.isEmpty()) {
        if (value == u"gzip"_s || value == u"none"_s)
            config.gzip = value == u"gzip"_s;
        else
            problem(name, value, u"use gzip or none"_s);
    }
    if (const auto [name, value] = firstOf(environment, { u"OTEL_EXPORTER_OTLP_TIMEOUT"_s }); !name.isEmpty()) {
        bool ok = false;
        const int ms = value.toInt(&ok);
        if (ok && ms > 0)
            config.timeoutMs = ms;
        else
            problem(name, value, u"not a positive number of milliseconds"_s);
    } else if (const auto [sdkName, sdkValue] = firstOf(environment, { u"AUTOMAGIK_TELEMETRY_TIMEOUT"_s });
               !sdkName.isEmpty()) {
        bool ok = false;
        const double seconds = sdkValue.toDouble(&ok);
        if (ok && seconds > 0 && seconds <= 600)
            config.timeoutMs = int(seconds * 1000);
        else
            problem(sdkName, sdkValue, u"not a number of seconds (0-600)"_s);
    }
    if (const auto [name, value] = firstOf(environment, { u"OTEL_EXPORTER_OTLP_HEADERS"_s }); !name.isEmpty()) {
        QString error;
        if (!parseHeaders(value, &config.headers, &error))
            problem(name, QString(), error); // the value may hold a secret: not repeated
    }
    if (const auto [name, value] = firstOf(environment, { u"OTEL_EXPORTER_OTLP_CERTIFICATE"_s }); !name.isEmpty())
        config.caFile = value;
    return config;
}

void OtlpHttpExporterConfig::setBaseUrl(const QUrl& base)
{
    tracesUrl = withSignalPath(base, Otlp::Signal::Traces);
    metricsUrl = withSignalPath(base, Otlp::Signal::Metrics);
    logsUrl = withSignalPath(base, Otlp::Signal::Logs);
}
