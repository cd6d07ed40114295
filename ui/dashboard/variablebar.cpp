#include "variablebar.h"

#include "dashboardsession.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace {
constexpr QStringView allValue = u"$__all";
}

VariableBar::VariableBar(DashboardSession* session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(8, 0, 8, 0);
    connect(session, &DashboardSession::variablesChanged, this, &VariableBar::rebuild);
}

void VariableBar::rebuild()
{
    while (QLayoutItem* item = m_layout->takeAt(0)) {
        if (QWidget* widget = item->widget())
            widget->deleteLater();
        delete item;
    }
    bool any = false;
    for (const DashboardVariable& variable : m_session->variables()) {
        if (!variable.isShown())
            continue;
        any = true;
        const QString name = variable.definition.name;
        auto* label = new QLabel(variable.definition.label.isEmpty() ? name : variable.definition.label, this);
        m_layout->addWidget(label);
        if (!variable.error.isEmpty())
            label->setToolTip(variable.error);
        if (variable.definition.type == u"textbox"_s) {
            auto* text = new QLineEdit(variable.selected.value(0), this);
            text->setAccessibleName(name);
            text->setObjectName(u"variable-"_s + name);
            connect(text, &QLineEdit::editingFinished, this,
                [this, name, text] { m_session->setVariable(name, { text->text() }); });
            m_layout->addWidget(text);
        } else if (variable.definition.multi) {
            auto* button = new QToolButton(this);
            button->setAccessibleName(name);
            button->setObjectName(u"variable-"_s + name);
            button->setPopupMode(QToolButton::InstantPopup);
            button->setText(variable.allSelected ? tr("All") : variable.selected.join(u" + "_s));
            auto* menu = new QMenu(button);
            if (variable.definition.includeAll) {
                QAction* all = menu->addAction(tr("All"));
                all->setCheckable(true);
                all->setChecked(variable.allSelected);
                connect(all, &QAction::triggered, this,
                    [this, name] { m_session->setVariable(name, { allValue.toString() }); });
            }
            for (const auto& [text, value] : variable.options) {
                QAction* option = menu->addAction(text);
                option->setCheckable(true);
                option->setChecked(!variable.allSelected && variable.selected.contains(value));
                connect(option, &QAction::triggered, this, [this, name, value = value](bool checked) {
                    for (const DashboardVariable& current : m_session->variables()) {
                        if (current.definition.name != name)
                            continue;
                        QStringList values = current.allSelected ? QStringList() : current.selected;
                        checked ? values.append(value) : (void)values.removeAll(value);
                        m_session->setVariable(name, values);
                    }
                });
            }
            button->setMenu(menu);
            m_layout->addWidget(button);
        } else {
            auto* combo = new QComboBox(this);
            combo->setAccessibleName(name);
            combo->setObjectName(u"variable-"_s + name);
            if (variable.definition.includeAll)
                combo->addItem(tr("All"), allValue.toString());
            for (const auto& [text, value] : variable.options)
                combo->addItem(text, value);
            combo->setCurrentIndex(variable.allSelected ? 0 : qMax(0, combo->findData(variable.selected.value(0))));
            connect(combo, &QComboBox::activated, this,
                [this, name, combo] { m_session->setVariable(name, { combo->currentData().toString() }); });
            m_layout->addWidget(combo);
        }
    }
    m_layout->addStretch(1);
    setVisible(any);
}
