#include "secretprompt.h"

#include "settings/secretstore.h"
#include "settings/workbenchsettings.h"

#include <QCoreApplication>
#include <QInputDialog>
#include <QLineEdit>

namespace SecretPrompt {

Ask dialog(QWidget* parent)
{
    return [parent](const QString& label, QString* answer) {
        bool ok = false;
        *answer = QInputDialog::getText(parent, QCoreApplication::translate("SecretPrompt", "No system keyring"),
            QCoreApplication::translate("SecretPrompt",
                "%1 (there is no keyring here, so it is asked once per session and never written to disk):")
                .arg(label),
            QLineEdit::Password, QString(), &ok);
        return ok;
    };
}

int askMissing(WorkbenchSettings* settings, const Ask& ask)
{
    int given = 0;
    for (const QString& key : settings->secretsToAsk()) {
        const SettingDefinition* definition = SettingDefinition::find(key);
        QString answer;
        if (!definition || !ask(QCoreApplication::translate("Settings", definition->label), &answer)
            || answer.isEmpty())
            continue;
        // With a working keyring the answer goes there, so the next start need not ask again.
        if (settings->secrets()->keyringEnabled()) {
            QString problem;
            settings->save(key, answer, &problem);
        } else {
            settings->secrets()->keepForSession(key, answer);
        }
        ++given;
    }
    return given;
}

} // namespace SecretPrompt
