#include "clickhouse/clickhousedirectexporter.h"
#include "clickhousefixture.h"
#include "collector/localcollector.h"
#include "common/gzip.h"
#include "httptestclient.h"
#include "otlp/otlpcodec.h"
#include "otlp/otlpexportresponse.h"
#include "recordsamples.h"
#include "telemetry/capturesink.h"

#include <QDateTime>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using Otlp::Encoding;

namespace {
const QByteArray json = "application/json";
const QByteArray protobuf = "application/x-protobuf";

/// The JSON the upstream Python SDK sends for track_error (reference/upstream.md, section 5):
/// a 64-hex-digit traceId, the kind as a string, times as JSON numbers, a resource inside the
/// span and status OK for an error.
QByteArray upstreamSdkError(quint64 nowNs)
{
    const QByteArray now = QByteArray::number(nowNs);
    return R"({"resourceSpans":[{"resource":{"attributes":[
        {"key":"service.name","value":{"stringValue":"sdk-shape"}},
        {"key":"project.name","value":{"stringValue":"upstream"}},
        {"key":"user.id","value":{"stringValue":"user-7"}},
        {"key":"session.id","value":{"stringValue":"session-9"}},
        {"key":"telemetry.sdk.name","value":{"stringValue":"automagik-telemetry"}}]},
      "scopeSpans":[{"scope":{"name":"upstream.telemetry","version":"1.0.0"},"spans":[
        {"traceId":"00112233445566778899aabbccddeeff0123456789abcdef0123456789abcdef",
         "spanId":"0011223344556677","name":"automagik.error","kind":"SPAN_KIND_INTERNAL",
         "startTimeUnixNano":)"
        + now + R"(,"endTimeUnixNano":)" + now + R"(,
         "attributes":[{"key":"error_type","value":{"stringValue":"ValueError"}},
                       {"key":"error_message","value":{"stringValue":"bad input"}},
                       {"key":"system.is_docker","value":{"boolValue":false}}],
         "status":{"code":1},
         "resource":{"attributes":[{"key":"service.name","value":{"stringValue":"sdk-shape"}}]}}]}]}]})";
}

QByteArray ndjsonTraceRows(int count, const QByteArray& service, int batch = 0)
{
    QByteArray rows;
    const QByteArray timestamp = QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm:ss"_s).toLatin1();
    const quint64 nowNs = quint64(QDateTime::currentMSecsSinceEpoch()) * 1000000ull;
    for (int i = 0; i < count; ++i) {
        rows += R"({"trace_id":")" + QByteArray::number(i).rightJustified(64, 'a') + R"(","span_id":")"
            + QByteArray::number(batch * 1000 + i).rightJustified(16, 'b') + R"(","parent_span_id":"","timestamp":")"
            + timestamp + R"(","timestamp_ns":)" + QByteArray::number(nowNs + quint64(i))
            + R"(,"duration_ms":0,"service_name":")" + service + R"(","span_name":"event)" + QByteArray::number(i)
            + R"(","span_kind":"SPAN_KIND_INTERNAL","status_code":"OK","status_message":"","project_name":"p","project_version":"1","environment":"production","hostname":"","attributes":{"feature":"x)"
            + QByteArray::number(i) + R"(","count":"3"},"user_id":"","session_id":""})" + '\n';
    }
    return rows;
}
} // namespace

class TestOtlpReceiver final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void answersBadRequestsWithTheirStatus_data();
    void answersBadRequestsWithTheirStatus();
    void storesEverySignalInBothEncodings_data();
    void storesEverySignalInBothEncodings();
    void storesTheUpstreamSdkShapeRight();
    void answersPartialSuccessForRefusedRecords();
    void refusesHugeBodiesAndKeepsServing();
    void survivesTruncatedAndSlowRequests();
    void takesChunkedBodies();
    void handsAcceptedRecordsToLiveAndCapture();
    void refusesWhenItCannotTakeMore();
    void checksBearerTokenAndCors();
    void gatewayConvertsSdkRowsToTheServerDialect();
    void gatewayRefusesOtherStatements();

