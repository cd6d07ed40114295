#include "grafanadashboardparser.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

// The helpers live in the parser's namespace, so that lupdate gives their strings its context.
namespace GrafanaDashboardParser {
namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("GrafanaDashboardParser", text);
}

/// "line 3, column 14" for a byte offset.
QString where(const QByteArray& json, qsizetype offset)
{
    const QByteArrayView before(json.constData(), qBound<qsizetype>(0, offset, json.size()));
    const qsizetype line = before.count('\n') + 1;
    const qsizetype column = offset - (before.lastIndexOf('\n') + 1) + 1;
    return tr("line %1, column %2").arg(line).arg(column);
}

std::optional<double> optionalNumber(const QJsonValue& value)
{
    if (value.isDouble())
        return value.toDouble();
    if (value.isString()) { // Grafana writes "min": "0" at times
        bool ok = false;
        const double number = value.toString().toDouble(&ok);
        if (ok)
            return number;
    }
    return std::nullopt;
}

/// A value Grafana may have written as a number or as a string ("5", 5).
QString text(const QJsonValue& value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    return QString();
}

GrafanaTarget::Format targetFormat(const QJsonObject& target)
{
    const QJsonValue format = target.value(u"format"_s);
    if (format.isDouble())
        return GrafanaTarget::Format(qBound(0, format.toInt(), 4));
    // The string names of older plugin versions, then the query type of newer ones.
    const QString name = format.isString() ? format.toString() : target.value(u"queryType"_s).toString();
    if (name == u"time_series"_s || name == u"timeseries"_s)
        return GrafanaTarget::Format::TimeSeries;
    if (name == u"logs"_s)
        return GrafanaTarget::Format::Logs;
    if (name == u"traces"_s || name == u"trace"_s)
        return GrafanaTarget::Format::Trace;
    return GrafanaTarget::Format::Table;
}

/// A panel's or target's data source: {type, uid}, a name, or nothing (the default).
void readDataSource(const QJsonValue& value, QString* type, QString* name)
{
    if (value.isObject()) {
        *type = value[u"type"_s].toString();
        *name = value[u"uid"_s].toString();
    } else if (value.isString()) {
        *type = QString();
        *name = value.toString();
    }
}

void checkDataSource(const QJsonValue& value, const QString& whose, GrafanaPanel* panel)
{
    QString type;
    QString name;
    readDataSource(value, &type, &name);
    if (!GrafanaDashboardParser::isClickHouseDataSource(type, name))
        panel->problems.append(tr("%1 uses the data source %2, which is not ClickHouse: not run")
                                   .arg(whose, type.isEmpty() ? u"'%1'"_s.arg(name) : u"'%1' (%2)"_s.arg(name, type)));
}

GrafanaFieldDefaults readDefaults(const QJsonObject& defaults)
{
    GrafanaFieldDefaults result;
    result.unit = defaults[u"unit"_s].toString();
    if (defaults[u"decimals"_s].isDouble())
        result.decimals = qBound(0, defaults[u"decimals"_s].toInt(), 20);
    result.min = optionalNumber(defaults[u"min"_s]);
    result.max = optionalNumber(defaults[u"max"_s]);
    const QJsonObject thresholds = defaults[u"thresholds"_s].toObject();
    result.percentageThresholds = thresholds[u"mode"_s].toString() == u"percentage"_s;
    for (const QJsonValue& step : thresholds[u"steps"_s].toArray())
        result.thresholds.append({ step[u"color"_s].toString(), optionalNumber(step[u"value"_s]) });
    std::stable_sort(result.thresholds.begin(), result.thresholds.end(),
        [](const GrafanaThresholdStep& a, const GrafanaThresholdStep& b) {
            return a.value.value_or(-qInf()) < b.value.value_or(-qInf());
        });
    const QJsonObject color = defaults[u"color"_s].toObject();
    result.colorMode = color[u"mode"_s].toString();
    result.fixedColor = color[u"fixedColor"_s].toString();
    result.custom = defaults[u"custom"_s].toObject();
    return result;
}

