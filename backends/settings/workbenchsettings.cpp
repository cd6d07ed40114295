#include "workbenchsettings.h"

#include "secretstore.h"

#include <QCoreApplication>
#include <QSettings>

using namespace Qt::StringLiterals;

namespace {
/// QSettings remembers that a secret was given under this prefix: the fact, not the secret.
QString askedKey(const QString& key)
{
    return u"secrets_given/"_s + QString(key).replace(u'/', u'_');
}
} // namespace

WorkbenchSettings::WorkbenchSettings(
    std::unique_ptr<QSettings> store, const QProcessEnvironment& environment, SecretStore* secrets, QObject* parent)
    : QObject(parent)
    , m_store(store ? std::move(store) : std::make_unique<QSettings>())
    , m_environment(environment)
    , m_secrets(secrets)
{
    if (m_secrets) {
        connect(m_secrets, &SecretStore::stored, this, [this](const QString& key, SecretStore::Where where) {
            // Only the fact that a secret was given is saved: a session that cannot read it (no
            // keyring, or a keyring that refuses this time) asks for it once.
            if (where == SecretStore::Where::Nowhere)
                m_store->remove(askedKey(key));
            else
                m_store->setValue(askedKey(key), true);
            Q_EMIT changed(key);
        });
    }
}

WorkbenchSettings::~WorkbenchSettings() = default;

void WorkbenchSettings::setFlag(QStringView key, const QVariant& value)
{
    m_flags.insert(key.toString(), value);
}

WorkbenchSettings::Effective WorkbenchSettings::effective(QStringView key) const
{
    const SettingDefinition* definition = SettingDefinition::find(key);
    Q_ASSERT_X(definition, "WorkbenchSettings::effective", "not a setting");
    if (!definition)
        return {};
    QString problem;
    if (const auto flag = m_flags.constFind(definition->key); flag != m_flags.cend()) {
        if (const QVariant value = definition->normalised(*flag, &problem); value.isValid())
            return { value, Source::Flag, u"--"_s + definition->flag };
    }
    for (const QString& variable : definition->environment) {
        if (m_environment.value(variable).isEmpty())
            continue; // an empty variable is unset, as the SDKs read them
        if (const QVariant value = definition->normalised(m_environment.value(variable), &problem); value.isValid())
            return { value, Source::Environment, variable };
    }
    if (definition->isSecret()) {
        if (m_secrets && m_secrets->where(definition->key) != SecretStore::Where::Nowhere) {
            const bool keyring = m_secrets->where(definition->key) == SecretStore::Where::Keyring;
            return { m_secrets->secret(definition->key), Source::Saved,
                keyring ? tr("in the keyring") : tr("for this session only") };
        }
    } else if (const QVariant value = saved(key); value.isValid()) {
        return { value, Source::Saved, QString() };
    }
    return { definition->defaultValue, Source::Default, QString() };
}

QVariant WorkbenchSettings::saved(QStringView key) const
{
    const SettingDefinition* definition = SettingDefinition::find(key);
    if (!definition)
        return {};
    if (definition->isSecret()) {
        if (!m_secrets || m_secrets->where(definition->key) == SecretStore::Where::Nowhere)
            return {};
        return m_secrets->secret(definition->key);
    }
    if (!m_store->contains(definition->key))
        return {};
    QString problem;
    return definition->normalised(m_store->value(definition->key), &problem);
}

bool WorkbenchSettings::save(QStringView key, const QVariant& value, QString* problem)
{
    const SettingDefinition* definition = SettingDefinition::find(key);
    if (!definition) {
        *problem = u"%1 is not a setting"_s.arg(key);
        return false;
    }
    const QVariant normalised = definition->normalised(value, problem);
    if (!normalised.isValid())
        return false;
    if (definition->isSecret()) {
        if (!m_secrets) {
            *problem = u"there is nowhere to keep a secret"_s;
            return false;
        }
        if (m_secrets->secret(definition->key) != normalised.toString()
            || m_secrets->where(definition->key) == SecretStore::Where::Nowhere)
            m_secrets->store(definition->key, normalised.toString()); // changed() follows stored()
        return true;
    }
    const bool isDefault = normalised == definition->defaultValue
        || (normalised.typeId() == QMetaType::QString && normalised.toString().isEmpty());
    const QVariant before = saved(key);
    if (isDefault)
        m_store->remove(definition->key);
    else
        m_store->setValue(definition->key, normalised);
    if (before != saved(key))
        Q_EMIT changed(definition->key);
    return true;
}

void WorkbenchSettings::resetToDefault(QStringView key)
{
    QString problem;
    const SettingDefinition* definition = SettingDefinition::find(key);
    if (definition)
        save(key, definition->isSecret() ? QVariant(QString()) : definition->defaultValue, &problem);
}

QStringList WorkbenchSettings::problems() const
{
    QStringList problems;
    for (const SettingDefinition& definition : SettingDefinition::all()) {
        QString problem;
        if (!definition.isSecret() && m_store->contains(definition.key)
            && !definition.normalised(m_store->value(definition.key), &problem).isValid())
            problems.append(u"%1 in %2: %3"_s.arg(definition.key, fileName(), problem));
        for (const QString& variable : definition.environment) {
            if (!m_environment.value(variable).isEmpty()
                && !definition.normalised(m_environment.value(variable), &problem).isValid())
                problems.append(u"%1: %2"_s.arg(variable, definition.isSecret() ? u"not usable"_s : problem));
        }
    }
    return problems;
}

QStringList WorkbenchSettings::secretsToAsk() const
{
    QStringList keys;
    for (const SettingDefinition& definition : SettingDefinition::all()) {
        if (definition.isSecret() && m_store->value(askedKey(definition.key)).toBool()
            && effective(definition.key).source == Source::Default)
            keys.append(definition.key);
    }
    return keys;
}

QString WorkbenchSettings::fileName() const
{
    return m_store->fileName();
}

QString WorkbenchSettings::sourceText(const Effective& effective)
{
    switch (effective.source) {
    case Source::Flag:
        return tr("command line (%1)").arg(effective.origin);
    case Source::Environment:
        return tr("environment (%1)").arg(effective.origin);
    case Source::Saved:
        return effective.origin.isEmpty() ? tr("saved") : tr("saved, %1").arg(effective.origin);
    case Source::Default:
        break;
    }
    return tr("default");
}
