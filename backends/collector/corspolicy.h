#pragma once

#include <QByteArray>
#include <QStringList>

/// Which web pages may send telemetry from a browser (CORS). Origins are written as a browser
/// sends them ("http://localhost:5173"); a port of "*" matches any port, and "*" alone any origin.
/// The default lets pages served from this machine (localhost, 127.0.0.1) in, and no others.
class CorsPolicy final
{
public:
    CorsPolicy();
    explicit CorsPolicy(QStringList allowedOrigins);

    bool allows(QByteArrayView origin) const;
    const QStringList& allowedOrigins() const { return m_allowed; }

private:
    QStringList m_allowed;
};
