#pragma once

#include "capture/replayrunner.h"

#include <QWidget>

class QLabel;
class QTableWidget;

/// A replay's delivery verification: per table expected, found, missing and duplicated, then
/// "Every record arrived exactly once." or the first missing sequence numbers of each table.
class VerificationView final : public QWidget
{
    Q_OBJECT

public:
    explicit VerificationView(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(VerificationView)

    void show(const ReplayRunner::Outcome& outcome);
    void clear();
    QTableWidget* table() const { return m_table; }
    QString verdictText() const;

private:
    QTableWidget* m_table;
    QLabel* m_verdict;
};