private:
    QUrl receiverUrl(const char* path) const;
    QString count(const QString& sql) const;

    ClickHouseFixture m_fixture;
    std::unique_ptr<LocalCollector> m_collector;
    HttpTestClient m_client;
    QTemporaryDir m_spoolDirectory;
};

void TestOtlpReceiver::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
}

void TestOtlpReceiver::init()
{
    for (const char* table : { "traces", "metrics", "logs" }) {
        bool ok = false;
        const QString answer = ClickHouseFixture::run(
            m_fixture.endpoint(), u"TRUNCATE TABLE telemetry.%1"_s.arg(QLatin1StringView(table)), &ok);
        QVERIFY2(ok, qPrintable(answer));
    }
    LocalCollector::Options options;
    options.clickHouse.endpoint = m_fixture.endpoint();
    options.clickHouse.endpoint.database = u"telemetry"_s;
    options.clickHouse.dialect = m_fixture.rowDialect();
    options.clickHouse.spoolPath = m_spoolDirectory.filePath(u"collector.spool"_s);
    options.receiver.port = 0;
    options.gateway.port = 0;
    options.receiver.bearerToken = QTest::currentTestFunction() == QByteArrayView("checksBearerTokenAndCors")
        ? QByteArray("s3cret")
        : QByteArray();
    m_collector = std::make_unique<LocalCollector>(options);
    QString error;
    QVERIFY2(m_collector->start(&error), qPrintable(error));
    QVERIFY(m_collector->receiver()->port() != 0);
}

void TestOtlpReceiver::cleanup()
{
    m_collector.reset();
}

QUrl TestOtlpReceiver::receiverUrl(const char* path) const
{
    return QUrl(m_collector->receiver()->url().toString() + QLatin1StringView(path));
}

QString TestOtlpReceiver::count(const QString& sql) const
{
    bool ok = false;
    const QString answer = ClickHouseFixture::run(m_fixture.endpoint(), sql, &ok).trimmed();
    return ok ? answer : u"error: "_s + answer;
}

void TestOtlpReceiver::answersBadRequestsWithTheirStatus_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("contentEncoding");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("message");

    const QByteArray spans = OtlpCodec::encodeTraces(RecordSamples::spans(), Encoding::Protobuf);
    QTest::addRow("unknown path") << QByteArray("POST") << QByteArray("/v1/spans") << protobuf << QByteArray() << spans
                                  << 404 << u"no OTLP endpoint at /v1/spans"_s;
    QTest::addRow("GET") << QByteArray("GET") << QByteArray("/v1/traces") << protobuf << QByteArray() << QByteArray()
                         << 405 << u"takes POST only"_s;
    QTest::addRow("PUT") << QByteArray("PUT") << QByteArray("/v1/logs") << json << QByteArray() << QByteArray("{}")
                         << 405 << u"takes POST only"_s;
    QTest::addRow("text/plain") << QByteArray("POST") << QByteArray("/v1/traces") << QByteArray("text/plain")
                                << QByteArray() << QByteArray("hello") << 415 << u"is not OTLP"_s;
    QTest::addRow("unknown encoding") << QByteArray("POST") << QByteArray("/v1/traces") << protobuf << QByteArray("br")
                                      << spans << 415 << u"Content-Encoding \"br\""_s;
    QTest::addRow("garbage protobuf") << QByteArray("POST") << QByteArray("/v1/traces") << protobuf << QByteArray()
                                      << QByteArray("\x0a\xff\xff\xff\x0f garbage", 12) << 400 << u"byte"_s;
    QTest::addRow("truncated protobuf")
        << QByteArray("POST") << QByteArray("/v1/metrics") << protobuf << QByteArray()
        << OtlpCodec::encodeMetrics(RecordSamples::metrics(), Encoding::Protobuf).chopped(7) << 400
        << u"runs past the end"_s;
    QTest::addRow("broken JSON") << QByteArray("POST") << QByteArray("/v1/logs") << json << QByteArray()
                                 << QByteArray(R"({"resourceLogs":[{)") << 400 << u"byte"_s;
    QTest::addRow("JSON of the wrong shape")
        << QByteArray("POST") << QByteArray("/v1/traces") << json << QByteArray()
        << QByteArray(R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":5}]}]}]})") << 400
        << u"resourceSpans[0].scopeSpans[0].spans[0].traceId"_s;
    QTest::addRow("corrupt gzip") << QByteArray("POST") << QByteArray("/v1/traces") << protobuf << QByteArray("gzip")
                                  << QByteArray("\x1f\x8b not really gzip") << 400 << u"gzip"_s;
    // 100 MiB of zeros compress to about 100 KiB: the bomb guard stops at the 64 MiB limit.
    QTest::addRow("gzip bomb") << QByteArray("POST") << QByteArray("/v1/logs") << json << QByteArray("gzip")
                               << Gzip::compress(QByteArray(100 << 20, '\0'), 9) << 413 << u"beyond the limit"_s;
}

