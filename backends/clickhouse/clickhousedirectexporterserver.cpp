// The server side of ClickHouseDirectExporter's start: what the server is (its version decides the
// settings a request may carry and the schema dialect) and which types its tables' columns have
// (which decides whether rows go as RowBinary). Kept apart from the live queue in
// clickhousedirectexporter.cpp, as the spool side is in clickhousedirectexporterspool.cpp.
#include "clickhouseclient.h"
#include "clickhousedirectexporter.h"
#include "clickhousereply.h"
#include "clickhouseserverinfo.h"
#include "clickhousetsv.h"
#include "common/eventloopwait.h"

#include <QMutexLocker>
#include <QTimer>

using namespace Qt::StringLiterals;

void ClickHouseDirectExporter::probeServer()
{
    // What the server can do decides which settings a request may carry; until the answer is
    // in, requests carry none that an old server could refuse.
    ClickHouseReply* reply = m_client->query(ClickHouseServerInfo::probeQuery());
    connect(reply, &ClickHouseReply::finished, this, [this, reply] {
        reply->deleteLater();
        ClickHouseServerInfo info;
        if (!reply->isOk() || !ClickHouseServerInfo::fromProbeResult(reply->text(), &info)) {
            m_ready = true; // JSONEachRow until the server answers: nothing to wait for
            if (!m_shuttingDown)
                QTimer::singleShot(m_config.spoolRetryIntervalMs, this, &ClickHouseDirectExporter::probeServer);
            return;
        }
        m_client->setServerInfo(info);
        const auto dialect = info.dialect() == ClickHouseServerInfo::Dialect::Modern
            ? ClickHouseRowMapper::Dialect::Modern
            : ClickHouseRowMapper::Dialect::Legacy;
        if (dialect != m_config.dialect) {
            reportError(u"ClickHouse %1 needs the %2 schema dialect, but rows are written for the other one"_s.arg(
                info.versionString(), dialect == ClickHouseRowMapper::Dialect::Modern ? u"modern"_s : u"legacy"_s));
        }
        loadLayouts();
    });
}

bool ClickHouseDirectExporter::waitUntilReady(int timeoutMs)
{
    return runEventLoopUntil(timeoutMs, [this] { return m_ready; });
}

void ClickHouseDirectExporter::loadLayouts()
{
    if (!m_config.rowBinary) {
        m_ready = true;
        return;
    }
    if (m_loadingLayouts)
        return; // the answer under way will do
    m_loadingLayouts = true;
    m_ready = false; // waitUntilReady() waits for this answer too
    // RowBinary carries no types: each column is written as the table has it, so the types are
    // read first, and a table with a type not known here (or unreadable ones) gets JSONEachRow.
    ClickHouseReply* reply =
        m_client->query(u"SELECT table, name, type FROM system.columns WHERE database = %1 FORMAT TabSeparated"_s.arg(
            ClickHouseClient::quoteString(m_config.endpoint.database)));
    connect(reply, &ClickHouseReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_ready = true;
        m_loadingLayouts = false;
        if (!reply->isOk())
            return;
        QHash<QString, QHash<QString, QString>> types; // table -> column -> type
        for (const QStringList& row : ClickHouseTsv::rows(reply->text())) {
            if (row.size() == 3)
                types[row.at(0)].insert(row.at(1), row.at(2));
        }
        QMutexLocker locker(&m_mutex);
        for (Table table : { Table::Traces, Table::Metrics, Table::Logs }) {
            auto layout = std::make_shared<RowBinaryLayout>();
            const bool usable =
                RowBinaryLayout::forColumns(m_mapper.columns(static_cast<ClickHouseRowMapper::Table>(table)),
                    types.value(tableName(table)), layout.get());
            BinaryTable& binary = m_binaryTables[static_cast<size_t>(table)];
            binary.spec = usable ? layout->spec() : QByteArray();
            binary.layout = usable ? std::move(layout) : nullptr;
        }
    });
}
