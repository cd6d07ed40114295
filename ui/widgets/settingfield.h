#pragma once

#include "settings/settingdefinition.h"
#include "settings/workbenchsettings.h"

#include <QWidget>

class QLabel;
class QToolButton;

/// One setting in the Settings dialog: an editor that fits its kind (line, password, spin box,
/// check box, choice, folder), a Reset-to-default button, and a line saying where the effective
/// value comes from. A value set by a flag or the environment is shown but not editable here,
/// since it would not take effect; the line says what to unset.
class SettingField final : public QWidget
{
    Q_OBJECT

public:
    SettingField(const SettingDefinition& definition, WorkbenchSettings* settings, QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(SettingField)

    const SettingDefinition& definition() const { return m_definition; }
    /// The value in the editor (text, int or bool).
    QVariant editedValue() const;
    void setEditedValue(const QVariant& value);
    bool isModified() const;
    /// Saves an edited value; false with `problem` ("OTLP port: ...") when it does not fit.
    bool apply(QString* problem);
    /// Shows the effective value and its source again (after a save or a change elsewhere).
    void refresh();
    QWidget* editor() const { return m_editor; }
    QString sourceText() const;

private:
    QWidget* makeEditor();
    void resetToDefault();

    SettingDefinition m_definition;
    WorkbenchSettings* m_settings;
    QWidget* m_editor;
    QToolButton* m_reset;
    QLabel* m_source;
    QVariant m_shown; ///< what refresh() put in the editor
};
