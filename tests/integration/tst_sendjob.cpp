#include "capture/clickhousereplayoutput.h"
#include "capture/sendjob.h"
#include "clickhousefixture.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(SendRequest::Signal)

/// SendJob, the engine of `send` (and of the Send page, through SendRunner), against a real ClickHouse
/// through the direct backend: every record it says it sent is stored, with the SDKs' shape, at
/// the rate asked for, and a cancel stops it without losing what was handed over.
class TestSendJob final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everySignalArrives_data();
    void everySignalArrives();
    void rateIsKept();
    void highRateGoesInTicks();
    void cancelKeepsWhatWasSent();
    void signalNames();

private:
    std::unique_ptr<ClickHouseReplayOutput> startedOutput();
    /// Runs the job to its end and returns its summary.
    SendJob::Summary run(const SendRequest& request, ReplayOutput* output, QList<qint64>* progress = nullptr);
    qint64 count(const QString& table, const QString& name);

    ClickHouseFixture m_fixture;
    SdkRecordBuilder m_builder { [] {
                                    SdkIdentity identity;
                                    identity.projectName = u"send-job-test"_s;
                                    identity.projectVersion = u"1.2.3"_s;
                                    return identity;
                                }(),
        SystemInfo::current(SdkIdentity::Flavor::Python) };
};

void TestSendJob::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
}

std::unique_ptr<ClickHouseReplayOutput> TestSendJob::startedOutput()
{
    ClickHouseBackendConfig config;
    config.endpoint = m_fixture.endpoint();
    config.endpoint.database = u"telemetry"_s;
    config.dialect = m_fixture.rowDialect();
    config.mode = ClickHouseBackendConfig::Mode::Throughput;
    config.flushIntervalMs = 200;
    auto output = std::make_unique<ClickHouseReplayOutput>(config);
    QString error;
    if (!output->start(&error)) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    return output;
}

