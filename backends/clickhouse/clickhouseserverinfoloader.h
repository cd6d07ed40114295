#pragma once

#include "clickhouseendpoint.h"
#include "clickhouseserverinfo.h"

#include <QObject>

#include <memory>

class ClickHouseClient;
class ClickHouseReply;

/// Learns what a server can do (ClickHouseServerInfo) with its one probe query, for the parts of
/// the GUI that need it before they can run anything: the Query page's macros and settings.
class ClickHouseServerInfoLoader final : public QObject
{
    Q_OBJECT

public:
    explicit ClickHouseServerInfoLoader(QObject* parent = nullptr);
    ~ClickHouseServerInfoLoader() override;
    Q_DISABLE_COPY_MOVE(ClickHouseServerInfoLoader)

    /// Asks `endpoint`; a load still in flight is dropped.
    void load(const ClickHouseEndpoint& endpoint);
    /// Drops a load in flight: neither loaded() nor failed() follows for it.
    void cancel();
    bool isLoading() const { return m_reply != nullptr; }

Q_SIGNALS:
    void loaded(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info);
    void failed(const QString& error);

private:
    std::unique_ptr<ClickHouseClient> m_client;
    ClickHouseEndpoint m_endpoint;
    ClickHouseReply* m_reply = nullptr;
};
