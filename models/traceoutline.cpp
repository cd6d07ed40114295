#include "traceoutline.h"

using namespace Qt::StringLiterals;

TraceOutline::TraceOutline(QObject* parent)
    : QObject(parent)
{ }

void TraceOutline::setTree(TraceTree tree)
{
    m_tree = std::move(tree);
    const qsizetype count = m_tree.size();
    m_collapsed.fill(false, count);
    m_preorderPosition.fill(0, count);
    for (qsizetype position = 0; position < count; ++position)
        m_preorderPosition[m_tree.preorder().at(position)] = position;
    m_selected = -1;
    rebuildRows();
    const QString text = m_searchText;
    m_searchText = u"\n"_s; // differs from any text typed, so the search runs again
    setSearchText(text);
    Q_EMIT selectionChanged(-1);
}

void TraceOutline::rebuildRows()
{
    const qsizetype count = m_tree.size();
    m_rows.clear();
    m_rowOf.fill(-1, count);
    const QList<qsizetype>& preorder = m_tree.preorder();
    for (qsizetype position = 0; position < preorder.size();) {
        const qsizetype span = preorder.at(position);
        m_rowOf[span] = m_rows.size();
        m_rows.append(span);
        // A collapsed span's subtree follows it in preorder: skip all of it.
        position += 1 + (m_collapsed.at(span) ? m_tree.descendantCount(span) : 0);
    }
    Q_EMIT rowsChanged();
}

void TraceOutline::setCollapsed(qsizetype span, bool collapsed)
{
    if (m_tree.childrenOf(span).isEmpty() || m_collapsed.at(span) == collapsed)
        return;
    m_collapsed[span] = collapsed;
    rebuildRows();
}

void TraceOutline::collapseBelow(int depth)
{
    for (qsizetype span = 0; span < m_tree.size(); ++span)
        m_collapsed[span] = m_tree.depthOf(span) >= depth && !m_tree.childrenOf(span).isEmpty();
    if (m_selected >= 0)
        reveal(m_selected);
    rebuildRows();
}

void TraceOutline::expandAll()
{
    m_collapsed.fill(false, m_tree.size());
    rebuildRows();
}

void TraceOutline::reveal(qsizetype span)
{
    bool changed = false;
    for (qsizetype parent = m_tree.parentOf(span); parent >= 0; parent = m_tree.parentOf(parent)) {
        changed = changed || m_collapsed.at(parent);
        m_collapsed[parent] = false;
    }
    if (changed)
        rebuildRows();
}

void TraceOutline::select(qsizetype span)
{
    if (span >= 0)
        reveal(span);
    if (span == m_selected)
        return;
    m_selected = span;
    Q_EMIT selectionChanged(span);
}

void TraceOutline::setSearchText(const QString& text)
{
    if (text == m_searchText)
        return;
    m_searchText = text;
    m_matches.clear();
    m_isMatch.fill(false, m_tree.size());
    const QString needle = text.trimmed().toLower();
    if (!needle.isEmpty()) {
        // "key=value" matches that attribute exactly, so that "http.status_code=5" does not find 500.
        const bool attribute = needle.contains(u'=');
        const QString line = u'\n' + needle + u'\n';
        for (const qsizetype span : m_tree.preorder()) {
            const QString& haystack = m_tree.searchTextOf(span);
            if (attribute ? haystack.contains(line) : haystack.contains(needle)) {
                m_matches.append(span);
                m_isMatch[span] = true;
            }
        }
    }
    Q_EMIT matchesChanged();
}

qsizetype TraceOutline::nextMatch(bool forward) const
{
    if (m_matches.isEmpty())
        return -1;
    if (m_selected < 0)
        return forward ? m_matches.first() : m_matches.last();
    const qsizetype from = preorderPosition(m_selected);
    auto after = std::upper_bound(m_matches.cbegin(), m_matches.cend(), from,
        [this](qsizetype position, qsizetype span) { return position < preorderPosition(span); });
    if (forward)
        return after == m_matches.cend() ? m_matches.first() : *after;
    auto before = std::lower_bound(m_matches.cbegin(), m_matches.cend(), from,
        [this](qsizetype span, qsizetype position) { return preorderPosition(span) < position; });
    return before == m_matches.cbegin() ? m_matches.last() : *(before - 1);
}

qsizetype TraceOutline::nextError() const
{
    const QList<qsizetype>& preorder = m_tree.preorder();
    const qsizetype count = preorder.size();
    const qsizetype start = m_selected < 0 ? 0 : preorderPosition(m_selected) + 1;
    for (qsizetype step = 0; step < count; ++step) {
        const qsizetype span = preorder.at((start + step) % count);
        if (m_tree.isError(span))
            return span;
    }
    return -1;
}
