#include "attributetableeditor.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
/// The type column is one of four words: a list, not free text.
class TypeDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem&, const QModelIndex&) const override
    {
        auto* box = new QComboBox(parent);
        for (const auto type : { AttributeTableModel::Type::String, AttributeTableModel::Type::Int,
                 AttributeTableModel::Type::Double, AttributeTableModel::Type::Bool })
            box->addItem(AttributeTableModel::typeName(type));
        box->setAccessibleName(AttributeTableEditor::tr("Attribute type"));
        return box;
    }
    void setEditorData(QWidget* editor, const QModelIndex& index) const override
    {
        static_cast<QComboBox*>(editor)->setCurrentText(index.data(Qt::EditRole).toString());
    }
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override
    {
        model->setData(index, static_cast<QComboBox*>(editor)->currentText());
    }
};
} // namespace

AttributeTableEditor::AttributeTableEditor(const QString& accessibleName, QWidget* parent)
    : QWidget(parent)
    , m_view(new QTableView(this))
    , m_problems(new QLabel(this))
{
    m_view->setModel(&m_model);
    m_view->setAccessibleName(accessibleName);
    m_view->setItemDelegateForColumn(AttributeTableModel::TypeColumn, new TypeDelegate(m_view));
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(AttributeTableModel::ValueColumn, QHeaderView::Stretch);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::AllEditTriggers);
    m_view->setMinimumHeight(90);
    m_view->setMaximumHeight(150);
    m_problems->setWordWrap(true);
    m_problems->setForegroundRole(QPalette::PlaceholderText);
    m_problems->hide();

    auto* add = new QPushButton(tr("Add"), this);
    add->setAccessibleName(tr("Add attribute"));
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setAccessibleName(tr("Remove selected attributes"));
    connect(add, &QPushButton::clicked, this, &AttributeTableEditor::addRow);
    connect(remove, &QPushButton::clicked, this, &AttributeTableEditor::removeSelectedRows);

    auto* buttons = new QVBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_view, 1);
    row->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_problems);

    connect(&m_model, &QAbstractItemModel::dataChanged, this, &AttributeTableEditor::showProblems);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &AttributeTableEditor::showProblems);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &AttributeTableEditor::showProblems);
    connect(&m_model, &QAbstractItemModel::modelReset, this, &AttributeTableEditor::showProblems);
}

void AttributeTableEditor::addRow()
{
    m_model.append({});
    const QModelIndex key = m_model.index(m_model.rowCount() - 1, AttributeTableModel::KeyColumn);
    m_view->setCurrentIndex(key); // which opens its editor (AllEditTriggers)
}

void AttributeTableEditor::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex& index : m_view->selectionModel()->selectedRows())
        rows.append(index.row());
    if (rows.isEmpty() && m_view->currentIndex().isValid())
        rows.append(m_view->currentIndex().row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : std::as_const(rows))
        m_model.removeRows(row, 1);
}

void AttributeTableEditor::showProblems()
{
    QStringList problems;
    m_model.attributes(&problems);
    m_problems->setText(problems.isEmpty() ? QString() : tr("Left out: %1").arg(problems.join(u"; "_s)));
    m_problems->setVisible(!problems.isEmpty());
}