void TestOtlpReceiver::answersBadRequestsWithTheirStatus()
{
    QFETCH(QByteArray, verb);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, contentEncoding);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, message);

    HttpTestClient::Headers headers { { "Content-Type", contentType } };
    if (!contentEncoding.isEmpty())
        headers.append(std::pair<QByteArray, QByteArray>("Content-Encoding", contentEncoding));
    const auto answer = m_client.send(verb, receiverUrl(path.constData()), body, headers);
    QCOMPARE(answer.status, status);
    // The body is a google.rpc.Status in the request's encoding, naming the problem.
    const Encoding encoding = contentType == protobuf ? Encoding::Protobuf : Encoding::Json;
    OtlpStatus decoded;
    QString error;
    QVERIFY2(OtlpStatus::decode(encoding, answer.body, &decoded, &error), qPrintable(error));
    QVERIFY2(QString::fromUtf8(decoded.message).contains(message), decoded.message.constData());
    if (status == 405)
        QCOMPARE(answer.header("Allow"), QByteArray("POST, OPTIONS"));

    // The receiver still serves others afterwards.
    const auto good =
        m_client.post(receiverUrl("/v1/logs"), json, OtlpCodec::encodeLogs(RecordSamples::logs(), Encoding::Json));
    QCOMPARE(good.status, 200);
    const auto statistics = m_collector->receiver()->statistics();
    QCOMPARE(statistics.answersByStatus.value(status), 1);
    QCOMPARE(statistics.accepted[ListenerStatistics::Logs], RecordSamples::logs().size());
}

void TestOtlpReceiver::storesEverySignalInBothEncodings_data()
{
    QTest::addColumn<bool>("useProtobuf");
    QTest::addColumn<QByteArray>("compression");
    QTest::addRow("protobuf") << true << QByteArray();
    QTest::addRow("protobuf gzip") << true << QByteArray("gzip");
    QTest::addRow("JSON") << false << QByteArray();
    QTest::addRow("JSON deflate") << false << QByteArray("deflate");
}

