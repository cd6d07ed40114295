#include "sendhistorymodel.h"
#include "sendtemplate.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

/// The Send page's list of sends (newest first, how each went, the SQL that finds its rows) and
/// its templates (built in, saved, and saved files that are partly wrong).
class TestSendHistoryModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sendsAreListedNewestFirst();
    void statusSaysHowItWent_data();
    void statusSaysHowItWent();
    void lookUpSqlFindsTheSendsTable();
    void templatesRoundTrip();
    void aBadTemplateFileKeepsTheGoodOnes();

private:
    static SendRunner::Outcome outcome(const QString& name, qint64 sent, qint64 delivered);
};

SendRunner::Outcome TestSendHistoryModel::outcome(const QString& name, qint64 sent, qint64 delivered)
{
    SendRunner::Outcome result;
    result.started = QDateTime::fromSecsSinceEpoch(1'764'000'000);
    result.request.name = name;
    result.request.count = sent;
    result.projectName = u"shop"_s;
    result.summary.sent = sent;
    result.summary.statistics.delivered = delivered;
    result.summary.statistics.requests = 1;
    result.summary.statistics.bytesRaw = 2048;
    result.summary.statistics.bytesSent = 700;
    result.summary.statistics.lastLatencyMs = 12;
    result.payload = u"payload of "_s + name;
    return result;
}

void TestSendHistoryModel::sendsAreListedNewestFirst()
{
    SendHistoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.add(outcome(u"first"_s, 1, 1));
    model.add(outcome(u"second"_s, 3, 2));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, SendHistoryModel::NameColumn).data().toString(), u"second"_s);
    QCOMPARE(model.index(1, SendHistoryModel::NameColumn).data().toString(), u"first"_s);
    QCOMPARE(model.index(0, SendHistoryModel::DeliveredColumn).data().toLongLong(), 2);
    QCOMPARE(model.index(0, SendHistoryModel::LatencyColumn).data().toString(), u"12 ms"_s);
    QVERIFY(model.index(0, SendHistoryModel::BytesColumn).data().toString().contains(u"→"_s));
    QCOMPARE(model.index(1, 0).data(SendHistoryModel::PayloadRole).toString(), u"payload of first"_s);
    QCOMPARE(model.index(1, 0).data(SendHistoryModel::SucceededRole).toBool(), true);
    QCOMPARE(model.index(0, 0).data(SendHistoryModel::SucceededRole).toBool(), false);
    QCOMPARE(model.headerData(SendHistoryModel::StatusColumn, Qt::Horizontal).toString(), u"Status"_s);
    for (int i = 0; i < SendHistoryModel::limit; ++i)
        model.add(outcome(u"more"_s, 1, 1));
    QCOMPARE(model.rowCount(), SendHistoryModel::limit);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestSendHistoryModel::statusSaysHowItWent_data()
{
    QTest::addColumn<SendRunner::Outcome>("outcome");
    QTest::addColumn<QString>("expected");
    QTest::newRow("delivered") << outcome(u"a"_s, 5, 5) << u"Delivered"_s;
    SendRunner::Outcome cancelled = outcome(u"a"_s, 40, 40);
    cancelled.request.count = 100;
    cancelled.summary.cancelled = true;
    QTest::newRow("cancelled") << cancelled << u"Cancelled after 40 of 100"_s;
    SendRunner::Outcome failed = outcome(u"a"_s, 5, 3);
    failed.summary.statistics.failed = 2;
    failed.summary.statistics.lastError = u"HTTP 400"_s;
    QTest::newRow("failed") << failed << u"2 failed: HTTP 400"_s;
    SendRunner::Outcome spooled = outcome(u"a"_s, 5, 0);
    spooled.summary.statistics.spooled = 5;
    spooled.summary.statistics.lastError = u"Connection refused"_s;
    QTest::newRow("spooled") << spooled << u"5 in the spool, sent when the endpoint answers: Connection refused"_s;
    SendRunner::Outcome notStarted;
    notStarted.startError = u"the spool cannot be opened"_s;
    QTest::newRow("not started") << notStarted << u"Not sent: the spool cannot be opened"_s;
}

