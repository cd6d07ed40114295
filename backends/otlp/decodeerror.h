#pragma once

#include "common/stringinterner.h"
#include "otlpbends.h"
#include "telemetry/attributevalue.h"

#include <QString>
#include <QStringList>

/// Where a decoder gave up and why: a path of field names and indices from the request's root
/// ("resource_spans[0].scope_spans[1].spans[3].trace_id") and a message that names byte offsets.
/// The path is built outwards only when something fails, so success costs nothing. Every reader
/// gets this object, so it also counts the bends it accepted on the way (OtlpBends).
class DecodeError final
{
public:
    OtlpBends bends;
    /// Repeated strings of the request being decoded share one copy (set by the protobuf decoder).
    StringInterner* strings = nullptr;
    /// Whole attributes (key and simple value) repeat too: decoded once per request.
    BytesInterner<KeyValue>* attributes = nullptr;

    bool isSet() const { return !m_message.isEmpty(); }
    void set(const QString& message, const QString& field = {})
    {
        m_message = message;
        m_path.clear();
        if (!field.isEmpty())
            m_path.append(field);
    }
    /// Adds the enclosing field ("spans[3]") in front of the path; returns false for chaining.
    bool within(const QString& segment)
    {
        m_path.prepend(segment);
        return false;
    }
    QString toString() const
    {
        QString path;
        for (const QString& segment : m_path) {
            // "spans" then "[3]" reads as "spans[3]", not "spans.[3]".
            if (!path.isEmpty() && !segment.startsWith(u'['))
                path += u'.';
            path += segment;
        }
        return path.isEmpty() ? m_message : path + u": " + m_message;
    }

private:
    QStringList m_path;
    QString m_message;
};
