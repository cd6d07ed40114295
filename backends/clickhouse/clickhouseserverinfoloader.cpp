#include "clickhouseserverinfoloader.h"

#include "clickhouseclient.h"
#include "clickhousereply.h"

ClickHouseServerInfoLoader::ClickHouseServerInfoLoader(QObject* parent)
    : QObject(parent)
{ }

ClickHouseServerInfoLoader::~ClickHouseServerInfoLoader()
{
    cancel();
}

void ClickHouseServerInfoLoader::cancel()
{
    if (m_reply)
        m_reply->disconnect(this);
    delete std::exchange(m_reply, nullptr);
}

void ClickHouseServerInfoLoader::load(const ClickHouseEndpoint& endpoint)
{
    cancel();
    m_endpoint = endpoint;
    m_client = std::make_unique<ClickHouseClient>(endpoint);
    m_reply = m_client->query(ClickHouseServerInfo::probeQuery());
    connect(m_reply, &ClickHouseReply::finished, this, [this] {
        ClickHouseReply* reply = std::exchange(m_reply, nullptr);
        reply->deleteLater();
        ClickHouseServerInfo info;
        QString error;
        if (!reply->isOk())
            Q_EMIT failed(reply->error().toString());
        else if (!ClickHouseServerInfo::fromProbeResult(reply->text(), &info, &error))
            Q_EMIT failed(error);
        else
            Q_EMIT loaded(m_endpoint, info);
    });
}
