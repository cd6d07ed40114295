#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

/// Passwords and tokens, in the system keyring through QtKeychain (the Secret Service or KWallet
/// over D-Bus), under the service "automagik-workbench". Where there is no keyring (no D-Bus
/// session, as on CI, or AUTOMAGIK_WORKBENCH_KEYRING=off) a secret is kept in this process's
/// memory only and asked again in the next session: it is never written to a file in clear.
/// Keyring calls are asynchronous; load() reads every key once at start.
class SecretStore final : public QObject
{
    Q_OBJECT

public:
    enum class Where
    {
        Nowhere,
        Keyring,
        SessionOnly, ///< no keyring: in memory until the process ends
    };

    explicit SecretStore(QObject* parent = nullptr);
    ~SecretStore() override;
    Q_DISABLE_COPY_MOVE(SecretStore)

    /// Off: every secret is kept for the session only (tests, and machines without a keyring
    /// that should not be asked). Read from AUTOMAGIK_WORKBENCH_KEYRING=off by default.
    void setKeyringEnabled(bool enabled);
    bool keyringEnabled() const { return m_keyringEnabled; }
    /// Why the keyring is not used ("disabled by ...", or the keyring's own error); empty while it works.
    QString keyringProblem() const { return m_keyringProblem; }

    /// Reads `keys` from the keyring; loaded() follows (at once without a keyring).
    void load(const QStringList& keys);
    bool isLoading() const { return m_pending > 0; }

    QString secret(const QString& key) const { return m_secrets.value(key); }
    Where where(const QString& key) const;
    /// Keeps `value` (empty: forgets it) and writes it to the keyring; stored() follows, saying
    /// where it ended up (session only when the keyring refused).
    void store(const QString& key, const QString& value);
    /// Given for this session only, as the fallback's prompt does: never written anywhere.
    void keepForSession(const QString& key, const QString& value);

    static QString serviceName();

Q_SIGNALS:
    void loaded();
    void stored(const QString& key, SecretStore::Where where);

private:
    void keyringFailed(const QString& problem);
    void finishedOne();

    QHash<QString, QString> m_secrets;
    QSet<QString> m_inKeyring;
    bool m_keyringEnabled = true;
    QString m_keyringProblem;
    int m_pending = 0;
};
