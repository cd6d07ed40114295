#pragma once

#include <QString>

#include <functional>

class QWidget;
class WorkbenchSettings;

/// Without a keyring a secret lives only as long as the session: at the next start, the app
/// asks once for each one given before (WorkbenchSettings::secretsToAsk) and keeps the answer
/// for this session. A secret not given (Cancel) stays unset.
namespace SecretPrompt {

/// Asks for one secret: its label in, the answer out; false when the user declined.
using Ask = std::function<bool(const QString& label, QString* answer)>;
/// A password dialog over `parent`.
Ask dialog(QWidget* parent);
/// Asks for every secret the settings need this session; returns how many were given.
int askMissing(WorkbenchSettings* settings, const Ask& ask);

} // namespace SecretPrompt
