#include "clickhouse/clickhousedirectexporter.h"
#include "clickhousefixture.h"
#include "collector/localcollector.h"
#include "otlp/otlpcodec.h"
#include "recordsamples.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

namespace {
constexpr int senderCount = 8;
constexpr int spansPerRequest = 25;
constexpr qint64 postingMs = 30000;
constexpr qint64 outageStartsMs = 3000;

/// One client posting protobuf requests back to back until told to stop, remembering which
/// spans each answer covered.
class Sender final : public QObject
{
public:
    Sender(int index, QUrl url, QSet<QByteArray>* accepted, QSet<QByteArray>* refused, QMap<int, int>* statuses)
        : m_index(index)
        , m_url(std::move(url))
        , m_accepted(accepted)
        , m_refused(refused)
        , m_statuses(statuses)
    { }

    void start() { post(); }
    void stop() { m_stopping = true; }
    bool isIdle() const { return m_idle; }

private:
    void post()
    {
        if (m_stopping) {
            m_idle = true;
            return;
        }
        QList<SpanRecord> spans = RecordSamples::realisticEvents(spansPerRequest);
        QList<QByteArray> ids;
        for (SpanRecord& span : spans) {
            // Unique per sender and request, so every stored row can be told apart.
            const QByteArray hex = QByteArray::number(quint64(m_index) << 48 | ++m_counter, 16).rightJustified(16, '0');
            QVERIFY(SpanId::fromHex(hex, &span.spanId));
            ids.append(hex);
        }
        QNetworkRequest request(m_url);
        request.setRawHeader("Content-Type", "application/x-protobuf");
        QNetworkReply* reply = m_network.post(request, OtlpCodec::encodeTraces(spans, Otlp::Encoding::Protobuf));
        connect(reply, &QNetworkReply::finished, this, [this, reply, ids] {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            ++(*m_statuses)[status];
            for (const QByteArray& id : ids)
                (status == 200 ? m_accepted : m_refused)->insert(id);
            post();
        });
    }

    int m_index;
    QUrl m_url;
    QNetworkAccessManager m_network; // one each: a shared one would cap at six connections
    QSet<QByteArray>* m_accepted;
    QSet<QByteArray>* m_refused;
    QMap<int, int>* m_statuses;
    quint64 m_counter = 0;
    bool m_stopping = false;
    bool m_idle = false;
};
} // namespace

class TestCollectorOutage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyAcceptedRecordLandsExactlyOnce();
};

void TestCollectorOutage::everyAcceptedRecordLandsExactlyOnce()
{
    ClickHouseFixture fixture;
    START_CLICKHOUSE(fixture);
    QTemporaryDir spool;
    LocalCollector::Options options;
    options.clickHouse.endpoint = fixture.endpoint();
    options.clickHouse.endpoint.database = u"telemetry"_s;
    options.clickHouse.dialect = fixture.rowDialect();
    options.clickHouse.spoolPath = spool.filePath(u"collector.spool"_s);
    options.clickHouse.spoolRetryIntervalMs = 500;
    options.clickHouse.retry.baseDelayMs = 100;
    options.clickHouse.retry.maxRetries = 2;
    options.clickHouse.timeoutMs = 3000;
    options.receiver.port = 0;
    options.withGateway = false;
    LocalCollector collector(options);
    QString error;
    QVERIFY2(collector.start(&error), qPrintable(error));
    const QUrl url(collector.receiver()->url().toString() + u"/v1/traces"_s);

    QSet<QByteArray> accepted;
    QSet<QByteArray> refused;
    QMap<int, int> statuses;
    std::vector<std::unique_ptr<Sender>> senders;
    for (int i = 0; i < senderCount; ++i) {
        senders.push_back(std::make_unique<Sender>(i + 1, url, &accepted, &refused, &statuses));
        senders.back()->start();
    }
    QElapsedTimer clock;
    clock.start();
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= outageStartsMs, outageStartsMs + 1000);
    const qsizetype acceptedBeforeOutage = accepted.size();
    QSignalSpy stopped(&fixture.server(), &LocalClickHouse::stopped);
    fixture.server().stop();
    QVERIFY(stopped.wait(30000));
    qInfo("ClickHouse stopped after %lld ms with %lld spans accepted", clock.elapsed(), qint64(acceptedBeforeOutage));
    const qsizetype acceptedAtOutage = accepted.size();
    QTRY_VERIFY_WITH_TIMEOUT(clock.elapsed() >= postingMs, postingMs + 1000);
    for (auto& sender : senders)
        sender->stop();
    QTRY_VERIFY_WITH_TIMEOUT(
        std::all_of(senders.cbegin(), senders.cend(), [](const auto& s) { return s->isIdle(); }), 30000);
    const qsizetype acceptedDuringOutage = accepted.size() - acceptedAtOutage;
    qInfo("posting ended: %lld spans accepted (%lld while ClickHouse was down), %lld refused; answers: %s",
        qint64(accepted.size()), qint64(acceptedDuringOutage), qint64(refused.size()),
        qPrintable(QStringList([&] {
            QStringList parts;
            for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
                parts.append(u"%1 x%2"_s.arg(it.key()).arg(it.value()));
            return parts;
        }())
                       .join(u", "_s)));
    // The receiver kept answering 200 while ClickHouse was away: the records were on disk.
    QVERIFY2(acceptedDuringOutage > 0, "nothing was accepted while ClickHouse was down");
    for (auto it = statuses.cbegin(); it != statuses.cend(); ++it)
        QVERIFY2(it.key() == 200 || it.key() == 429 || it.key() == 503, qPrintable(u"answered %1"_s.arg(it.key())));

    QSignalSpy ready(&fixture.server(), &LocalClickHouse::ready);
    fixture.server().start();
    QVERIFY(ready.wait(90000));
    QTRY_VERIFY_WITH_TIMEOUT(collector.exporter()->isIdle(), 120000);

    bool ok = false;
    const QString stored = ClickHouseFixture::run(
        fixture.endpoint(), u"SELECT span_id, count() FROM telemetry.traces GROUP BY span_id FORMAT TSV"_s, &ok);
    QVERIFY2(ok, qPrintable(stored));
    QHash<QByteArray, int> copies;
    for (const QString& line : stored.split(u'\n', Qt::SkipEmptyParts))
        copies.insert(line.section(u'\t', 0, 0).toLatin1(), line.section(u'\t', 1, 1).toInt());
    qsizetype missing = 0;
    qsizetype duplicated = 0;
    for (const QByteArray& id : std::as_const(accepted)) {
        const int n = copies.value(id);
        missing += n == 0;
        duplicated += n > 1;
    }
    qInfo("stored %lld distinct spans; of the %lld accepted: %lld missing, %lld duplicated", qint64(copies.size()),
        qint64(accepted.size()), qint64(missing), qint64(duplicated));
    QCOMPARE(missing, 0);
    QCOMPARE(duplicated, 0);
    // Nothing that was refused was stored, and nothing else either.
    for (const QByteArray& id : std::as_const(refused))
        QVERIFY2(!copies.contains(id), id.constData());
    QCOMPARE(copies.size(), accepted.size());
}

QTEST_GUILESS_MAIN(TestCollectorOutage)
#include "tst_collectoroutage.moc"
