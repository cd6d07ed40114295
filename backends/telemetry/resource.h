#pragma once

#include "attributevalue.h"

#include <memory>

/// What produced the telemetry (service.name, project.name, ...), shared by every record that
/// came in one ResourceSpans/ResourceMetrics/ResourceLogs. `schemaUrl` is that envelope's.
struct Resource
{
    Attributes attributes;
    quint32 droppedAttributesCount = 0;
    QByteArray schemaUrl;

    friend bool operator==(const Resource&, const Resource&) = default;
};

using ResourcePtr = std::shared_ptr<const Resource>;

/// The resource's service.name when it is a string; empty otherwise (and without a resource).
inline QByteArrayView serviceNameOf(const ResourcePtr& resource)
{
    if (!resource)
        return {};
    const AttributeValue* service = findAttribute(resource->attributes, "service.name");
    return service && service->type() == AttributeValue::Type::String ? QByteArrayView(service->stringUtf8())
                                                                      : QByteArrayView();
}
