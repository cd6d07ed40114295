#pragma once

#include "telemetry/logrecord.h"
#include "telemetry/metricpoint.h"
#include "telemetry/spanrecord.h"

#include <QHash>

/// What a replay changes in each record before it is sent: timestamps shifted by one offset;
/// trace and span ids remapped (optionally) by a keyed permutation, so the same id always maps to
/// the same new id (parents, links, log and exemplar correlations follow) with no table to keep,
/// and a new key per loop keeps loops apart; the resource attribute `workbench.replay.id`; and
/// the record attribute `workbench.replay.seq`, its number in the replay per signal, by which a
/// verification finds each record again (logs and metric points have no identity of their own
/// in the upstream schema).
class ReplayTransform final
{
public:
    static constexpr const char* replayIdKey = "workbench.replay.id";
    static constexpr const char* sequenceKey = "workbench.replay.seq";

    struct Options
    {
        qint64 shiftNanos = 0;
        bool remapIds = false;
        quint64 idKey = 0; ///< the permutation's key (random per replay)
        QByteArray replayId;
    };

    explicit ReplayTransform(Options options);

    /// Each loop of a capture remaps with a key of its own.
    void startLoop(int loop);
    void apply(SpanRecord* span);
    void apply(MetricPoint* point);
    void apply(LogRecord* log);

    qint64 sequence(int signal) const { return m_sequence[signal]; }

    /// The keyed permutation of ids (a bijection: two ids never map to one).
    static TraceId remap(const TraceId& id, quint64 key);
    static SpanId remap(const SpanId& id, quint64 key);

private:
    ResourcePtr tagged(const ResourcePtr& resource);
    quint64 shifted(quint64 time) const;
    void number(Attributes* attributes, int signal);

    Options m_options;
    quint64 m_loopKey = 0;
    qint64 m_sequence[3] = { 0, 0, 0 };
    /// Each capture resource and its tagged copy; the original is kept so its address cannot be
    /// reused by another resource while it is a key here.
    QHash<const Resource*, std::pair<ResourcePtr, ResourcePtr>> m_resources;
};
