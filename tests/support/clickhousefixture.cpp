#include "clickhousefixture.h"

#include "clickhouse/clickhousereply.h"

#include <QTest>

using namespace Qt::StringLiterals;

ClickHouseFixture::ClickHouseFixture()
    : m_directory(QDir::tempPath() + u"/workbench-clickhouse-XXXXXX"_s)
{ }

ClickHouseFixture::~ClickHouseFixture()
{
    if (m_server)
        m_server->stopAndWait();
}

bool ClickHouseFixture::start(QString* error, LocalClickHouse::Options options)
{
    if (LocalClickHouse::findServerBinary(options.serverBinary).isEmpty()) {
        *error = u"This test needs a real clickhouse-server. "_s + LocalClickHouse::installHint();
        return false;
    }
    if (!m_directory.isValid()) {
        *error = u"cannot create a temporary folder: "_s + m_directory.errorString();
        return false;
    }
    if (options.dataDirectory.isEmpty())
        options.dataDirectory = m_directory.path();
    m_server = std::make_unique<LocalClickHouse>(options);
    m_server->start();
    if (!waitForStartOutcome(*m_server)) {
        *error = u"clickhouse-server neither started nor failed within 90 s"_s;
        return false;
    }
    if (!m_server->isRunning()) {
        *error = u"clickhouse-server failed to start: "_s + m_server->errorString();
        return false;
    }
    return true;
}

bool ClickHouseFixture::waitFor(ClickHouseReply* reply, int timeoutMs)
{
    return QTest::qWaitFor([reply] { return reply->isFinished(); }, timeoutMs);
}

bool ClickHouseFixture::waitForStartOutcome(LocalClickHouse& server, int timeoutMs)
{
    return QTest::qWaitFor(
        [&server] {
            return server.state() == LocalClickHouse::State::Running
                || server.state() == LocalClickHouse::State::Failed;
        },
        timeoutMs);
}
