#pragma once

#include "trace/openedtrace.h"

#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class SpanDetailsView;
class TraceLogModel;
class TraceMinimap;
class TraceOutline;
class TraceWaterfallView;

/// One opened trace: a bar with the search inside the trace (matches counted, previous and next,
/// the next error), folding and export; the minimap; the waterfall; and beside it the selected
/// span's details and the trace's logs (all, or only the selected span's).
class TraceView final : public QWidget
{
    Q_OBJECT

public:
    explicit TraceView(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(TraceView)

    void setTrace(const OpenedTrace& trace);
    const OpenedTrace& trace() const { return m_trace; }
    TraceOutline* outline() const { return m_outline; }
    TraceWaterfallView* waterfall() const { return m_waterfall; }
    SpanDetailsView* details() const { return m_details; }
    TraceLogModel* logs() const { return m_logModel; }
    QLineEdit* findField() const { return m_find; }
    /// Only the selected span's logs (otherwise all of the trace's).
    void setLogsOfSelectedSpanOnly(bool only);
    void showLogs();
    void selectNextMatch(bool forward);
    void selectNextError();
    /// Runs the find field's search now (typing runs it once the typing pauses).
    void applySearch();

Q_SIGNALS:
    void exportRequested();

private:
    void onSelectionChanged(qsizetype span);
    void updateMatchLabel();
    void updateLogFilter();

    OpenedTrace m_trace;
    TraceOutline* m_outline;
    TraceLogModel* m_logModel;
    QLabel* m_title;
    QLineEdit* m_find;
    QLabel* m_matchCount;
    QPushButton* m_previous;
    QPushButton* m_next;
    QPushButton* m_nextError;
    QPushButton* m_collapse;
    QPushButton* m_expand;
    QPushButton* m_export;
    TraceWaterfallView* m_waterfall;
    TraceMinimap* m_minimap;
    QTabWidget* m_tabs;
    SpanDetailsView* m_details;
    QCheckBox* m_selectedSpanLogs;
    QTableView* m_logTable;
    QTimer m_typing;
};
