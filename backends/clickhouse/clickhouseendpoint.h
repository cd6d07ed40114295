#pragma once

#include <QString>
#include <QUrl>

/// Where a ClickHouse server answers over HTTP and who we are to it. The password lives only in
/// memory here; nothing in the workbench writes it to settings or logs (see displayString()).
struct ClickHouseEndpoint
{
    QUrl url; ///< scheme, host and port, e.g. http://127.0.0.1:8123
    QString user;
    QString password;
    QString database; ///< default database for queries; empty means the server's default

    bool isValid() const { return url.isValid() && !url.host().isEmpty(); }

    /// For the status bar and error messages, in the user's language: URL and user, never the
    /// password.
    QString displayString() const;

    friend bool operator==(const ClickHouseEndpoint&, const ClickHouseEndpoint&) = default;
};
