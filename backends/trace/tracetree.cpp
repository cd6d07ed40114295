#include "tracetree.h"

#include <QHash>

#include <algorithm>

using namespace Qt::StringLiterals;

TraceTree::TraceTree(QList<TraceSpan> spans)
    : m_spans(std::move(spans))
{
    // Listed by start so that roots, children and services come out in time order.
    std::stable_sort(m_spans.begin(), m_spans.end(),
        [](const TraceSpan& a, const TraceSpan& b) { return a.record.startTimeUnixNano < b.record.startTimeUnixNano; });
    link();
    order();
    for (const qsizetype root : std::as_const(m_roots))
        walkCriticalPath(root);
}

quint64 TraceTree::spanEndNs(qsizetype index) const
{
    const SpanRecord& record = m_spans.at(index).record;
    return qMax(record.startTimeUnixNano, record.endTimeUnixNano);
}

bool TraceTree::isError(qsizetype index) const
{
    return m_spans.at(index).record.statusCode == Otlp::StatusCode::Error;
}

qsizetype TraceTree::indexOfId(const QByteArray& id) const
{
    return m_byId.value(id, -1);
}

void TraceTree::link()
{
    const qsizetype count = m_spans.size();
    m_parent.fill(-1, count);
    m_children.resize(count);
    m_serviceIndex.fill(0, count);
    m_byId.reserve(count);
    QHash<QString, int> serviceIndex;
    for (qsizetype i = 0; i < count; ++i) {
        const TraceSpan& span = m_spans.at(i);
        m_byId.insert(span.id, i); // a span stored twice: the later copy is the one found
        const QString service = QString::fromUtf8(serviceNameOf(span.record.resource));
        auto found = serviceIndex.constFind(service);
        if (found == serviceIndex.cend()) {
            found = serviceIndex.insert(service, int(m_services.size()));
            m_services.append(service);
        }
        m_serviceIndex[i] = found.value();
        QString text = u'\n' + QString::fromUtf8(span.record.name) + u'\n' + service + u'\n'
            + QString::fromUtf8(span.id) + u'\n' + QString::fromUtf8(span.record.statusMessage) + u'\n';
        for (const KeyValue& attribute : span.record.attributes)
            text +=
                QString::fromUtf8(attribute.key) + u'=' + QString::fromUtf8(attribute.value.toDisplayUtf8()) + u'\n';
        m_searchText.append(text.toLower());
        m_startNs = i == 0 ? span.record.startTimeUnixNano : qMin(m_startNs, span.record.startTimeUnixNano);
        m_endNs = qMax(m_endNs, spanEndNs(i));
    }
    for (qsizetype i = 0; i < count; ++i) {
        const QByteArray& parentId = m_spans.at(i).parentId;
        const qsizetype parent = parentId.isEmpty() ? -1 : m_byId.value(parentId, -1);
        if (parent >= 0 && parent != i) {
            m_parent[i] = parent;
            m_children[parent].append(i); // in start order, as the spans are sorted
        }
    }
}

void TraceTree::order()
{
    const qsizetype count = m_spans.size();
    m_depth.fill(0, count);
    m_descendants.fill(0, count);
    QList<bool> listed(count, false);
    m_preorder.reserve(count);
    // Roots first; then whatever no root reaches (a cycle of parents) is cut loose as a root too.
    for (qsizetype candidate = 0; candidate < count; ++candidate) {
        if (m_parent.at(candidate) < 0)
            m_roots.append(candidate);
    }
    auto walk = [&](qsizetype root) {
        QList<qsizetype> stack { root };
        while (!stack.isEmpty()) {
            const qsizetype at = stack.takeLast();
            if (listed.at(at))
                continue;
            listed[at] = true;
            const qsizetype parent = m_parent.at(at);
            m_depth[at] = parent >= 0 ? m_depth.at(parent) + 1 : 0;
            m_preorder.append(at);
            const QList<qsizetype>& children = m_children.at(at);
            for (auto child = children.crbegin(); child != children.crend(); ++child)
                stack.append(*child);
        }
    };
    for (const qsizetype root : std::as_const(m_roots))
        walk(root);
    for (qsizetype i = 0; i < count; ++i) {
        if (listed.at(i))
            continue;
        // In a parent cycle: detach it from its parent and list it as a root.
        m_children[m_parent.at(i)].removeOne(i);
        m_parent[i] = -1;
        m_roots.append(i);
        walk(i);
    }
    // Descendant counts, children before parents: the preorder backwards.
    for (auto at = m_preorder.crbegin(); at != m_preorder.crend(); ++at) {
        const qsizetype parent = m_parent.at(*at);
        if (parent >= 0)
            m_descendants[parent] += m_descendants.at(*at) + 1;
    }
}

void TraceTree::walkCriticalPath(qsizetype root)
{
    if (m_onCriticalPath.isEmpty())
        m_onCriticalPath.fill(false, m_spans.size());
    // An explicit stack: a chain of 10,000 nested spans must not exhaust the thread's stack.
    struct Frame
    {
        qsizetype span;
        quint64 start; ///< the span's start and end, clipped to its parent's (Jaeger sanitises so)
        quint64 end;
        quint64 cursor; ///< the moment reached, walking backwards from the end
        QList<qsizetype> byEnd; ///< children inside the span, latest (clipped) end first
        qsizetype next = 0;
    };
    auto frameOf = [this](qsizetype span, quint64 parentStart, quint64 parentEnd) {
        const quint64 start = qMax(spanStartNs(span), parentStart);
        const quint64 end = qMax(start, qMin(spanEndNs(span), parentEnd));
        Frame frame { span, start, end, end, {}, 0 };
        for (const qsizetype child : m_children.at(span)) {
            // A child wholly outside its parent (a skewed clock) held nothing up.
            if (spanStartNs(child) <= end && spanEndNs(child) >= start)
                frame.byEnd.append(child);
        }
        std::stable_sort(frame.byEnd.begin(), frame.byEnd.end(),
            [this, end](qsizetype a, qsizetype b) { return qMin(spanEndNs(a), end) > qMin(spanEndNs(b), end); });
        m_onCriticalPath[span] = true;
        m_criticalPath.append(span);
        return frame;
    };
    QList<Frame> stack { frameOf(root, spanStartNs(root), spanEndNs(root)) };
    while (!stack.isEmpty()) {
        Frame& frame = stack.last();
        qsizetype chosen = -1;
        while (frame.cursor > frame.start && frame.next < frame.byEnd.size()) {
            const qsizetype child = frame.byEnd.at(frame.next++);
            // The child that finished last before the moment reached is what the parent waited
            // on. Jaeger wants it to end strictly before; a child ending exactly then (the next
            // step of a sequence) counts here too. Children are in end order and the moment only
            // moves back, so a child passed over now is never chosen later.
            if (qMin(spanEndNs(child), frame.end) <= frame.cursor) {
                chosen = child;
                break;
            }
        }
        if (chosen < 0) {
            stack.removeLast();
            continue;
        }
        frame.cursor = qMax(spanStartNs(chosen), frame.start);
        const quint64 start = frame.start;
        const quint64 end = frame.end;
        stack.append(frameOf(chosen, start, end)); // may reallocate: `frame` is not used after this
    }
}