void TestOtlpReceiver::storesEverySignalInBothEncodings()
{
    QFETCH(bool, useProtobuf);
    QFETCH(QByteArray, compression);
    const Encoding encoding = useProtobuf ? Encoding::Protobuf : Encoding::Json;
    const QList<SpanRecord> spans = RecordSamples::realisticEvents(250);
    const QList<MetricPoint> metrics = RecordSamples::metrics();
    const QList<LogRecord> logs = RecordSamples::logs();
    const std::pair<const char*, QByteArray> requests[] = {
        { "/v1/traces", OtlpCodec::encodeTraces(spans, encoding) },
        { "/v1/metrics", OtlpCodec::encodeMetrics(metrics, encoding) },
        { "/v1/logs", OtlpCodec::encodeLogs(logs, encoding) },
    };
    for (const auto& [path, plain] : requests) {
        HttpTestClient::Headers headers;
        QByteArray body = plain;
        if (compression == "gzip") {
            body = Gzip::compress(plain);
            headers.append(std::pair<QByteArray, QByteArray>("Content-Encoding", "gzip"));
        } else if (compression == "deflate") {
            // The zlib format, as HTTP's "deflate" is defined: a gzip body's deflate part with a zlib header
            // would need zlib here, so raw deflate (which the receiver also takes) is made from gzip.
            const QByteArray gzip = Gzip::compress(plain);
            body = gzip.mid(10, gzip.size() - 18);
            headers.append(std::pair<QByteArray, QByteArray>("Content-Encoding", "deflate"));
        }
        const auto answer = m_client.post(receiverUrl(path), Otlp::contentType(encoding), body, headers);
        QVERIFY2(answer.status == 200,
            qPrintable(
                u"%1: %2 %3"_s.arg(QLatin1StringView(path)).arg(answer.status).arg(QString::fromUtf8(answer.body))));
        QCOMPARE(answer.header("Content-Type"), Otlp::contentType(encoding));
        // A 200 means stored: no waiting here.
    }
    QCOMPARE(count(u"SELECT count() FROM telemetry.traces"_s), QString::number(spans.size()));
    QCOMPARE(count(u"SELECT count() FROM telemetry.metrics"_s), QString::number(metrics.size()));
    QCOMPARE(count(u"SELECT count() FROM telemetry.logs"_s), QString::number(logs.size()));
    QCOMPARE(count(u"SELECT uniqExact(span_id) FROM telemetry.traces"_s), QString::number(spans.size()));
    const auto statistics = m_collector->receiver()->statistics();
    QCOMPARE(statistics.accepted[ListenerStatistics::Traces], spans.size());
    QCOMPARE(statistics.requests, 3);
    QVERIFY(statistics.bytesDecoded >= statistics.bytesReceived || compression.isEmpty());
}

void TestOtlpReceiver::storesTheUpstreamSdkShapeRight()
{
    const quint64 now = quint64(QDateTime::currentMSecsSinceEpoch()) * 1000000ull;
    const auto answer = m_client.post(receiverUrl("/v1/traces"), json, upstreamSdkError(now));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.body, QByteArray("{}"));
    QCOMPARE(count(u"SELECT trace_id, span_id, span_name, span_kind, status_code, status_message, service_name, "
                   "user_id, session_id, timestamp_ns FROM telemetry.traces FORMAT TSV"_s),
        u"00112233445566778899aabbccddeeff\t0011223344556677\tautomagik.error\tINTERNAL\tERROR\tbad input\t"
        "sdk-shape\tuser-7\tsession-9\t%1"_s.arg(now));
    const OtlpBends bends = m_collector->receiver()->statistics().bends;
    QCOMPARE(bends.at(OtlpBends::Bend::TraceIdOf32Bytes), 1);
    QCOMPARE(bends.at(OtlpBends::Bend::EnumAsName), 1);
    QCOMPARE(bends.at(OtlpBends::Bend::LargeIntegerAsNumber), 2);
    QCOMPARE(bends.at(OtlpBends::Bend::ResourceInsideSpan), 1);
    QCOMPARE(bends.at(OtlpBends::Bend::ErrorReportedOk), 1);
}

