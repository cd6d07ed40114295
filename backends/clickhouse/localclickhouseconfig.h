#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

/// The files a managed clickhouse-server runs from, all inside one folder the workbench owns:
/// config.xml (loopback only, our ports, our paths), users.xml (one password-protected user,
/// loopback networks only), and the data, tmp and log folders. Written in the `<yandex>` dialect,
/// which both Debian's 18.16 and current servers read.
class LocalClickHouseConfig final
{
public:
    LocalClickHouseConfig(QString rootDirectory, quint16 httpPort, quint16 tcpPort, QString user, QString password);

    QString rootDirectory() const { return m_root; }
    quint16 httpPort() const { return m_httpPort; }
    quint16 tcpPort() const { return m_tcpPort; }

    QString configPath() const;
    QString usersPath() const;
    QString dataPath() const;
    QString logDirectory() const;
    QString serverLogPath() const;
    QString errorLogPath() const;
    QString stdoutPath() const;
    QString stderrPath() const;

    QByteArray serverConfigXml() const;
    /// Holds only the SHA-256 of the password, never the password itself.
    QByteArray usersXml() const;

    /// Creates the folders and writes both files; on failure says which path and why.
    bool write(QString* error) const;

private:
    QString path(const QString& relative) const;

    QString m_root;
    quint16 m_httpPort;
    quint16 m_tcpPort;
    QString m_user;
    QString m_password;
};
