#pragma once

#include "attributevalue.h"

#include <memory>

/// The library that recorded the telemetry, shared by every record of one ScopeSpans/ScopeMetrics/
/// ScopeLogs. `schemaUrl` is that envelope's.
struct InstrumentationScope
{
    QByteArray name;
    QByteArray version;
    Attributes attributes;
    quint32 droppedAttributesCount = 0;
    QByteArray schemaUrl;

    friend bool operator==(const InstrumentationScope&, const InstrumentationScope&) = default;
};

using ScopePtr = std::shared_ptr<const InstrumentationScope>;