void TestOtlpReceiver::answersPartialSuccessForRefusedRecords()
{
    QList<SpanRecord> spans = RecordSamples::realisticEvents(5);
    spans[2].traceId = TraceId(); // absent: refused alone
    for (Encoding encoding : { Encoding::Protobuf, Encoding::Json }) {
        const auto answer = m_client.post(
            receiverUrl("/v1/traces"), Otlp::contentType(encoding), OtlpCodec::encodeTraces(spans, encoding));
        QCOMPARE(answer.status, 200);
        OtlpExportResponse response;
        QString error;
        QVERIFY2(OtlpExportResponse::decode(Otlp::Signal::Traces, encoding, answer.body, &response, &error),
            qPrintable(error));
        QVERIFY(response.partialSuccess);
        QCOMPARE(response.rejected, 1);
        QVERIFY2(response.errorMessage.contains("spans[2]"), response.errorMessage.constData());
    }
    QCOMPARE(count(u"SELECT count() FROM telemetry.traces"_s), u"8"_s);
    QCOMPARE(m_collector->receiver()->statistics().rejected[ListenerStatistics::Traces], 2);
}

void TestOtlpReceiver::refusesHugeBodiesAndKeepsServing()
{
    const auto answer = m_client.post(receiverUrl("/v1/traces"), protobuf, QByteArray(100 << 20, 'x'));
    QCOMPARE(answer.status, 413);
    OtlpStatus status;
    QString error;
    QVERIFY(OtlpStatus::decode(Encoding::Protobuf, answer.body, &status, &error));
    QVERIFY2(status.message.contains("over the limit"), status.message.constData());
    const auto good = m_client.post(receiverUrl("/v1/traces"), protobuf,
        OtlpCodec::encodeTraces(RecordSamples::realisticEvents(3), Encoding::Protobuf));
    QCOMPARE(good.status, 200);
    QCOMPARE(count(u"SELECT count() FROM telemetry.traces"_s), u"3"_s);
}

void TestOtlpReceiver::survivesTruncatedAndSlowRequests()
{
    const QByteArray body = OtlpCodec::encodeTraces(RecordSamples::realisticEvents(4), Encoding::Protobuf);
    const QByteArray head = "POST /v1/traces HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-protobuf\r\n"
                            "Content-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n";
    // A client that sends half its body and goes away.
    QTcpSocket truncated;
    truncated.connectToHost(QHostAddress::LocalHost, m_collector->receiver()->port());
    QVERIFY(truncated.waitForConnected(5000));
    truncated.write(head + body.first(body.size() / 2));
    QVERIFY(truncated.waitForBytesWritten(5000));
    truncated.close();

    // A slow client: the body in five pieces, the event loop running in between.
    QTcpSocket slow;
    slow.connectToHost(QHostAddress::LocalHost, m_collector->receiver()->port());
    QVERIFY(slow.waitForConnected(5000));
    slow.write(head);
    const qsizetype piece = body.size() / 5 + 1;
    for (qsizetype offset = 0; offset < body.size(); offset += piece) {
        slow.write(body.mid(offset, piece));
        slow.flush();
        QTest::qWait(100); // the slowness itself is what is tested, not a wait for a result
    }
    QTRY_VERIFY_WITH_TIMEOUT(slow.peek(1024).contains("\r\n\r\n"), 30000);
    QVERIFY2(slow.readAll().startsWith("HTTP/1.1 200"), "the slow request was not answered 200");
    QCOMPARE(count(u"SELECT count() FROM telemetry.traces"_s), u"4"_s);
}

void TestOtlpReceiver::takesChunkedBodies()
{
    // Transfer-Encoding: chunked, as clients that stream their bodies send them, in three chunks.
    const QByteArray body = OtlpCodec::encodeLogs(RecordSamples::logs(), Encoding::Protobuf);
    QByteArray request = "POST /v1/logs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-protobuf\r\n"
                         "Transfer-Encoding: chunked\r\n\r\n";
    const qsizetype piece = body.size() / 3 + 1;
    for (qsizetype offset = 0; offset < body.size(); offset += piece) {
        const QByteArray chunk = body.mid(offset, piece);
        request += QByteArray::number(chunk.size(), 16) + "\r\n" + chunk + "\r\n";
    }
    request += "0\r\n\r\n";
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_collector->receiver()->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write(request);
    QTRY_VERIFY_WITH_TIMEOUT(socket.peek(1024).contains("\r\n\r\n"), 30000);
    const QByteArray answer = socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200"), answer.constData());
    QCOMPARE(count(u"SELECT count() FROM telemetry.logs"_s), QString::number(RecordSamples::logs().size()));
}

