#include "destinationform.h"

#include "clickhouse/clickhouseserverinfoloader.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {
ClickHouseRowMapper::Dialect dialectOf(const ClickHouseServerInfo& info)
{
    return info.dialect() == ClickHouseServerInfo::Dialect::Modern ? ClickHouseRowMapper::Dialect::Modern
                                                                   : ClickHouseRowMapper::Dialect::Legacy;
}
} // namespace

DestinationForm::DestinationForm(QWidget* parent)
    : QGroupBox(tr("Destination"), parent)
    , m_loader(new ClickHouseServerInfoLoader(this))
    , m_form(new QFormLayout(this))
    , m_backend(new QComboBox(this))
    , m_otlpUrl(new QLineEdit(u"http://127.0.0.1:4318"_s, this))
    , m_clickHouseUrl(new QLineEdit(u"http://127.0.0.1:8123"_s, this))
{
    m_backend->setAccessibleName(tr("Backend"));
    m_backend->addItem(tr("OTLP/HTTP protobuf"), int(SendTarget::Backend::OtlpProtobuf));
    m_backend->addItem(tr("OTLP/HTTP JSON"), int(SendTarget::Backend::OtlpJson));
    m_backend->addItem(tr("ClickHouse direct"), int(SendTarget::Backend::ClickHouse));
    m_otlpUrl->setAccessibleName(tr("OTLP endpoint"));
    m_otlpUrl->setToolTip(tr("The collector's base URL; /v1/traces, /v1/metrics and /v1/logs are appended."));
    m_clickHouseUrl->setAccessibleName(tr("ClickHouse endpoint"));
    m_form->addRow(tr("&Backend:"), m_backend);
    m_form->addRow(tr("OTLP &endpoint:"), m_otlpUrl);
    m_form->addRow(tr("ClickHouse e&ndpoint:"), m_clickHouseUrl);
    connect(m_backend, &QComboBox::currentIndexChanged, this, &DestinationForm::backendChanged);
    connect(m_otlpUrl, &QLineEdit::textEdited, this, [this] { m_otlpUrlTyped = true; });
    backendChanged();
}

void DestinationForm::setServer(const ClickHouseEndpoint& endpoint, const ClickHouseServerInfo& info)
{
    const bool untouched = !m_server.isValid() || m_clickHouseUrl->text() == m_server.url.toString();
    m_server = endpoint;
    m_serverInfo = info;
    if (untouched)
        m_clickHouseUrl->setText(endpoint.url.toString());
}

void DestinationForm::setReceiverUrl(const QUrl& url)
{
    if (url.isValid())
        m_receiverUrl = url;
    showOtlpUrl();
}

void DestinationForm::setDefaults(const SendDefaults& defaults)
{
    m_defaults = defaults;
    showOtlpUrl();
}

void DestinationForm::showOtlpUrl()
{
    if (m_otlpUrlTyped)
        return;
    const QUrl url = m_defaults.otlpUrl.isEmpty() ? m_receiverUrl : m_defaults.otlpUrl;
    if (url.isValid())
        m_otlpUrl->setText(url.toString());
}

bool DestinationForm::isReceiver(const QUrl& base) const
{
    return m_receiverUrl.isValid() && base.host() == m_receiverUrl.host() && base.port() == m_receiverUrl.port()
        && base.scheme() == m_receiverUrl.scheme();
}

SendTarget::Backend DestinationForm::backend() const
{
    return SendTarget::Backend(m_backend->currentData().toInt());
}

void DestinationForm::setBackend(SendTarget::Backend backend)
{
    m_backend->setCurrentIndex(m_backend->findData(int(backend)));
}

void DestinationForm::backendChanged()
{
    const bool clickHouse = backend() == SendTarget::Backend::ClickHouse;
    m_form->setRowVisible(m_otlpUrl, !clickHouse);
    m_form->setRowVisible(m_clickHouseUrl, clickHouse);
}

