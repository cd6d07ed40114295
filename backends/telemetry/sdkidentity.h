#pragma once

#include <QString>
#include <QVariantMap>

/// Who is sending, as the Automagik SDKs describe themselves (reference/upstream.md, section 5).
/// The Python and TypeScript SDKs differ in a few details; `flavor` picks whose to copy.
struct SdkIdentity
{
    enum class Flavor
    {
        Python,
        TypeScript,
    };

    QString projectName;
    QString projectVersion;
    QString organization = QStringLiteral("namastex");
    QString userId;
    QString sessionId;
    QString sdkName = QStringLiteral("automagik-telemetry");
    QString sdkVersion = QStringLiteral("0.1.4");
    /// deployment.environment for the resource; the SDKs never send it, so it stays empty unless
    /// set (and the ClickHouse column then falls back to "production", as upstream).
    QString environment;
    /// More resource attributes (the Send page's), after the SDKs' own; one with the key of an
    /// SDK attribute replaces it. Values keep their type: string, bool, integer or double.
    QVariantMap resourceAttributes;
    Flavor flavor = Flavor::Python;
};

/// The machine facts the SDKs attach to every event as `system.*` attributes.
struct SystemInfo
{
    QString os; ///< platform.system() ("Linux") or os.platform() ("linux")
    QString osVersion;
    QString architecture;
    QString runtimeVersion; ///< system.python_version or system.node_version; omitted when empty
    bool isDocker = false;

    /// This machine, described the way the chosen SDK flavour would.
    static SystemInfo current(SdkIdentity::Flavor flavor);
};