GrafanaPanel readPanel(const QJsonObject& object, int row)
{
    GrafanaPanel panel;
    panel.id = object[u"id"_s].toInt();
    panel.type = object[u"type"_s].toString();
    panel.title = object[u"title"_s].toString();
    panel.description = object[u"description"_s].toString();
    panel.row = row;
    panel.collapsed = object[u"collapsed"_s].toBool();
    if (panel.type.isEmpty())
        panel.problems.append(tr("the panel has no type"));
    const QJsonValue grid = object[u"gridPos"_s];
    if (grid.isObject()) {
        panel.gridPos.w = qBound(1, grid[u"w"_s].toInt(12), 24);
        panel.gridPos.x = qBound(0, grid[u"x"_s].toInt(), 24 - panel.gridPos.w);
        panel.gridPos.y = qMax(0, grid[u"y"_s].toInt());
        panel.gridPos.h = qMax(1, grid[u"h"_s].toInt(panel.isRow() ? 1 : 8));
    } else {
        panel.problems.append(tr("the panel has no gridPos: placed 12 columns wide, 8 rows high"));
    }
    if (panel.isRow()) {
        panel.gridPos.x = 0;
        panel.gridPos.w = 24;
        panel.gridPos.h = 1;
        return panel;
    }
    const QJsonValue dataSource = object[u"datasource"_s];
    readDataSource(dataSource, &panel.datasourceType, &panel.datasourceName);
    checkDataSource(dataSource, tr("the panel"), &panel);
    for (const QJsonValue& value : object[u"targets"_s].toArray()) {
        const QJsonObject target = value.toObject();
        GrafanaTarget query;
        query.refId = target[u"refId"_s].toString();
        const QJsonValue sql = target.contains(u"rawSql"_s) ? target[u"rawSql"_s] : target[u"query"_s];
        query.rawSql = sql.toString();
        query.format = targetFormat(target);
        query.hidden = target[u"hide"_s].toBool();
        if (target.contains(u"datasource"_s) && target[u"datasource"_s] != dataSource)
            checkDataSource(target[u"datasource"_s], tr("query %1").arg(query.refId), &panel);
        if (query.rawSql.trimmed().isEmpty() && !query.hidden)
            panel.problems.append(tr("query %1 has no SQL (only raw SQL queries are run)").arg(query.refId));
        panel.targets.append(query);
    }
    panel.defaults = readDefaults(object[u"fieldConfig"_s][u"defaults"_s].toObject());
    for (const QJsonValue& override : object[u"fieldConfig"_s][u"overrides"_s].toArray()) {
        if (override[u"matcher"_s][u"id"_s].toString() != u"byName"_s)
            continue;
        for (const QJsonValue& property : override[u"properties"_s].toArray()) {
            if (property[u"id"_s].toString() == u"color"_s && property[u"value"_s][u"fixedColor"_s].isString())
                panel.colorOverrides.append({ override[u"matcher"_s][u"options"_s].toString(),
                    property[u"value"_s][u"fixedColor"_s].toString() });
        }
    }
    const QJsonObject options = object[u"options"_s].toObject();
    panel.options = options;
    for (const QJsonValue& calc : options[u"reduceOptions"_s][u"calcs"_s].toArray())
        panel.calcs.append(calc.toString());
    if (panel.type == u"text"_s) {
        panel.textContent =
            options.contains(u"content"_s) ? options[u"content"_s].toString() : object[u"content"_s].toString();
        panel.textMode =
            options.contains(u"mode"_s) ? options[u"mode"_s].toString() : object[u"mode"_s].toString(u"markdown"_s);
    }
    return panel;
}

GrafanaVariable readVariable(const QJsonObject& object, QStringList* problems)
{
    GrafanaVariable variable;
    variable.name = object[u"name"_s].toString();
    variable.label = object[u"label"_s].toString();
    variable.type = object[u"type"_s].toString();
    const QJsonValue query = object[u"query"_s];
    if (query.isObject()) // the ClickHouse plugin's {editorType, rawSql}
        variable.query = query[u"rawSql"_s].toString(query[u"query"_s].toString());
    else
        variable.query = text(query);
    if (variable.query.isEmpty())
        variable.query = object[u"definition"_s].toString();
    variable.multi = object[u"multi"_s].toBool();
    variable.includeAll = object[u"includeAll"_s].toBool();
    variable.allValue = object[u"allValue"_s].toString();
    variable.refresh = object[u"refresh"_s].toInt();
    variable.hide = object[u"hide"_s].toInt();
    const QJsonValue current = object[u"current"_s][u"value"_s];
    if (current.isArray()) {
        for (const QJsonValue& value : current.toArray())
            variable.current.append(text(value));
    } else if (!current.isUndefined() && !current.isNull()) {
        variable.current.append(text(current));
    }
    for (const QJsonValue& option : object[u"options"_s].toArray())
        variable.options.append({ text(option[u"text"_s]), text(option[u"value"_s]) });
    static const QStringList known { u"query"_s, u"custom"_s, u"constant"_s, u"textbox"_s, u"interval"_s,
        u"datasource"_s, u"adhoc"_s };
    if (variable.name.isEmpty())
        problems->append(tr("a variable without a name was ignored"));
    else if (!known.contains(variable.type))
        problems->append(tr("variable '%1' has the unknown type '%2': it is left as written in the SQL")
                             .arg(variable.name, variable.type));
    else if (variable.type == u"adhoc"_s)
        problems->append(
            tr("variable '%1' is an ad-hoc filter, which the workbench does not apply").arg(variable.name));
    return variable;
}

