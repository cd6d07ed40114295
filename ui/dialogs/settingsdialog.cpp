#include "settingsdialog.h"

#include "settings/secretstore.h"
#include "settings/workbenchsettings.h"
#include "widgets/settingfield.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using Group = SettingDefinition::Group;

namespace {
QString groupTitle(Group group)
{
    switch (group) {
    case Group::Endpoints:
        return SettingsDialog::tr("Endpoints");
    case Group::Credentials:
        return SettingsDialog::tr("Credentials");
    case Group::Backends:
        return SettingsDialog::tr("Backends");
    case Group::Receiver:
        return SettingsDialog::tr("Receiver and gateway");
    case Group::Spool:
        return SettingsDialog::tr("Spool");
    case Group::Health:
        return SettingsDialog::tr("Health");
    case Group::Appearance:
        return SettingsDialog::tr("Appearance");
    }
    return {};
}

QString groupNote(Group group)
{
    switch (group) {
    case Group::Endpoints:
        return SettingsDialog::tr("The ClickHouse applies at the next start; the OTLP endpoint at the next send.");
    case Group::Receiver:
        return SettingsDialog::tr("Saving these restarts the receiver and the gateway with them.");
    case Group::Spool:
        return SettingsDialog::tr("The folder applies at the next start. Saving the limit restarts the receiver with "
                                  "it; the Send and Replay pages use it from their next send.");
    case Group::Health:
        return SettingsDialog::tr("Applies when saved.");
    case Group::Credentials:
    case Group::Backends:
    case Group::Appearance:
        break;
    }
    return {};
}
} // namespace

SettingsDialog::SettingsDialog(WorkbenchSettings* settings, QWidget* parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_tabs(new QTabWidget(this))
    , m_keyring(new QLabel(this))
    , m_problems(new QLabel(this))
{
    setWindowTitle(tr("Settings"));
    for (const Group group : { Group::Endpoints, Group::Credentials, Group::Backends, Group::Receiver, Group::Spool,
             Group::Health, Group::Appearance })
        m_tabs->addTab(makeTab(group), groupTitle(group));
    m_tabs->setAccessibleName(tr("Settings pages"));

    m_keyring->setWordWrap(true);
    m_keyring->setAccessibleName(tr("Where passwords are kept"));
    m_problems->setWordWrap(true);
    m_problems->setAccessibleName(tr("Problems"));
    m_problems->setStyleSheet(u"color: #c62828"_s);
    m_problems->hide();
    auto* file = new QLabel(tr("Saved in %1").arg(m_settings->fileName()), this);
    file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    file->setForegroundRole(QPalette::PlaceholderText);
    file->setAccessibleName(tr("Settings file"));

    auto* buttons =
        new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::Apply, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(buttons->button(QDialogButtonBox::Apply), &QPushButton::clicked, this, &SettingsDialog::apply);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_keyring);
    layout->addWidget(m_problems);
    layout->addWidget(file);
    layout->addWidget(buttons);

    if (SecretStore* secrets = m_settings->secrets())
        connect(secrets, &SecretStore::stored, this, [this] { showKeyringState(); });
    // A change from elsewhere (a secret stored late, another dialog) shows at once.
    connect(m_settings, &WorkbenchSettings::changed, this, [this](const QString& key) {
        if (SettingField* changed = field(key); changed && !changed->isModified())
            changed->refresh();
    });
    showKeyringState();
    resize(640, 460);
}

QWidget* SettingsDialog::makeTab(Group group)
{
    auto* page = new QWidget(m_tabs);
    auto* form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const SettingDefinition& definition : SettingDefinition::all()) {
        if (definition.group != group)
            continue;
        auto* field = new SettingField(definition, m_settings, page);
        m_fields.append(field);
        auto* label = new QLabel(QCoreApplication::translate("Settings", definition.label) + u':', page);
        label->setBuddy(field->editor());
        form->addRow(label, field);
    }
    if (const QString note = groupNote(group); !note.isEmpty()) {
        auto* label = new QLabel(note, page);
        label->setWordWrap(true);
        label->setForegroundRole(QPalette::PlaceholderText);
        form->addRow(label);
    }
    return page;
}

void SettingsDialog::showKeyringState()
{
    const SecretStore* secrets = m_settings->secrets();
    if (secrets && secrets->keyringEnabled() && secrets->keyringProblem().isEmpty()) {
        m_keyring->setText(tr("Passwords and tokens are kept in the system keyring."));
        return;
    }
    const QString why = secrets ? secrets->keyringProblem() : tr("no keyring was given");
    m_keyring->setText(tr("No system keyring (%1): passwords and tokens are kept in memory for this session only, "
                          "never in a file, and asked once in the next session.")
                           .arg(why));
}

bool SettingsDialog::apply()
{
    QStringList problems;
    for (SettingField* field : std::as_const(m_fields)) {
        QString problem;
        if (!field->apply(&problem))
            problems.append(problem);
    }
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());
    return problems.isEmpty();
}

void SettingsDialog::accept()
{
    if (apply())
        QDialog::accept();
}

SettingField* SettingsDialog::field(QStringView key) const
{
    for (SettingField* field : m_fields) {
        if (field->definition().key == key)
            return field;
    }
    return nullptr;
}

QString SettingsDialog::problemText() const
{
    return m_problems->isVisible() ? m_problems->text() : QString();
}

QString SettingsDialog::keyringText() const
{
    return m_keyring->text();
}
