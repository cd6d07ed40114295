#pragma once

#include "capture/sendtarget.h"
#include "clickhouse/clickhouseendpoint.h"
#include "clickhouse/clickhouseserverinfo.h"
#include "settings/settingsconfig.h"

#include <QGroupBox>

#include <functional>

class ClickHouseServerInfoLoader;
class QComboBox;
class QFormLayout;
class QLineEdit;

/// Where the Send and Replay pages send: the backend (OTLP/HTTP protobuf or JSON, by default to
/// the workbench's own receiver, or ClickHouse direct, by default the workbench's server) and
/// its endpoint. Turns the fields into a SendTarget; a ClickHouse other than the known one is
/// asked for its version first, since that decides how rows are written.
class DestinationForm final : public QGroupBox
{
    Q_OBJECT

public:
    explicit DestinationForm(QWidget* parent = nullptr);
    Q_DISABLE_COPY_MOVE(DestinationForm)

    void setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    void setTelemetryDatabase(const QString& database) { m_database = database; }
    QString telemetryDatabase() const { return m_database; }
    /// The workbench's own OTLP receiver: the OTLP backends' endpoint unless one was typed or
    /// the settings name another.
    void setReceiverUrl(const QUrl& url);
    /// From the settings: the OTLP endpoint and headers, the receiver's token (sent only to the
    /// workbench's receiver), batching, gzip and the spool limit of every later send.
    void setDefaults(const SendDefaults& defaults);
    const SendDefaults& defaults() const { return m_defaults; }

    SendTarget::Backend backend() const;
    void setBackend(SendTarget::Backend backend);
    QLineEdit* otlpUrlEdit() const { return m_otlpUrl; }
    QLineEdit* clickHouseUrlEdit() const { return m_clickHouseUrl; }

    /// The target the fields describe, with its spool at `spoolPath`; false with `error` when an
    /// endpoint is not a URL. The ClickHouse dialect is not known yet: aim() finds it.
    bool target(const QString& spoolPath, SendTarget* target, QString* error) const;
    /// Calls `ready` with `target` completed (the ClickHouse dialect and compression), at once
    /// when the server is the known one, else once it has answered; `failed` when it does not.
    void aim(
        SendTarget target, std::function<void(const SendTarget&)> ready, std::function<void(const QString&)> failed);
    /// Stops an aim() waiting for a server.
    void cancelAim();
    bool isAiming() const;
    /// The ClickHouse where records sent to `target` are stored (for looking them up):
    /// the workbench's own unless the target is another ClickHouse.
    ClickHouseEndpoint storeOf(const SendTarget& target) const;
    ClickHouseRowMapper::Dialect storeDialect(const SendTarget& target) const;

private:
    void backendChanged();

    bool isReceiver(const QUrl& base) const;
    void showOtlpUrl();

    SendDefaults m_defaults;
    QUrl m_receiverUrl;
    ClickHouseEndpoint m_server;
    ClickHouseServerInfo m_serverInfo;
    QString m_database = QStringLiteral("telemetry");
    bool m_otlpUrlTyped = false;
    ClickHouseServerInfoLoader* m_loader;
    QFormLayout* m_form;
    QComboBox* m_backend;
    QLineEdit* m_otlpUrl;
    QLineEdit* m_clickHouseUrl;
};