bool DestinationForm::target(const QString& spoolPath, SendTarget* target, QString* error) const
{
    target->backend = backend();
    if (target->isOtlp()) {
        const QUrl base(m_otlpUrl->text().trimmed(), QUrl::StrictMode);
        if (!base.isValid() || base.scheme().isEmpty() || base.host().isEmpty()) {
            *error = tr("The OTLP endpoint \"%1\" is not a URL").arg(m_otlpUrl->text());
            return false;
        }
        target->otlp.setBaseUrl(base);
        target->otlp.spoolPath = spoolPath;
        target->otlp.spoolMaxBytes = m_defaults.spoolMaxBytes;
        target->otlp.batchSize = m_defaults.batchSize;
        target->otlp.flushIntervalMs = m_defaults.flushIntervalMs;
        target->otlp.gzip = m_defaults.gzip;
        target->otlp.headers = m_defaults.otlpHeaders;
        // The receiver's token goes to that receiver only, never to a collector somewhere else.
        const bool hasAuthorization = std::any_of(target->otlp.headers.cbegin(), target->otlp.headers.cend(),
            [](const auto& header) { return header.first.compare("authorization", Qt::CaseInsensitive) == 0; });
        if (!m_defaults.receiverToken.isEmpty() && !hasAuthorization && isReceiver(base))
            target->otlp.headers.append({ "Authorization", "Bearer " + m_defaults.receiverToken });
        return true;
    }
    const QUrl url = ClickHouseBackendConfig::endpointUrl(m_clickHouseUrl->text().trimmed());
    if (!url.isValid() || url.host().isEmpty()) {
        *error = tr("The ClickHouse endpoint \"%1\" is not a URL").arg(m_clickHouseUrl->text());
        return false;
    }
    target->clickHouse.endpoint = m_server;
    target->clickHouse.endpoint.url = url;
    target->clickHouse.endpoint.database = m_database;
    target->clickHouse.spoolPath = spoolPath;
    target->clickHouse.spoolMaxBytes = m_defaults.spoolMaxBytes;
    target->clickHouse.batchSize = m_defaults.batchSize;
    target->clickHouse.flushIntervalMs = m_defaults.flushIntervalMs;
    return true;
}

void DestinationForm::aim(
    SendTarget target, std::function<void(const SendTarget&)> ready, std::function<void(const QString&)> failed)
{
    const auto complete = [](SendTarget aimed, const ClickHouseServerInfo& info) {
        aimed.clickHouse.dialect = dialectOf(info);
        const QString host = aimed.clickHouse.endpoint.url.host();
        // Loopback: compressing costs CPU and saves nothing.
        aimed.clickHouse.compressionLevel = host == u"127.0.0.1"_s || host == u"localhost"_s ? 0 : 1;
        return aimed;
    };
    if (target.isOtlp())
        return ready(target);
    if (m_serverInfo.isValid() && target.clickHouse.endpoint.url == m_server.url)
        return ready(complete(target, m_serverInfo));
    disconnect(m_loader, nullptr, this, nullptr);
    connect(m_loader, &ClickHouseServerInfoLoader::loaded, this,
        [ready, complete, target](
            const ClickHouseEndpoint&, const ClickHouseServerInfo& info) { ready(complete(target, info)); });
    connect(m_loader, &ClickHouseServerInfoLoader::failed, this, [this, failed](const QString& error) {
        failed(tr("ClickHouse at %1 does not answer: %2").arg(m_clickHouseUrl->text(), error));
    });
    m_loader->load(target.clickHouse.endpoint);
}

void DestinationForm::cancelAim()
{
    m_loader->cancel();
}

bool DestinationForm::isAiming() const
{
    return m_loader->isLoading();
}

ClickHouseEndpoint DestinationForm::storeOf(const SendTarget& target) const
{
    if (!target.isOtlp())
        return target.clickHouse.endpoint;
    ClickHouseEndpoint store = m_server;
    store.database = m_database;
    return store;
}

ClickHouseRowMapper::Dialect DestinationForm::storeDialect(const SendTarget& target) const
{
    return target.isOtlp() ? dialectOf(m_serverInfo) : target.clickHouse.dialect;
}