namespace {
/// A capture sink that counts what it is handed (the capture work implements the real one).
class CountingSink final : public CaptureSink
{
public:
    void captureSpans(const QList<SpanRecord>& records) override { spans += records.size(); }
    void captureMetrics(const QList<MetricPoint>& points) override { metrics += points.size(); }
    void captureLogs(const QList<LogRecord>& records) override { logs += records.size(); }
    qsizetype spans = 0;
    qsizetype metrics = 0;
    qsizetype logs = 0;
};
} // namespace

void TestOtlpReceiver::handsAcceptedRecordsToLiveAndCapture()
{
    CountingSink sink;
    m_collector->receiver()->setCaptureSink(&sink);
    QSignalSpy live(m_collector->receiver(), &OtlpReceiver::spansReceived);
    QSignalSpy liveMetrics(m_collector->receiver(), &OtlpReceiver::metricsReceived);
    QList<SpanRecord> spans = RecordSamples::realisticEvents(6);
    spans[4].spanId = SpanId(); // refused alone: neither shown nor captured
    QCOMPARE(
        m_client.post(receiverUrl("/v1/traces"), protobuf, OtlpCodec::encodeTraces(spans, Encoding::Protobuf)).status,
        200);
    QCOMPARE(
        m_client
            .post(receiverUrl("/v1/metrics"), json, OtlpCodec::encodeMetrics(RecordSamples::metrics(), Encoding::Json))
            .status,
        200);
    QCOMPARE(live.size(), 1);
    QCOMPARE(live.first().first().value<QList<SpanRecord>>().size(), 5);
    QCOMPARE(liveMetrics.size(), 1);
    QCOMPARE(sink.spans, 5);
    QCOMPARE(sink.metrics, RecordSamples::metrics().size());
    QCOMPARE(sink.logs, 0);
    m_collector->receiver()->setCaptureSink(nullptr);
}

void TestOtlpReceiver::refusesWhenItCannotTakeMore()
{
    // A collector whose ClickHouse is away and whose spool is nearly full: 503 with Retry-After,
    // and nothing lost of what it did take. ClickHouse's absence is a closed port here.
    const quint16 deadPort = [] {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }();
    QTemporaryDir folder;
    LocalCollector::Options options;
    options.clickHouse.endpoint = m_fixture.endpoint();
    options.clickHouse.endpoint.url.setPort(deadPort);
    options.clickHouse.endpoint.database = u"telemetry"_s;
    options.clickHouse.dialect = m_fixture.rowDialect();
    options.clickHouse.spoolPath = folder.filePath(u"small.spool"_s);
    // Requests of a hundredth of the spool: one always fits below the 90% mark at which the
    // receiver starts refusing, so none waits in memory for room.
    options.clickHouse.spoolMaxBytes = 1 << 20;
    options.receiver.port = 0;
    options.withGateway = false;
    LocalCollector away(options);
    QString error;
    QVERIFY2(away.start(&error), qPrintable(error));
    const QUrl url(away.receiver()->url().toString() + u"/v1/traces"_s);
    const QByteArray body = OtlpCodec::encodeTraces(RecordSamples::realisticEvents(10), Encoding::Protobuf);
    int accepted = 0;
    HttpTestClient::Answer refused;
    for (int i = 0; i < 400 && refused.status == 0; ++i) {
        const auto answer = m_client.post(url, protobuf, body);
        if (answer.status == 200)
            ++accepted;
        else
            refused = answer;
    }
    QVERIFY2(accepted > 0, "nothing was taken into the spool");
    QCOMPARE(refused.status, 503);
    QCOMPARE(refused.header("Retry-After"), QByteArray("5"));
    QCOMPARE(away.exporter()->statistics().spooledRows, accepted * 10);

    // Too many records waiting for ClickHouse at once: 429.
    LocalCollector::Options busyOptions = options;
    busyOptions.clickHouse.spoolPath = folder.filePath(u"busy.spool"_s);
    busyOptions.receiver.maxRecordsInFlight = 0;
    LocalCollector busy(busyOptions);
    QVERIFY2(busy.start(&error), qPrintable(error));
    const auto throttled = m_client.post(QUrl(busy.receiver()->url().toString() + u"/v1/traces"_s), protobuf, body);
    QCOMPARE(throttled.status, 429);
    QCOMPARE(throttled.header("Retry-After"), QByteArray("1"));
}

