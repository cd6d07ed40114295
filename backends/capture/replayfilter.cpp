#include "replayfilter.h"

using namespace Qt::StringLiterals;

namespace {
bool resourceHas(const ResourcePtr& resource, QByteArrayView key, const QByteArray& wanted)
{
    if (wanted.isEmpty())
        return true;
    const AttributeValue* value = resource ? findAttribute(resource->attributes, key) : nullptr;
    return value && value->toDisplayUtf8() == wanted;
}
} // namespace

bool ReplayFilter::add(const QString& condition, QString* error)
{
    const qsizetype equals = condition.indexOf(u'=');
    const QString key = condition.left(equals).trimmed();
    const QString value = equals < 0 ? QString() : condition.mid(equals + 1).trimmed();
    if (equals < 0 || value.isEmpty()) {
        *error = u"filter \"%1\": expected key=value (signal, name, service, project or environment)"_s.arg(condition);
        return false;
    }
    if (key == u"signal"_s) {
        m_spans = m_metrics = m_logs = false;
        for (const QString& signal : value.split(u',', Qt::SkipEmptyParts)) {
            const QString name = signal.trimmed();
            if (name == u"traces"_s || name == u"spans"_s)
                m_spans = true;
            else if (name == u"metrics"_s)
                m_metrics = true;
            else if (name == u"logs"_s)
                m_logs = true;
            else {
                *error = u"filter \"%1\": unknown signal \"%2\" (traces, metrics or logs)"_s.arg(condition, name);
                return false;
            }
        }
    } else if (key == u"name"_s) {
        m_name = QRegularExpression(
            QRegularExpression::wildcardToRegularExpression(value, QRegularExpression::UnanchoredWildcardConversion));
        m_name.setPattern(u"^(?:"_s + m_name.pattern() + u")$"_s);
    } else if (key == u"service"_s) {
        m_service = value.toUtf8();
    } else if (key == u"project"_s) {
        m_project = value.toUtf8();
    } else if (key == u"environment"_s) {
        m_environment = value.toUtf8();
    } else {
        *error =
            u"filter \"%1\": unknown key \"%2\" (signal, name, service, project or environment)"_s.arg(condition, key);
        return false;
    }
    ++m_conditions;
    return true;
}

bool ReplayFilter::resourceMatches(const ResourcePtr& resource) const
{
    return resourceHas(resource, "service.name", m_service) && resourceHas(resource, "project.name", m_project)
        && (resourceHas(resource, "deployment.environment", m_environment)
            || resourceHas(resource, "deployment.environment.name", m_environment));
}

bool ReplayFilter::nameMatches(QByteArrayView name) const
{
    return m_name.pattern().isEmpty() || m_name.match(QString::fromUtf8(name)).hasMatch();
}

bool ReplayFilter::accepts(const SpanRecord& span) const
{
    return m_spans && nameMatches(span.name) && resourceMatches(span.resource);
}

bool ReplayFilter::accepts(const MetricPoint& point) const
{
    return m_metrics && nameMatches(point.name) && resourceMatches(point.resource);
}

bool ReplayFilter::accepts(const LogRecord& log) const
{
    if (!m_logs || !resourceMatches(log.resource))
        return false;
    return m_name.pattern().isEmpty() || nameMatches(log.eventName) || nameMatches(log.body.toDisplayUtf8());
}
