#include "secretstore.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

SecretStore::SecretStore(QObject* parent)
    : QObject(parent)
{
    if (qEnvironmentVariable("AUTOMAGIK_WORKBENCH_KEYRING") == u"off"_s)
        setKeyringEnabled(false);
}

SecretStore::~SecretStore() = default;

QString SecretStore::serviceName()
{
    return u"automagik-workbench"_s;
}

void SecretStore::setKeyringEnabled(bool enabled)
{
    m_keyringEnabled = enabled;
    m_keyringProblem = enabled ? QString() : tr("turned off by AUTOMAGIK_WORKBENCH_KEYRING=off");
}

SecretStore::Where SecretStore::where(const QString& key) const
{
    if (!m_secrets.contains(key))
        return Where::Nowhere;
    return m_inKeyring.contains(key) ? Where::Keyring : Where::SessionOnly;
}

void SecretStore::keyringFailed(const QString& problem)
{
    if (m_keyringProblem.isEmpty())
        m_keyringProblem = problem;
    m_keyringEnabled = false; // one refusal is enough: do not ask it again this session
}

void SecretStore::finishedOne()
{
    if (--m_pending == 0)
        Q_EMIT loaded();
}

void SecretStore::load(const QStringList& keys)
{
    if (!m_keyringEnabled || keys.isEmpty()) {
        Q_EMIT loaded();
        return;
    }
    m_pending += int(keys.size());
    for (const QString& key : keys) {
        auto* job = new QKeychain::ReadPasswordJob(serviceName(), this);
        job->setAutoDelete(true);
        job->setKey(key);
        connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job* finished) {
            auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
            if (read->error() == QKeychain::NoError) {
                m_secrets.insert(key, read->textData());
                m_inKeyring.insert(key);
            } else if (read->error() != QKeychain::EntryNotFound) {
                keyringFailed(read->errorString());
            }
            finishedOne();
        });
        job->start();
    }
}

void SecretStore::keepForSession(const QString& key, const QString& value)
{
    m_inKeyring.remove(key);
    if (value.isEmpty())
        m_secrets.remove(key);
    else
        m_secrets.insert(key, value);
}

void SecretStore::store(const QString& key, const QString& value)
{
    keepForSession(key, value);
    if (!m_keyringEnabled) {
        Q_EMIT stored(key, value.isEmpty() ? Where::Nowhere : Where::SessionOnly);
        return;
    }
    QKeychain::Job* job = nullptr;
    if (value.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(serviceName(), this);
    } else {
        auto* write = new QKeychain::WritePasswordJob(serviceName(), this);
        write->setTextData(value);
        job = write;
    }
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [this, key, value](QKeychain::Job* finished) {
        const bool ok = finished->error() == QKeychain::NoError
            || (value.isEmpty() && finished->error() == QKeychain::EntryNotFound);
        if (!ok)
            keyringFailed(finished->errorString());
        else if (!value.isEmpty() && m_secrets.value(key) == value)
            m_inKeyring.insert(key);
        Q_EMIT stored(key, value.isEmpty() ? Where::Nowhere : where(key));
    });
    job->start();
}
