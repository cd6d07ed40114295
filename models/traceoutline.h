#pragma once

#include "trace/tracetree.h"

#include <QList>
#include <QObject>
#include <QString>

/// What the waterfall shows of a trace: which subtrees are collapsed, the rows that remain in
/// order, the selected span, and the spans that match a search inside the trace. Spans are
/// TraceTree indexes; rows are positions among the visible spans. Rebuilding the rows is one
/// pass over the tree, so collapsing a subtree of a 10,000-span trace costs well under a frame.
class TraceOutline final : public QObject
{
    Q_OBJECT

public:
    explicit TraceOutline(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TraceOutline)

    void setTree(TraceTree tree);
    const TraceTree& tree() const { return m_tree; }

    qsizetype rowCount() const { return m_rows.size(); }
    qsizetype spanAt(qsizetype row) const { return m_rows.at(row); }
    /// The row showing the span, or -1 while an ancestor is collapsed.
    qsizetype rowOf(qsizetype span) const { return m_rowOf.at(span); }

    bool isCollapsed(qsizetype span) const { return m_collapsed.at(span); }
    void setCollapsed(qsizetype span, bool collapsed);
    void toggle(qsizetype span) { setCollapsed(span, !isCollapsed(span)); }
    /// Collapses every span with children below `depth` levels (0: only the roots stay).
    void collapseBelow(int depth);
    void expandAll();
    /// Expands the ancestors of the span so that it has a row.
    void reveal(qsizetype span);

    qsizetype selected() const { return m_selected; }
    /// Selects the span (-1: none), revealing it.
    void select(qsizetype span);

    /// Finds spans whose name, service, id, status message or any attribute contains the text
    /// (case-insensitive); a text with "=" finds spans with exactly that attribute "key=value".
    void setSearchText(const QString& text);
    QString searchText() const { return m_searchText; }
    const QList<qsizetype>& matches() const { return m_matches; } ///< in preorder
    bool isMatch(qsizetype span) const { return !m_isMatch.isEmpty() && m_isMatch.at(span); }
    /// The match after (or before) the selected span in preorder, wrapping; -1 when none.
    qsizetype nextMatch(bool forward) const;
    /// The next span with an error status after the selected one, wrapping; -1 when none.
    qsizetype nextError() const;

Q_SIGNALS:
    void rowsChanged();
    void selectionChanged(qsizetype span);
    void matchesChanged();

private:
    void rebuildRows();
    qsizetype preorderPosition(qsizetype span) const { return m_preorderPosition.at(span); }

    TraceTree m_tree;
    QList<bool> m_collapsed;
    QList<qsizetype> m_rows;
    QList<qsizetype> m_rowOf;
    QList<qsizetype> m_preorderPosition;
    qsizetype m_selected = -1;
    QString m_searchText;
    QList<qsizetype> m_matches;
    QList<bool> m_isMatch;
};
