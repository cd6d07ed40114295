#include "collectorfixture.h"

#include "clickhousefixture.h"

using namespace Qt::StringLiterals;

std::unique_ptr<LocalCollector> startLocalCollector(
    const ClickHouseFixture& fixture, const QString& spoolPath, QString* error, const QByteArray& bearerToken)
{
    LocalCollector::Options options;
    options.clickHouse.endpoint = fixture.endpoint();
    options.clickHouse.endpoint.database = u"telemetry"_s;
    options.clickHouse.dialect = fixture.rowDialect();
    options.clickHouse.spoolPath = spoolPath;
    options.receiver.port = 0;
    options.gateway.port = 0;
    options.receiver.bearerToken = bearerToken;
    auto collector = std::make_unique<LocalCollector>(options);
    if (!collector->start(error))
        return nullptr;
    return collector;
}