/// The classic model inside whatever wraps it; `error` when it is not one.
bool unwrap(QJsonObject* object, QString* error)
{
    if (object->contains(u"dashboard"_s) && object->value(u"dashboard"_s).isObject()) // Grafana's HTTP API
        *object = object->value(u"dashboard"_s).toObject();
    if (object->contains(u"spec"_s) && object->contains(u"apiVersion"_s)) {
        const QString version = object->value(u"apiVersion"_s).toString();
        if (!version.contains(u"/v1"_s) && !version.contains(u"/v0"_s)) {
            *error = tr("this is a dashboard of Grafana's %1 resource model, which the workbench does not read yet; "
                        "in Grafana, export it as classic JSON (Export > Export as JSON, classic model)")
                         .arg(version);
            return false;
        }
        *object = object->value(u"spec"_s).toObject();
    }
    const int schemaVersion = object->value(u"schemaVersion"_s).toInt();
    if (object->contains(u"rows"_s) && !object->contains(u"panels"_s)) {
        *error = tr("schema version %1 lays panels out in rows (Grafana before 5.0), which the workbench does not "
                    "read; open it in a recent Grafana and export it again")
                     .arg(schemaVersion);
        return false;
    }
    return true;
}
} // namespace

bool isClickHouseDataSource(const QString& type, const QString& name)
{
    if (type == u"grafana-clickhouse-datasource"_s || type == u"vertamedia-clickhouse-datasource"_s)
        return true;
    if (name.startsWith(u'$') || name.startsWith(u"[["_s)) // a data-source variable or an import placeholder
        return type.isEmpty() || type.contains(u"clickhouse"_s, Qt::CaseInsensitive);
    if (type.isEmpty())
        return name.isEmpty() || name == u"default"_s || name.contains(u"clickhouse"_s, Qt::CaseInsensitive);
    return false;
}

Result parse(const QByteArray& json)
{
    Result result;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result.error = tr("not valid JSON at %1: %2").arg(where(json, parseError.offset), parseError.errorString());
        return result;
    }
    if (!document.isObject()) {
        result.error =
            tr("a dashboard is a JSON object; this is a JSON %1").arg(document.isArray() ? tr("array") : tr("value"));
        return result;
    }
    QJsonObject object = document.object();
    if (!unwrap(&object, &result.error))
        return result;
    GrafanaDashboard& dashboard = result.dashboard;
    dashboard.json = object;
    dashboard.uid = object[u"uid"_s].toString();
    dashboard.title = object[u"title"_s].toString();
    if (dashboard.title.isEmpty())
        dashboard.problems.append(tr("the dashboard has no title"));
    dashboard.timezone = object[u"timezone"_s].toString();
    dashboard.schemaVersion = object[u"schemaVersion"_s].toInt();
    const QJsonObject time = object[u"time"_s].toObject();
    dashboard.timeFrom = time[u"from"_s].toString(dashboard.timeFrom);
    dashboard.timeTo = time[u"to"_s].toString(dashboard.timeTo);
    dashboard.refresh = object[u"refresh"_s].isString() ? object[u"refresh"_s].toString() : QString();
    for (const QJsonValue& interval : object[u"timepicker"_s][u"refresh_intervals"_s].toArray())
        dashboard.refreshIntervals.append(interval.toString());
    for (const QJsonValue& variable : object[u"templating"_s][u"list"_s].toArray())
        dashboard.variables.append(readVariable(variable.toObject(), &dashboard.problems));
    if (!object[u"panels"_s].isArray())
        dashboard.problems.append(tr("the dashboard has no panels"));
    int row = -1;
    for (const QJsonValue& value : object[u"panels"_s].toArray()) {
        const QJsonObject panel = value.toObject();
        if (panel[u"type"_s].toString() == u"row"_s) {
            row = int(dashboard.panels.size());
            dashboard.panels.append(readPanel(panel, -1));
            // A collapsed row keeps its panels inside it; an open one has them after it.
            for (const QJsonValue& child : panel[u"panels"_s].toArray())
                dashboard.panels.append(readPanel(child.toObject(), row));
            continue;
        }
        dashboard.panels.append(readPanel(panel, row));
    }
    return result;
}

} // namespace GrafanaDashboardParser