void TestOtlpReceiver::checksBearerTokenAndCors()
{
    const QByteArray body = OtlpCodec::encodeLogs(RecordSamples::logs(), Encoding::Json);
    QCOMPARE(m_client.post(receiverUrl("/v1/logs"), json, body).status, 401);
    QCOMPARE(m_client.post(receiverUrl("/v1/logs"), json, body, { { "Authorization", "Bearer wrong" } }).status, 401);
    const auto unauthorised =
        m_client.post(receiverUrl("/v1/logs"), json, body, { { "Authorization", "Bearer s3cre" } });
    QCOMPARE(unauthorised.header("WWW-Authenticate"), QByteArray("Bearer"));
    QCOMPARE(unauthorised.status, 401);
    const auto allowed = m_client.post(receiverUrl("/v1/logs"), json, body,
        { { "Authorization", "Bearer s3cret" }, { "Origin", "http://localhost:5173" } });
    QCOMPARE(allowed.status, 200);
    QCOMPARE(allowed.header("Access-Control-Allow-Origin"), QByteArray("http://localhost:5173"));

    const auto preflight = m_client.send("OPTIONS", receiverUrl("/v1/traces"), {},
        { { "Origin", "http://127.0.0.1:3000" }, { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "content-type,authorization" } });
    QCOMPARE(preflight.status, 204);
    QCOMPARE(preflight.header("Access-Control-Allow-Origin"), QByteArray("http://127.0.0.1:3000"));
    QCOMPARE(preflight.header("Access-Control-Allow-Headers"), QByteArray("content-type,authorization"));
    QVERIFY(preflight.header("Access-Control-Allow-Methods").contains("POST"));
    const auto foreign = m_client.send("OPTIONS", receiverUrl("/v1/traces"), {},
        { { "Origin", "https://evil.example" }, { "Access-Control-Request-Method", "POST" } });
    QCOMPARE(foreign.status, 403);
    QVERIFY(foreign.header("Access-Control-Allow-Origin").isEmpty());
    QCOMPARE(count(u"SELECT count() FROM telemetry.logs"_s), QString::number(RecordSamples::logs().size()));
}

