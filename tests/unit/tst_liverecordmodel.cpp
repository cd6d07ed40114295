#include "livefiltermodel.h"
#include "liverecordmodel.h"
#include "telemetry/sdkrecordbuilder.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

/// The Live page's tail: newest first, batched updates, a ring that keeps the newest, a pause
/// that loses nothing it can show and counts what it cannot, and the filters.
class TestLiveRecordModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newestFirstInOneUpdate();
    void theRingKeepsTheNewestAndCountsTheRest();
    void pauseKeepsArrivalsForTheResume();
    void filters_data();
    void filters();
    void detailHasAttributesResourceAndScope();
    void aFilteredTailOverflowsCleanly();
    void aLogWithOnlyASeverityTextIsFilteredByIt();

private:
    static SdkRecordBuilder builder(const QString& project)
    {
        SdkIdentity identity;
        identity.projectName = project;
        identity.projectVersion = u"1.0"_s;
        return SdkRecordBuilder(identity, SystemInfo::current(identity.flavor));
    }
    static QList<SpanRecord> events(int count, const QString& project = u"svc"_s)
    {
        const SdkRecordBuilder make = builder(project);
        QList<SpanRecord> spans;
        for (int i = 0; i < count; ++i)
            spans.append(make.trackEvent(u"event.%1"_s.arg(i), { { u"n"_s, i } }));
        return spans;
    }
    static QString name(const QAbstractItemModel& model, int row)
    {
        return model.index(row, LiveRecordModel::NameColumn).data().toString();
    }
};

void TestLiveRecordModel::newestFirstInOneUpdate()
{
    LiveRecordModel model(100);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    model.addSpans(events(3));
    model.addLogs({ builder(u"svc"_s).trackLog(u"hello"_s, 13) });
    QCOMPARE(model.rowCount(), 0); // shown at the next update, not one by one
    QCOMPARE(model.waitingCount(), 4);
    QTRY_COMPARE(model.rowCount(), 4);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(name(model, 0), u"hello"_s);
    QCOMPARE(model.index(0, LiveRecordModel::LevelColumn).data().toString(), u"WARN"_s);
    QCOMPARE(model.index(0, LiveRecordModel::SignalColumn).data().toString(), u"log"_s);
    QCOMPARE(name(model, 3), u"event.0"_s);
    QCOMPARE(model.index(3, LiveRecordModel::ServiceColumn).data().toString(), u"svc"_s);
    QCOMPARE(model.index(3, LiveRecordModel::TraceColumn).data().toString().size(), 32);
    QCOMPARE(model.received(LiveRecordModel::Span), 3);
    QCOMPARE(model.received(LiveRecordModel::Log), 1);
}

void TestLiveRecordModel::theRingKeepsTheNewestAndCountsTheRest()
{
    LiveRecordModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addSpans(events(8));
    model.flush();
    model.addSpans(events(5));
    model.flush();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.evicted(), 3);
    QCOMPARE(name(model, 0), u"event.4"_s); // the newest batch on top
    QCOMPARE(name(model, 9), u"event.3"_s); // event.0-2 of the first batch left
    model.addSpans(events(25)); // more than the list holds in one update
    model.flush();
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(name(model, 0), u"event.24"_s);
    QCOMPARE(name(model, 9), u"event.15"_s);
    QCOMPARE(model.evicted(), 3 + 10); // the rows the 10 newest pushed out
    QCOMPARE(model.notShown(), 15); // came in the same update as newer ones, never on screen
    QCOMPARE(model.received(LiveRecordModel::Span), 38);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.received(LiveRecordModel::Span), 0);
}

void TestLiveRecordModel::pauseKeepsArrivalsForTheResume()
{
    LiveRecordModel model(10);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addSpans(events(2));
    model.flush();
    model.setPaused(true);
    model.addSpans(events(6));
    model.flush(); // the timer's update does nothing while paused
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.waitingCount(), 6);
    QCOMPARE(model.droppedWhilePaused(), 0);
    model.addSpans(events(7, u"late"_s)); // 13 waiting: more than the list holds
    QCOMPARE(model.waitingCount(), 10);
    QCOMPARE(model.droppedWhilePaused(), 3);
    model.setPaused(false);
    QCOMPARE(model.rowCount(), 10);
    QCOMPARE(model.waitingCount(), 0);
    QCOMPARE(name(model, 0), u"event.6"_s);
    QCOMPARE(model.index(0, LiveRecordModel::ServiceColumn).data().toString(), u"late"_s);
    QCOMPARE(name(model, 9), u"event.3"_s); // of the 6 first waiting, the 3 oldest were dropped
}

