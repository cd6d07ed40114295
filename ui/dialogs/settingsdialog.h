#pragma once

#include "settings/settingdefinition.h"

#include <QDialog>
#include <QList>

class QLabel;
class QTabWidget;
class SettingField;
class WorkbenchSettings;

/// Settings: endpoints, credentials, backend defaults, receiver and gateway, spool, theme and
/// language, a tab each, every value with where it comes from (flag, environment, saved,
/// default). Passwords and tokens go to the keyring; without one the dialog says they are kept
/// for this session only. OK and Apply save; a value that does not fit is named and nothing
/// closes until it is mended.
class SettingsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(WorkbenchSettings* settings, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(SettingsDialog)

    /// Saves every edited field; false when one does not fit (said in the dialog).
    bool apply();
    SettingField* field(QStringView key) const;
    QTabWidget* tabs() const { return m_tabs; }
    QString problemText() const;
    QString keyringText() const;

    void accept() override;

private:
    QWidget* makeTab(SettingDefinition::Group group);
    void showKeyringState();

    WorkbenchSettings* m_settings;
    QTabWidget* m_tabs;
    QLabel* m_keyring;
    QLabel* m_problems;
    QList<SettingField*> m_fields;
};
