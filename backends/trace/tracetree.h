#pragma once

#include "tracespan.h"

#include <QHash>
#include <QList>
#include <QStringList>

/// The shape of one trace: who is whose child, in what order spans are listed, how deep each
/// sits, and which spans are on the critical path. Built once per opened trace; every query on it
/// is a lookup, so a view of a 10,000-span trace asks freely while it paints.
///
/// A span whose parent is not in the trace (an orphan: its parent was never stored, or lies
/// outside the loaded spans) becomes a root, and so does a span caught in a parent cycle, so
/// every span is listed exactly once. Children are ordered by start time.
class TraceTree final
{
public:
    TraceTree() = default;
    explicit TraceTree(QList<TraceSpan> spans);

    qsizetype size() const { return m_spans.size(); }
    bool isEmpty() const { return m_spans.isEmpty(); }
    const TraceSpan& span(qsizetype index) const { return m_spans.at(index); }
    const QList<TraceSpan>& spans() const { return m_spans; }

    qsizetype parentOf(qsizetype index) const { return m_parent.at(index); }
    const QList<qsizetype>& childrenOf(qsizetype index) const { return m_children.at(index); }
    const QList<qsizetype>& roots() const { return m_roots; }
    /// True for a span that names a parent the trace does not have.
    bool isOrphan(qsizetype index) const { return m_parent.at(index) < 0 && !m_spans.at(index).parentId.isEmpty(); }
    int depthOf(qsizetype index) const { return m_depth.at(index); }
    /// Every span, each parent before its children, children by start time.
    const QList<qsizetype>& preorder() const { return m_preorder; }
    /// How many spans lie below `index` (children, their children, ...).
    qsizetype descendantCount(qsizetype index) const { return m_descendants.at(index); }

    quint64 startNs() const { return m_startNs; }
    quint64 endNs() const { return m_endNs; }
    quint64 spanStartNs(qsizetype index) const { return m_spans.at(index).record.startTimeUnixNano; }
    /// The end, never before the start (a clock that went backwards shows as an instant).
    quint64 spanEndNs(qsizetype index) const;

    /// The critical path, as Jaeger computes it: each span clipped to its parent, then from the
    /// end of each root backwards, the child that finished last before the moment reached, then
    /// what that child waited on, and so on; the parts of a span no chosen child covers are its
    /// own work. One difference: a child that ends exactly when the next chosen one starts (a
    /// sequence) counts, where Jaeger wants it to end strictly before. In the order walked.
    const QList<qsizetype>& criticalPath() const { return m_criticalPath; }
    bool isOnCriticalPath(qsizetype index) const { return m_onCriticalPath.at(index); }

    bool isError(qsizetype index) const;
    /// The services of the trace, in the order their first span starts.
    const QStringList& services() const { return m_services; }
    /// The position of the span's service in services(): what its colour follows.
    int serviceIndexOf(qsizetype index) const { return m_serviceIndex.at(index); }
    /// What a search inside the trace looks in, lower case: a line each for the name, the
    /// service, the span id, the status message and every attribute as "key=value", each line
    /// between newlines (so "\nkey=value\n" finds one attribute exactly).
    const QString& searchTextOf(qsizetype index) const { return m_searchText.at(index); }
    /// The span with this stored id, or -1.
    qsizetype indexOfId(const QByteArray& id) const;

private:
    void link();
    void order();
    void walkCriticalPath(qsizetype root);

    QList<TraceSpan> m_spans;
    QList<qsizetype> m_parent;
    QList<QList<qsizetype>> m_children;
    QList<qsizetype> m_roots;
    QList<int> m_depth;
    QList<qsizetype> m_preorder;
    QList<qsizetype> m_descendants;
    QList<qsizetype> m_criticalPath;
    QList<bool> m_onCriticalPath;
    QStringList m_services;
    QStringList m_searchText;
    QList<int> m_serviceIndex;
    QHash<QByteArray, qsizetype> m_byId;
    quint64 m_startNs = 0;
    quint64 m_endNs = 0;
};