SendJob::Summary TestSendJob::run(const SendRequest& request, ReplayOutput* output, QList<qint64>* progress)
{
    SendJob job(request, m_builder, output);
    QSignalSpy finished(&job, &SendJob::finished);
    if (progress)
        connect(&job, &SendJob::progressed, this, [progress](qint64 sent, qint64) { progress->append(sent); });
    job.start();
    if (!finished.wait(120'000))
        return {};
    return finished.first().first().value<SendJob::Summary>();
}

qint64 TestSendJob::count(const QString& table, const QString& name)
{
    static const QHash<QString, QString> nameColumn { { u"traces"_s, u"span_name"_s },
        { u"metrics"_s, u"metric_name"_s }, { u"logs"_s, u"body"_s } };
    return ClickHouseFixture::run(m_fixture.endpoint(),
        u"SELECT count() FROM telemetry.%1 WHERE %2 = '%3' AND project_name = 'send-job-test'"_s.arg(
            table, nameColumn.value(table), name))
        .trimmed()
        .toLongLong();
}

void TestSendJob::everySignalArrives_data()
{
    QTest::addColumn<SendRequest::Signal>("signal");
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("stored"); ///< what the name column holds
    QTest::addRow("event") << SendRequest::Signal::Event << u"traces"_s << u"job.event"_s;
    QTest::addRow("error") << SendRequest::Signal::Error << u"traces"_s << u"automagik.error"_s;
    QTest::addRow("metric") << SendRequest::Signal::Metric << u"metrics"_s << u"job.metric"_s;
    QTest::addRow("log") << SendRequest::Signal::Log << u"logs"_s << u"job log line"_s;
}

void TestSendJob::everySignalArrives()
{
    QFETCH(SendRequest::Signal, signal);
    QFETCH(QString, table);
    QFETCH(QString, stored);
    const std::unique_ptr<ClickHouseReplayOutput> output = startedOutput();
    QVERIFY(output);
    SendRequest request;
    request.signal = signal;
    request.name = signal == SendRequest::Signal::Error ? u"JobError"_s : stored;
    request.message = u"it broke"_s;
    request.attributes = { { u"plan"_s, u"pro"_s }, { u"seats"_s, 3 } };
    request.count = 2500; // more than one chunk
    QList<qint64> progress;
    const SendJob::Summary summary = run(request, output.get(), &progress);
    QCOMPARE(summary.sent, 2500);
    QVERIFY(!summary.cancelled);
    QVERIFY2(summary.statistics.delivered == 2500, qPrintable(summary.statistics.lastError));
    QCOMPARE(summary.statistics.failed, 0);
    QVERIFY(progress.size() >= 3);
    QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
    QCOMPARE(progress.last(), 2500);
    if (signal == SendRequest::Signal::Error) {
        // The SDKs' error shape: an automagik.error span, status ERROR with the message.
        QCOMPARE(ClickHouseFixture::run(m_fixture.endpoint(),
                     u"SELECT DISTINCT status_code, status_message FROM telemetry.traces WHERE span_name = "
                     "'automagik.error' AND project_name = 'send-job-test'"_s)
                     .trimmed(),
            u"ERROR\tit broke"_s);
    }
    QCOMPARE(count(table, stored), 2500);
}

void TestSendJob::rateIsKept()
{
    // 40 records at 100 per second: the last goes out 390 ms after the first, not at once.
    const std::unique_ptr<ClickHouseReplayOutput> output = startedOutput();
    QVERIFY(output);
    SendRequest request;
    request.name = u"job.rated"_s;
    request.count = 40;
    request.rate = 100;
    QList<qint64> progress;
    const SendJob::Summary summary = run(request, output.get(), &progress);
    QCOMPARE(summary.sent, 40);
    qInfo("40 records at 100/s took %lld ms, in %lld steps", summary.elapsedMs, qint64(progress.size()));
    QVERIFY2(summary.elapsedMs >= 390, qPrintable(QString::number(summary.elapsedMs)));
    QVERIFY(progress.size() >= 10); // spread out, not one burst
    QCOMPARE(count(u"traces"_s, u"job.rated"_s), 40);
}

void TestSendJob::highRateGoesInTicks()
{
    // 5,000 records at 10,000 per second: the records due within a tick go together. One
    // handover per record (the job once armed a timer for each) kept a core busy.
    const std::unique_ptr<ClickHouseReplayOutput> output = startedOutput();
    QVERIFY(output);
    SendRequest request;
    request.name = u"job.fast"_s;
    request.count = 5000;
    request.rate = 10'000;
    QList<qint64> progress;
    const SendJob::Summary summary = run(request, output.get(), &progress);
    QCOMPARE(summary.sent, 5000);
    qInfo("5,000 records at 10,000/s took %lld ms, in %lld steps", summary.elapsedMs, qint64(progress.size()));
    QVERIFY2(summary.elapsedMs >= 499, qPrintable(QString::number(summary.elapsedMs)));
    QVERIFY2(progress.size() <= summary.elapsedMs / SendJob::tickMs + 5, qPrintable(QString::number(progress.size())));
    QVERIFY(progress.size() >= 10); // still spread out over the half second
    QCOMPARE(count(u"traces"_s, u"job.fast"_s), 5000);
}

void TestSendJob::cancelKeepsWhatWasSent()
{
    const std::unique_ptr<ClickHouseReplayOutput> output = startedOutput();
    QVERIFY(output);
    SendRequest request;
    request.name = u"job.cancelled"_s;
    request.count = 1'000'000;
    SendJob job(request, m_builder, output.get());
    QSignalSpy finished(&job, &SendJob::finished);
    connect(&job, &SendJob::progressed, &job, [&job](qint64 sent, qint64) {
        if (sent >= 3000)
            job.cancel();
    });
    job.start();
    QVERIFY(finished.wait(120'000));
    const auto summary = finished.first().first().value<SendJob::Summary>();
    QVERIFY(summary.cancelled);
    QCOMPARE(summary.sent, 3000);
    QVERIFY(!job.isRunning());
    QCOMPARE(summary.statistics.delivered, 3000);
    QCOMPARE(count(u"traces"_s, u"job.cancelled"_s), 3000);
}

void TestSendJob::signalNames()
{
    for (SendRequest::Signal signal : { SendRequest::Signal::Event, SendRequest::Signal::Error,
             SendRequest::Signal::Metric, SendRequest::Signal::Log })
        QCOMPARE(SendRequest::signalFromName(SendRequest::signalName(signal)), signal);
    QCOMPARE(SendRequest::signalName(SendRequest::Signal::Metric), u"metric"_s);
    QVERIFY(!SendRequest::signalFromName(u"nope"));
    QVERIFY(!SendRequest::signalFromName(u"Event")); // names are lower case, as on the command line
}

QTEST_GUILESS_MAIN(TestSendJob)
#include "tst_sendjob.moc"