void TestOtlpReceiver::gatewayConvertsSdkRowsToTheServerDialect()
{
    const QUrl url(m_collector->gateway()->url().toString()
        + u"/?query=INSERT%20INTO%20telemetry.traces%20FORMAT%20JSONEachRow"_s);
    // As the upstream SDK's clickhouse backend sends them: 100 rows a request, gzip, basic auth.
    for (int request = 0; request < 3; ++request) {
        const auto answer = m_client.post(url, "application/x-ndjson",
            Gzip::compress(ndjsonTraceRows(100, "gateway-" + QByteArray::number(request), request)),
            { { "Content-Encoding", "gzip" }, { "Authorization", "Basic " + QByteArray("default:").toBase64() } });
        QVERIFY2(answer.status == 200, answer.body.constData());
        QVERIFY(answer.header("X-ClickHouse-Summary").contains(R"("written_rows":"100")"));
    }
    QCOMPARE(
        count(
            u"SELECT count(), uniqExact(span_id) FROM telemetry.traces WHERE service_name LIKE 'gateway-%' FORMAT TSV"_s),
        u"300\t300"_s);
    const QString attributes = m_fixture.rowDialect() == ClickHouseRowMapper::Dialect::Legacy
        ? u"SELECT attributes.key, attributes.value FROM telemetry.traces WHERE span_name = 'event7' AND service_name = 'gateway-1' FORMAT TSV"_s
        : u"SELECT mapKeys(attributes), mapValues(attributes) FROM telemetry.traces WHERE span_name = 'event7' AND service_name = 'gateway-1' FORMAT TSV"_s;
    QCOMPARE(count(attributes), u"['feature','count']\t['x7','3']"_s);
    QCOMPARE(m_collector->gateway()->statistics().accepted[ListenerStatistics::Traces], 300);

    // A bad line is refused with its number, and, as ClickHouse does, nothing of that insert is
    // stored: the client can send the corrected batch again without doubling the good rows.
    QByteArray mixed = ndjsonTraceRows(3, "gateway-mixed", 7);
    mixed.insert(mixed.indexOf('\n') + 1, "{not json\n");
    const auto partial = m_client.post(url, "application/x-ndjson", mixed);
    QCOMPARE(partial.status, 400);
    QVERIFY2(partial.body.startsWith("Code: 117.") && partial.body.contains("row 2"), partial.body.constData());
    QCOMPARE(count(u"SELECT count() FROM telemetry.traces WHERE service_name = 'gateway-mixed'"_s), u"0"_s);

    // Rows the server itself refuses (a column the table does not have) fail that request alone,
    // with the server's message, and do not hold up the next one.
    const auto unknownColumn = m_client.post(url, "application/x-ndjson",
        R"({"span_id":"nocolumn","timestamp_ns":1,"no_such_column":"x"})"
        "\n");
    QCOMPARE(unknownColumn.status, 400);
    QVERIFY2(unknownColumn.body.contains("no_such_column"), unknownColumn.body.constData());
    const auto after = m_client.post(url, "application/x-ndjson", ndjsonTraceRows(2, "gateway-after", 8));
    QVERIFY2(after.status == 200, after.body.constData());
    QCOMPARE(count(u"SELECT count() FROM telemetry.traces WHERE service_name = 'gateway-after'"_s), u"2"_s);
    QCOMPARE(m_collector->exporter()->statistics().spooledRows, 0);
}

void TestOtlpReceiver::gatewayRefusesOtherStatements()
{
    const QString base = m_collector->gateway()->url().toString();
    QCOMPARE(m_client.send("GET", QUrl(base + u"/ping"_s)).body, QByteArray("Ok.\n"));
    const auto select = m_client.send("GET", QUrl(base + u"/?query=SELECT%201"_s));
    QCOMPARE(select.status, 400);
    QVERIFY2(select.body.startsWith("Code: 48. DB::Exception:") && select.body.contains("ClickHouse itself"),
        select.body.constData());
    const auto drop = m_client.post(QUrl(base + u"/"_s), "text/plain", "DROP TABLE telemetry.traces");
    QCOMPARE(drop.status, 400);
    const auto otherTable =
        m_client.post(QUrl(base + u"/?query=INSERT%20INTO%20telemetry.users%20FORMAT%20JSONEachRow"_s),
            "application/x-ndjson", "{}\n");
    QCOMPARE(otherTable.status, 404);
    QVERIFY(otherTable.body.startsWith("Code: 60."));
    const auto otherFormat =
        m_client.post(QUrl(base + u"/?query=INSERT%20INTO%20telemetry.traces%20FORMAT%20CSV"_s), "text/csv", "1,2\n");
    QCOMPARE(otherFormat.status, 400);
    QVERIFY(otherFormat.body.contains("JSONEachRow"));
    QCOMPARE(count(u"SELECT count() FROM system.tables WHERE database = 'telemetry' AND name = 'traces'"_s), u"1"_s);
}

QTEST_GUILESS_MAIN(TestOtlpReceiver)
#include "tst_otlpreceiver.moc"
