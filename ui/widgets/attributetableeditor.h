#pragma once

#include "attributetablemodel.h"

#include <QWidget>

class QLabel;
class QTableView;

/// An AttributeTableModel to edit: the table (the type picked from a list), Add and Remove, and
/// under it what is wrong with rows that will be left out.
class AttributeTableEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit AttributeTableEditor(const QString& accessibleName, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(AttributeTableEditor)

    AttributeTableModel* model() { return &m_model; }
    const AttributeTableModel* model() const { return &m_model; }
    QTableView* view() const { return m_view; }
    /// Appends an empty row and starts editing its key.
    void addRow();
    void removeSelectedRows();

private:
    void showProblems();

    AttributeTableModel m_model;
    QTableView* m_view;
    QLabel* m_problems;
};
