#pragma once

#include "settingdefinition.h"

#include <QHash>
#include <QObject>
#include <QProcessEnvironment>
#include <QSettings>
#include <QStringList>
#include <QVariant>

#include <memory>

class SecretStore;

/// The workbench's settings with DESIGN.md's precedence: a command-line flag beats the
/// environment, the environment beats the saved value, the saved value beats the default.
/// effective() says which one won and its name, for the Settings dialog to show. Saved values
/// live in QSettings (an INI file in the config folder); secrets go to the SecretStore, and
/// QSettings only remembers that one was given (so a session that cannot read it asks once).
/// An empty environment variable counts as unset, as the SDKs read them. A saved value that does not fit its setting is
/// reported and the default used.
class WorkbenchSettings final : public QObject
{
    Q_OBJECT

public:
    enum class Source
    {
        Flag,
        Environment,
        Saved,
        Default,
    };
    struct Effective
    {
        QVariant value;
        Source source = Source::Default;
        QString origin; ///< the flag ("--otlp-port") or variable name; for a saved secret, where it is kept
    };

    /// `store` null: the user's settings file. `secrets` may be null (secrets then come only
    /// from the environment).
    WorkbenchSettings(std::unique_ptr<QSettings> store, const QProcessEnvironment& environment, SecretStore* secrets,
        QObject* parent = nullptr);
    ~WorkbenchSettings() override;
    Q_DISABLE_COPY_MOVE(WorkbenchSettings)

    /// A value given on the command line, for `key`'s flag.
    void setFlag(QStringView key, const QVariant& value);

    Effective effective(QStringView key) const;
    QVariant value(QStringView key) const { return effective(key).value; }
    QString text(QStringView key) const { return value(key).toString(); }
    /// The saved value (a secret: what the store holds), or invalid when none is saved.
    QVariant saved(QStringView key) const;
    /// Saves `value` for `key` (a secret goes to the SecretStore); false with `problem` when it
    /// does not fit. An empty text or a value equal to the default clears the saved one.
    bool save(QStringView key, const QVariant& value, QString* problem);
    void resetToDefault(QStringView key);
    /// Saved values that could not be used, one line each ("receiver/otlp_port: ...").
    QStringList problems() const;
    /// Secret keys given in an earlier session, not known now (no keyring, or the keyring did
    /// not give them) and not set in the environment: the app asks for each once.
    QStringList secretsToAsk() const;
    QString fileName() const;
    SecretStore* secrets() const { return m_secrets; }

    /// "command line (--otlp-port)", "environment (AUTOMAGIK_…)", "saved", "default".
    static QString sourceText(const Effective& effective);

Q_SIGNALS:
    void changed(const QString& key);

private:
    std::unique_ptr<QSettings> m_store;
    QProcessEnvironment m_environment;
    SecretStore* m_secrets;
    QHash<QString, QVariant> m_flags;
};
