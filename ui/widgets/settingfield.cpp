#include "settingfield.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Kind = SettingDefinition::Kind;

namespace {
QString choiceTitle(const QString& choice)
{
    if (choice == u"system"_s)
        return QCoreApplication::translate("Settings", "System");
    if (choice == u"light"_s)
        return QCoreApplication::translate("Settings", "Light");
    if (choice == u"dark"_s)
        return QCoreApplication::translate("Settings", "Dark");
    if (choice == u"en"_s)
        return u"English"_s;
    if (choice == u"pt_BR"_s)
        return u"Português (Brasil)"_s;
    return choice;
}
} // namespace

SettingField::SettingField(const SettingDefinition& definition, WorkbenchSettings* settings, QWidget* parent)
    : QWidget(parent)
    , m_definition(definition)
    , m_settings(settings)
    , m_editor(makeEditor())
    , m_reset(new QToolButton(this))
    , m_source(new QLabel(this))
{
    const QString label = QCoreApplication::translate("Settings", m_definition.label);
    m_editor->setAccessibleName(label);
    m_editor->setToolTip(QCoreApplication::translate("Settings", m_definition.help));
    m_editor->setObjectName(m_definition.key);
    m_reset->setText(tr("Default"));
    m_reset->setAccessibleName(tr("Reset %1 to its default").arg(label));
    m_reset->setToolTip(tr("Back to the default value"));
    connect(m_reset, &QToolButton::clicked, this, &SettingField::resetToDefault);
    m_source->setWordWrap(true);
    m_source->setForegroundRole(QPalette::PlaceholderText);
    m_source->setAccessibleName(tr("Where %1 comes from").arg(label));

    auto* row = new QHBoxLayout();
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_editor, 1);
    if (m_definition.kind == Kind::Folder) {
        auto* browse = new QToolButton(this);
        browse->setText(tr("Choose…"));
        browse->setAccessibleName(tr("Choose the %1").arg(label.toLower()));
        connect(browse, &QToolButton::clicked, this, [this] {
            const QString folder =
                QFileDialog::getExistingDirectory(this, tr("Spool folder"), editedValue().toString());
            if (!folder.isEmpty())
                setEditedValue(folder);
        });
        row->addWidget(browse);
    }
    row->addWidget(m_reset);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(row);
    layout->addWidget(m_source);
    refresh();
}

QWidget* SettingField::makeEditor()
{
    switch (m_definition.kind) {
    case Kind::Integer: {
        auto* spin = new QSpinBox(this);
        spin->setRange(m_definition.minimum, m_definition.maximum);
        spin->setGroupSeparatorShown(true);
        return spin;
    }
    case Kind::Boolean:
        return new QCheckBox(this);
    case Kind::Choice: {
        auto* combo = new QComboBox(this);
        for (const QString& choice : m_definition.choices)
            combo->addItem(choiceTitle(choice), choice);
        return combo;
    }
    case Kind::Secret: {
        auto* line = new QLineEdit(this);
        line->setEchoMode(QLineEdit::Password);
        line->setPlaceholderText(tr("not set"));
        return line;
    }
    case Kind::Text:
    case Kind::Url:
    case Kind::Address:
    case Kind::Folder:
        break;
    }
    auto* line = new QLineEdit(this);
    // An empty default means "chosen for you"; the line below says how.
    line->setPlaceholderText(
        m_definition.defaultValue.toString().isEmpty() ? tr("automatic") : m_definition.defaultValue.toString());
    line->setClearButtonEnabled(true);
    return line;
}

QVariant SettingField::editedValue() const
{
    if (const auto* spin = qobject_cast<const QSpinBox*>(m_editor))
        return spin->value();
    if (const auto* check = qobject_cast<const QCheckBox*>(m_editor))
        return check->isChecked();
    if (const auto* combo = qobject_cast<const QComboBox*>(m_editor))
        return combo->currentData();
    return qobject_cast<const QLineEdit*>(m_editor)->text();
}

void SettingField::setEditedValue(const QVariant& value)
{
    if (auto* spin = qobject_cast<QSpinBox*>(m_editor))
        spin->setValue(value.toInt());
    else if (auto* check = qobject_cast<QCheckBox*>(m_editor))
        check->setChecked(value.toBool());
    else if (auto* combo = qobject_cast<QComboBox*>(m_editor))
        combo->setCurrentIndex(qMax(0, combo->findData(value.toString())));
    else
        qobject_cast<QLineEdit*>(m_editor)->setText(value.toString());
}

bool SettingField::isModified() const
{
    return editedValue() != m_shown;
}

bool SettingField::apply(QString* problem)
{
    if (!isModified() || !m_editor->isEnabled())
        return true;
    QString why;
    if (!m_settings->save(m_definition.key, editedValue(), &why)) {
        *problem = u"%1: %2"_s.arg(QCoreApplication::translate("Settings", m_definition.label), why);
        return false;
    }
    refresh();
    return true;
}

void SettingField::resetToDefault()
{
    setEditedValue(m_definition.isSecret() ? QVariant(QString()) : m_definition.defaultValue);
}

void SettingField::refresh()
{
    const WorkbenchSettings::Effective effective = m_settings->effective(m_definition.key);
    const bool overridden = effective.source == WorkbenchSettings::Source::Flag
        || effective.source == WorkbenchSettings::Source::Environment;
    QVariant shown = effective.value;
    if (m_definition.kind == Kind::Url || m_definition.kind == Kind::Folder)
        shown = shown.toString(); // an empty default stays empty, the placeholder explains it
    setEditedValue(shown);
    m_shown = editedValue();
    m_editor->setEnabled(!overridden);
    m_reset->setEnabled(!overridden);
    m_source->setText(sourceText());
}

QString SettingField::sourceText() const
{
    const WorkbenchSettings::Effective effective = m_settings->effective(m_definition.key);
    const QString source = WorkbenchSettings::sourceText(effective);
    switch (effective.source) {
    case WorkbenchSettings::Source::Flag:
        return tr("From the %1: it wins over what is saved here.").arg(source);
    case WorkbenchSettings::Source::Environment:
        return tr("From the %1: unset it to change this here.").arg(source);
    case WorkbenchSettings::Source::Saved:
        return effective.origin.isEmpty() ? tr("Saved.") : tr("Saved, %1.").arg(effective.origin);
    case WorkbenchSettings::Source::Default:
        break;
    }
    const QString help = QCoreApplication::translate("Settings", m_definition.help);
    return (m_definition.isSecret() ? tr("Not set.") : tr("Default.")) + u' ' + help;
}
