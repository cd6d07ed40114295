#include "dashboardvariable.h"

using namespace Qt::StringLiterals;

namespace {
constexpr QStringView allMarker = u"$__all";

/// Grafana's custom list: "a, b, c", or "text : value" pairs; commas inside `\,` kept.
QList<QPair<QString, QString>> customOptions(const QString& list)
{
    QList<QPair<QString, QString>> options;
    QString item;
    const auto flush = [&] {
        const QString trimmed = item.trimmed();
        item.clear();
        if (trimmed.isEmpty())
            return;
        const qsizetype colon = trimmed.indexOf(u" : "_s);
        if (colon > 0)
            options.append({ trimmed.left(colon).trimmed(), trimmed.mid(colon + 3).trimmed() });
        else
            options.append({ trimmed, trimmed });
    };
    for (qsizetype i = 0; i < list.size(); ++i) {
        if (list[i] == u'\\' && i + 1 < list.size() && list[i + 1] == u',') {
            item += u',';
            ++i;
        } else if (list[i] == u',') {
            flush();
        } else {
            item += list[i];
        }
    }
    flush();
    return options;
}
} // namespace

DashboardVariable DashboardVariable::fromDefinition(const GrafanaVariable& definition)
{
    DashboardVariable variable;
    variable.definition = definition;
    const QString& type = definition.type;
    if (type == u"custom"_s || type == u"interval"_s)
        variable.options = customOptions(definition.query);
    else if (type == u"constant"_s)
        variable.options = { { definition.query, definition.query } };
    else if (type == u"textbox"_s) {
        const QString text = definition.current.isEmpty() ? definition.query : definition.current.first();
        variable.options = { { text, text } };
    } else
        variable.options = definition.options;
    variable.select(definition.current);
    return variable;
}

void DashboardVariable::setOptions(const QList<QPair<QString, QString>>& newOptions)
{
    options = newOptions;
    select(allSelected ? QStringList { allMarker.toString() } : selected);
}

void DashboardVariable::select(const QStringList& values)
{
    selected.clear();
    allSelected = definition.includeAll && values.contains(allMarker);
    if (allSelected)
        return;
    for (const QString& value : values) {
        const bool known = std::any_of(options.begin(), options.end(),
            [&](const QPair<QString, QString>& option) { return option.second == value; });
        // A textbox takes anything; other kinds only what they offer.
        if (known || definition.type == u"textbox"_s)
            selected.append(value);
        if (!definition.multi && !selected.isEmpty())
            break;
    }
    if (selected.isEmpty()) {
        if (definition.includeAll && options.size() != 1 && definition.current.isEmpty())
            allSelected = true;
        else if (!options.isEmpty())
            selected.append(options.first().second);
    }
}

GrafanaTemplateVariable DashboardVariable::templateVariable() const
{
    GrafanaTemplateVariable variable;
    variable.name = definition.name;
    variable.values = selected;
    variable.allSelected = allSelected;
    for (const auto& option : options)
        variable.options.append(option.second);
    variable.customAllValue = definition.allValue;
    return variable;
}