void TestSendHistoryModel::statusSaysHowItWent()
{
    QFETCH(SendRunner::Outcome, outcome);
    QFETCH(QString, expected);
    QCOMPARE(SendHistoryModel::statusText(outcome), expected);
}

void TestSendHistoryModel::lookUpSqlFindsTheSendsTable()
{
    SendRunner::Outcome sent = outcome(u"it's %1"_s, 1, 1); // a %1 in a name stays as typed
    sent.totalMs = 2500;
    sent.request.signal = SendRequest::Signal::Log;
    const QString sql = SendHistoryModel::lookUpSql(sent, u"telemetry"_s);
    QVERIFY2(sql.contains(u".logs"_s), qPrintable(sql));
    QVERIFY2(sql.contains(u"body = 'it\\'s %1'"_s), qPrintable(sql));
    QVERIFY2(sql.contains(u"project_name = 'shop'"_s), qPrintable(sql));
    QVERIFY2(sql.contains(u"timestamp BETWEEN toDateTime(1763999999) AND toDateTime(1764000003)"_s), qPrintable(sql));
    sent.request.signal = SendRequest::Signal::Error;
    QVERIFY(SendHistoryModel::lookUpSql(sent, u"telemetry"_s).contains(u"span_name = 'automagik.error'"_s));
}

void TestSendHistoryModel::templatesRoundTrip()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"templates.json"_s);
    QList<SendTemplate> templates = SendTemplate::builtIns();
    QVERIFY(templates.size() >= 6);
    SendTemplate mine;
    mine.title = u"checkout"_s;
    mine.signal = SendRequest::Signal::Metric;
    mine.name = u"cart.value"_s;
    mine.value = 99.5;
    mine.metricKind = SdkRecordBuilder::MetricKind::Counter;
    mine.attributes = { { u"currency"_s, AttributeTableModel::Type::String, u"BRL"_s },
        { u"items"_s, AttributeTableModel::Type::Int, u"3"_s } };
    templates.append(mine);
    QString error;
    QVERIFY2(SendTemplate::save(path, templates, &error), qPrintable(error));
    QStringList problems;
    const QList<SendTemplate> loaded = SendTemplate::load(path, &problems);
    QVERIFY(problems.isEmpty());
    QCOMPARE(loaded.size(), 1); // built-ins are not saved
    QCOMPARE(loaded.first().toJson(), mine.toJson());
    QCOMPARE(SendTemplate::load(folder.filePath(u"none.json"_s), &problems).size(), 0);
    QVERIFY(problems.isEmpty());
}

void TestSendHistoryModel::aBadTemplateFileKeepsTheGoodOnes()
{
    QTemporaryDir folder;
    const QString path = folder.filePath(u"templates.json"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"([{"title":"good","signal":"log","name":"hello","severity":13},
        {"title":"bad signal","signal":"trace","name":"x"},
        {"title":"bad severity","signal":"log","name":"x","severity":99},
        {"signal":"event","name":"untitled"}])");
    file.close();
    QStringList problems;
    const QList<SendTemplate> loaded = SendTemplate::load(path, &problems);
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(loaded.first().severity, 13);
    QCOMPARE(problems.size(), 3);
    QVERIFY2(problems.at(0).contains(u"template 2: \"bad signal\": signal is not known"_s), qPrintable(problems.at(0)));
    QVERIFY2(problems.at(1).contains(u"severity 99"_s), qPrintable(problems.at(1)));
    QVERIFY2(problems.at(2).contains(u"template 4: no \"title\""_s), qPrintable(problems.at(2)));

    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write("{not json");
    file.close();
    problems.clear();
    QCOMPARE(SendTemplate::load(path, &problems).size(), 0);
    QCOMPARE(problems.size(), 1);
    QVERIFY2(problems.first().contains(u"at offset"_s), qPrintable(problems.first()));
}

QTEST_GUILESS_MAIN(TestSendHistoryModel)
#include "tst_sendhistorymodel.moc"
