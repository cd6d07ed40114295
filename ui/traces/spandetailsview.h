#pragma once

#include <QTreeWidget>

class TraceTree;

/// Everything about one span of an opened trace, in sections: the span itself (name, service,
/// kind, status and its message, start, duration, ids, whether it is on the critical path), its
/// attributes, its resource, its scope, and its events and links. Values can be selected and
/// copied.
class SpanDetailsView final : public QTreeWidget
{
    Q_OBJECT

public:
    explicit SpanDetailsView(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(SpanDetailsView)

    /// Shows the span (-1: nothing).
    void showSpan(const TraceTree& tree, qsizetype span);
    /// The value shown for `key` in a section ("Attributes", "Resource", ...), or a null string.
    QString valueOf(const QString& section, const QString& key) const;
};