void TestLiveRecordModel::filters_data()
{
    QTest::addColumn<int>("mask");
    QTest::addColumn<QString>("service");
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("severity");
    QTest::addColumn<QString>("search");
    QTest::addColumn<QStringList>("shown");

    const QStringList all { u"boom"_s, u"fine"_s, u"queue.depth"_s, u"checkout.done"_s, u"login"_s };
    QTest::newRow("everything") << 0b111 << QString() << QString() << 0 << QString() << all;
    QTest::newRow("logs") << (1 << LiveRecordModel::Log) << QString() << QString() << 0 << QString()
                          << QStringList { u"boom"_s, u"fine"_s };
    QTest::newRow("errors and up") << 0b111 << QString() << QString() << 17 << QString()
                                   << QStringList { u"boom"_s, u"queue.depth"_s, u"checkout.done"_s, u"login"_s };
    QTest::newRow("service") << 0b111 << u"SHOP"_s << QString() << 0 << QString() << QStringList { u"checkout.done"_s };
    QTest::newRow("name") << 0b111 << QString() << u"depth"_s << 0 << QString() << QStringList { u"queue.depth"_s };
    QTest::newRow("search a level") << 0b111 << QString() << QString() << 0 << u"gauge"_s
                                    << QStringList { u"queue.depth"_s };
    QTest::newRow("nothing") << (1 << LiveRecordModel::Metric) << u"shop"_s << QString() << 0 << QString()
                             << QStringList();
}

void TestLiveRecordModel::filters()
{
    QFETCH(int, mask);
    QFETCH(QString, service);
    QFETCH(QString, name);
    QFETCH(int, severity);
    QFETCH(QString, search);
    QFETCH(QStringList, shown);
    LiveRecordModel model;
    LiveFilterModel filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.addSpans({ builder(u"auth"_s).trackEvent(u"login"_s) });
    model.addSpans({ builder(u"shop"_s).trackEvent(u"checkout.done"_s) });
    model.addMetrics({ builder(u"worker"_s).trackMetric(u"queue.depth"_s, 3) });
    model.addLogs({ builder(u"worker"_s).trackLog(u"fine"_s, 9), builder(u"worker"_s).trackLog(u"boom"_s, 17) });
    model.flush();
    filter.setSignalMask(mask);
    filter.setService(service);
    filter.setName(name);
    filter.setMinimumSeverity(severity);
    filter.setSearchText(search);
    QStringList names;
    for (int row = 0; row < filter.rowCount(); ++row)
        names.append(filter.index(row, LiveRecordModel::NameColumn).data().toString());
    QCOMPARE(names, shown);
    // Rows streaming in are filtered as they arrive.
    model.addSpans({ builder(u"shop"_s).trackEvent(u"checkout.later"_s) });
    model.flush();
    const bool passes = (mask & (1 << LiveRecordModel::Span)) && name.isEmpty() && search.isEmpty()
        && (service.isEmpty() || service.compare(u"shop"_s, Qt::CaseInsensitive) == 0);
    QCOMPARE(filter.rowCount(), int(shown.size()) + (passes ? 1 : 0));
}

void TestLiveRecordModel::detailHasAttributesResourceAndScope()
{
    LiveRecordModel model;
    model.addSpans({ builder(u"billing"_s).trackEvent(u"invoice.sent"_s, { { u"amount"_s, 12.5 } }) });
    model.flush();
    const QString detail = model.detailText(0);
    for (const QString& part : { u"\"resourceSpans\""_s, u"\"service.name\""_s, u"\"billing\""_s, u"\"scope\""_s,
             u"\"billing.telemetry\""_s, u"\"amount\""_s, u"12.5"_s, u"\"invoice.sent\""_s })
        QVERIFY2(detail.contains(part), qPrintable(part + u" in\n"_s + detail));
    QVERIFY(detail.count(u'\n') > 10); // laid out, not one line
    QCOMPARE(model.detailText(1), QString());
}

void TestLiveRecordModel::aFilteredTailOverflowsCleanly()
{
    // Rows leave at the bottom and come in on top in the same update, through a filter; the
    // tester checks every signal of both models.
    LiveRecordModel model(5);
    LiveFilterModel filter;
    filter.setSourceModel(&model);
    filter.setName(u"7"_s); // only event.7 passes
    QAbstractItemModelTester sourceTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int round = 0; round < 6; ++round) {
        model.addSpans(events(4 + round));
        model.flush();
    }
    QCOMPARE(model.rowCount(), 5);
    QStringList names;
    for (int row = 0; row < filter.rowCount(); ++row)
        names.append(name(filter, row));
    // The last batch was event.0..8: its newest five are shown, the other four never were.
    QCOMPARE(names, QStringList { u"event.7"_s });
    QCOMPARE(name(model, 0), u"event.8"_s);
    QCOMPARE(name(model, 4), u"event.4"_s);
    QCOMPARE(model.notShown(), 1 + 2 + 3 + 4); // each batch over five left its oldest unshown
}

void TestLiveRecordModel::aLogWithOnlyASeverityTextIsFilteredByIt()
{
    LiveRecordModel model;
    LiveFilterModel filter;
    filter.setSourceModel(&model);
    LogRecord textOnly = builder(u"svc"_s).trackLog(u"text only"_s, 0);
    textOnly.severityText = "Error";
    LogRecord quiet = builder(u"svc"_s).trackLog(u"quiet"_s, 0);
    quiet.severityText = "debug";
    model.addLogs({ textOnly, quiet });
    model.flush();
    filter.setMinimumSeverity(17);
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(name(filter, 0), u"text only"_s);
}

QTEST_GUILESS_MAIN(TestLiveRecordModel)
#include "tst_liverecordmodel.moc"
