#include "sendtemplate.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

using namespace Qt::StringLiterals;

namespace {
SendTemplate event(const QString& name, QList<AttributeTableModel::Attribute> attributes)
{
    SendTemplate result;
    result.title = name;
    result.name = name;
    result.attributes = std::move(attributes);
    result.builtIn = true;
    return result;
}

using Type = AttributeTableModel::Type;
} // namespace

QJsonObject SendTemplate::toJson() const
{
    QJsonArray rows;
    for (const AttributeTableModel::Attribute& attribute : attributes) {
        rows.append(QJsonObject { { u"key"_s, attribute.key },
            { u"type"_s, AttributeTableModel::typeName(attribute.type) }, { u"value"_s, attribute.value } });
    }
    return { { u"title"_s, title }, { u"signal"_s, SendRequest::signalName(signal) }, { u"name"_s, name },
        { u"message"_s, message }, { u"value"_s, value },
        { u"metric_kind"_s, SdkRecordBuilder::metricKindName(metricKind) }, { u"severity"_s, severity },
        { u"attributes"_s, rows } };
}

bool SendTemplate::fromJson(const QJsonObject& object, SendTemplate* result, QString* problem)
{
    SendTemplate read;
    read.title = object.value(u"title"_s).toString();
    if (read.title.isEmpty()) {
        *problem = u"no \"title\""_s;
        return false;
    }
    const std::optional<SendRequest::Signal> signal = SendRequest::signalFromName(object.value(u"signal"_s).toString());
    const std::optional<SdkRecordBuilder::MetricKind> kind =
        SdkRecordBuilder::metricKindFromName(object.value(u"metric_kind"_s).toString(u"gauge"_s));
    if (!signal || !kind) {
        *problem = u"\"%1\": %2 is not known"_s.arg(read.title, signal ? u"metric_kind"_s : u"signal"_s);
        return false;
    }
    read.signal = *signal;
    read.metricKind = *kind;
    read.name = object.value(u"name"_s).toString();
    read.message = object.value(u"message"_s).toString();
    read.value = object.value(u"value"_s).toDouble(1);
    read.severity = object.value(u"severity"_s).toInt(9);
    if (read.severity < 1 || read.severity > 24) {
        *problem = u"\"%1\": severity %2 is not between 1 and 24"_s.arg(read.title).arg(read.severity);
        return false;
    }
    const QJsonArray rows = object.value(u"attributes"_s).toArray();
    for (const QJsonValue& row : rows) {
        const QJsonObject attribute = row.toObject();
        const std::optional<Type> type = AttributeTableModel::typeFromName(attribute.value(u"type"_s).toString());
        if (!type) {
            *problem =
                u"\"%1\": attribute \"%2\" has no known type"_s.arg(read.title, attribute.value(u"key"_s).toString());
            return false;
        }
        read.attributes.append({ attribute.value(u"key"_s).toString(), *type, attribute.value(u"value"_s).toString() });
    }
    *result = std::move(read);
    return true;
}

QList<SendTemplate> SendTemplate::builtIns()
{
    QList<SendTemplate> templates {
        event(u"automagik.feature.used"_s, { { u"feature_name"_s, Type::String, u"export"_s } }),
        event(u"automagik.api.request"_s,
            { { u"endpoint"_s, Type::String, u"/v1/items"_s }, { u"method"_s, Type::String, u"GET"_s },
                { u"status"_s, Type::Int, u"200"_s } }),
        event(u"automagik.cli.command"_s, { { u"command"_s, Type::String, u"init"_s } }),
        event(u"automagik.health"_s, { { u"status"_s, Type::String, u"healthy"_s } }),
    };
    SendTemplate latency;
    latency.title = u"automagik.performance.latency"_s;
    latency.signal = SendRequest::Signal::Metric;
    latency.name = latency.title;
    latency.value = 42;
    latency.metricKind = SdkRecordBuilder::MetricKind::Histogram;
    latency.attributes = { { u"operation"_s, Type::String, u"query"_s } };
    latency.builtIn = true;
    templates.append(latency);
    SendTemplate error;
    error.title = u"automagik.error"_s;
    error.signal = SendRequest::Signal::Error;
    error.name = u"ValueError"_s;
    error.message = u"invalid literal for int()"_s;
    error.builtIn = true;
    templates.append(error);
    return templates;
}

QList<SendTemplate> SendTemplate::load(const QString& path, QStringList* problems)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly)) {
        problems->append(u"%1: %2"_s.arg(path, file.errorString()));
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isArray()) {
        problems->append(parseError.error == QJsonParseError::NoError
                ? u"%1: not a JSON array of templates"_s.arg(path)
                : u"%1: %2 at offset %3"_s.arg(path, parseError.errorString()).arg(parseError.offset));
        return {};
    }
    QList<SendTemplate> templates;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        SendTemplate read;
        QString problem;
        if (fromJson(array.at(i).toObject(), &read, &problem))
            templates.append(read);
        else
            problems->append(u"%1: template %2: %3"_s.arg(path).arg(i + 1).arg(problem));
    }
    return templates;
}

bool SendTemplate::save(const QString& path, const QList<SendTemplate>& templates, QString* error)
{
    QJsonArray array;
    for (const SendTemplate& saved : templates) {
        if (!saved.builtIn)
            array.append(saved.toJson());
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(array).toJson()) < 0 || !file.commit()) {
        *error = u"%1: %2"_s.arg(path, file.errorString());
        return false;
    }
    return true;
}
