#include "resourcecolumns.h"

const QByteArray& ResourceColumns::resourceString(const ResourcePtr& resource, QByteArrayView key)
{
    static const QByteArray empty;
    if (!resource)
        return empty;
    const AttributeValue* value = findAttribute(resource->attributes, key);
    return value && value->type() == AttributeValue::Type::String ? value->stringUtf8() : empty;
}

QByteArray ResourceColumns::lookup(
    const ResourcePtr& resource, const Attributes& attributes, QByteArrayView key, QByteArrayView fallback)
{
    const QByteArray& fromResource = resourceString(resource, key);
    if (!fromResource.isEmpty())
        return fromResource;
    if (const AttributeValue* value = findAttribute(attributes, key); value && !value->isEmpty())
        return value->toDisplayUtf8();
    return fallback.toByteArray();
}

ResourceColumns::ResourceColumns(const ResourcePtr& resource, const ScopePtr& scope)
    : m_serviceName(lookup(resource, {}, "service.name", "unknown"))
    , m_projectName(lookup(resource, {}, "project.name"))
    , m_projectVersion(lookup(resource, {}, "project.version"))
    , m_environment(lookup(resource, {}, "deployment.environment"))
    , m_hostname(lookup(resource, {}, "host.name"))
    , m_userId(lookup(resource, {}, "user.id"))
    , m_sessionId(lookup(resource, {}, "session.id"))
    , m_osType(lookup(resource, {}, "os.type"))
    , m_osVersion(lookup(resource, {}, "os.version"))
    , m_runtimeName(lookup(resource, {}, "process.runtime.name"))
    , m_runtimeVersion(lookup(resource, {}, "process.runtime.version"))
    , m_cloudProvider(lookup(resource, {}, "cloud.provider"))
    , m_cloudRegion(lookup(resource, {}, "cloud.region"))
    , m_cloudZone(lookup(resource, {}, "cloud.availability_zone"))
    , m_libraryName(lookup(resource, {}, "telemetry.sdk.name", scope ? QByteArrayView(scope->name) : QByteArrayView()))
    , m_libraryVersion(
          lookup(resource, {}, "telemetry.sdk.version", scope ? QByteArrayView(scope->version) : QByteArrayView()))
{
    if (m_environment.isEmpty())
        m_environment = lookup(resource, {}, "deployment.environment.name", "production");
}

const ResourceColumns& ResourceColumns::of(const ResourcePtr& resource, const ScopePtr& scope)
{
    struct Cached
    {
        ResourcePtr resource; ///< held, so that its address is not reused by another
        ScopePtr scope;
        ResourceColumns columns;
    };
    thread_local Cached cached;
    if (!cached.resource || cached.resource != resource || cached.scope != scope)
        cached = { resource, scope, ResourceColumns(resource, scope) };
    return cached.columns;
}
