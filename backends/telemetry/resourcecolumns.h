#pragma once

#include "attributevalue.h"
#include "instrumentationscope.h"
#include "resource.h"

#include <QByteArray>
#include <QByteArrayView>

/// The ClickHouse columns derived from a record's resource and scope, the same in all three tables
/// (project_name, service_name, environment, ... instrumentation_library_version). They are
/// computed once per resource and scope and thread: a capture's records share a few resources, and
/// sixteen attribute lookups per row were a fifth of the mapping's time.
class ResourceColumns final
{
public:
    /// The columns of this resource and scope (a reference to a per-thread cache, valid until the
    /// next call on this thread).
    static const ResourceColumns& of(const ResourcePtr& resource, const ScopePtr& scope);

    /// A resource attribute that is a string, else empty.
    static const QByteArray& resourceString(const ResourcePtr& resource, QByteArrayView key);
    /// A resource attribute, else a record attribute (as text), else the fallback.
    static QByteArray lookup(
        const ResourcePtr& resource, const Attributes& attributes, QByteArrayView key, QByteArrayView fallback = {});

    /// Writes the sixteen columns of a record. User, session and OS that the resource lacks come
    /// from the record's own attributes (upstream read these from span attributes while the SDKs
    /// put them in the resource); nothing is copied when the resource has them.
    template<typename Writer>
    void write(Writer& json, const ResourcePtr& resource, const Attributes& attributes) const
    {
        auto field = [&json](const char* name, QByteArrayView value) {
            json.key(name);
            json.string(value);
        };
        auto orRecord = [&](const char* name, const QByteArray& own, const ResourcePtr& from, const char* key) {
            if (!own.isEmpty())
                field(name, own);
            else
                field(name, lookup(from, attributes, key));
        };
        field("project_name", m_projectName);
        field("project_version", m_projectVersion);
        field("service_name", m_serviceName);
        field("environment", m_environment);
        field("hostname", m_hostname);
        orRecord("user_id", m_userId, {}, "user.id");
        orRecord("session_id", m_sessionId, {}, "session.id");
        orRecord("os_type", m_osType, resource, "system.os");
        orRecord("os_version", m_osVersion, resource, "system.os_version");
        field("runtime_name", m_runtimeName);
        field("runtime_version", m_runtimeVersion);
        field("cloud_provider", m_cloudProvider);
        field("cloud_region", m_cloudRegion);
        field("cloud_availability_zone", m_cloudZone);
        field("instrumentation_library_name", m_libraryName);
        field("instrumentation_library_version", m_libraryVersion);
    }

private:
    ResourceColumns() = default;
    ResourceColumns(const ResourcePtr& resource, const ScopePtr& scope);

    QByteArray m_serviceName;
    QByteArray m_projectName;
    QByteArray m_projectVersion;
    QByteArray m_environment;
    QByteArray m_hostname;
    QByteArray m_userId;
    QByteArray m_sessionId;
    QByteArray m_osType;
    QByteArray m_osVersion;
    QByteArray m_runtimeName;
    QByteArray m_runtimeVersion;
    QByteArray m_cloudProvider;
    QByteArray m_cloudRegion;
    QByteArray m_cloudZone;
    QByteArray m_libraryName;
    QByteArray m_libraryVersion;
};
