#include "capture/replayfilter.h"
#include "capture/replaytransform.h"
#include "recordsamples.h"

#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {
const AttributeValue* attribute(const Attributes& attributes, const char* key)
{
    return findAttribute(attributes, key);
}

SpanRecord spanWithParent(quint8 trace, quint8 span, quint8 parent)
{
    SpanRecord record = RecordSamples::realisticEvents(1).first();
    record.traceId = RecordSamples::traceId(trace);
    record.spanId = RecordSamples::spanId(span);
    record.parentSpanId = RecordSamples::spanId(parent);
    return record;
}
} // namespace

/// What a replay changes in a record: times shifted, ids remapped consistently (parents and log
/// correlations follow, loops differ, no two ids collide), the replay id on the resource and a
/// sequence number per signal; and the filter's conditions.
class TestReplayTransform final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shiftsEveryTimestamp();
    void withoutAShiftListsStayShared();
    void remapsIdsConsistently();
    void remapIsAPermutation();
    void tagsTheResourceAndNumbersRecords();
    void leavesIdsAloneUnlessAsked();
    void filterConditions();
    void filterRejectsUnknownConditions_data();
    void filterRejectsUnknownConditions();
};

void TestReplayTransform::shiftsEveryTimestamp()
{
    // An absent time (0) stays absent; every other moves by the shift.
    auto shifted = [](quint64 time) { return time == 0 ? quint64(0) : time + 1000; };
    QVERIFY(RecordSamples::spans().first().startTimeUnixNano != 0);
    ReplayTransform transform({ 1000, false, 0, "r1" });
    SpanRecord span = RecordSamples::spans().first();
    const SpanRecord before = span;
    transform.apply(&span);
    QCOMPARE(span.startTimeUnixNano, shifted(before.startTimeUnixNano));
    QCOMPARE(span.endTimeUnixNano, shifted(before.endTimeUnixNano));
    for (qsizetype i = 0; i < span.events.size(); ++i)
        QCOMPARE(span.events.at(i).timeUnixNano, shifted(before.events.at(i).timeUnixNano));
    LogRecord log = RecordSamples::logs().first();
    const LogRecord logBefore = log;
    transform.apply(&log);
    QCOMPARE(log.timeUnixNano, shifted(logBefore.timeUnixNano));
    QCOMPARE(log.observedTimeUnixNano, shifted(logBefore.observedTimeUnixNano));
    MetricPoint point = RecordSamples::metrics().first();
    const MetricPoint pointBefore = point;
    transform.apply(&point);
    QCOMPARE(point.timeUnixNano, shifted(pointBefore.timeUnixNano));
}

void TestReplayTransform::withoutAShiftListsStayShared()
{
    // Nothing moves, so a span's events are not copied (the list stays shared with the capture's
    // block); a time past 2^63 ns is still treated as in any replay, the same for a span and its events.
    ReplayTransform transform({ 0, false, 0, "r1" });
    SpanRecord span = RecordSamples::spans().first();
    QVERIFY(!span.events.isEmpty());
    const SpanRecord before = span;
    transform.apply(&span);
    QVERIFY(span.events.isSharedWith(before.events));
    QCOMPARE(span.events, before.events);
    QCOMPARE(span.startTimeUnixNano, before.startTimeUnixNano);
    span.startTimeUnixNano = quint64(1) << 63;
    span.events[0].timeUnixNano = quint64(1) << 63;
    transform.apply(&span);
    QCOMPARE(span.startTimeUnixNano, quint64(1));
    QCOMPARE(span.events.at(0).timeUnixNano, quint64(1));
    // The same for a metric point's exemplars.
    MetricPoint point = RecordSamples::metrics().first();
    point.exemplars = { Exemplar {}, Exemplar {} };
    point.exemplars[0].timeUnixNano = 1'700'000'000'000'000'000;
    const MetricPoint pointBefore = point;
    transform.apply(&point);
    QVERIFY(point.exemplars.isSharedWith(pointBefore.exemplars));
    point.exemplars[1].timeUnixNano = quint64(1) << 63;
    transform.apply(&point);
    QCOMPARE(point.exemplars.at(0).timeUnixNano, pointBefore.exemplars.at(0).timeUnixNano);
    QCOMPARE(point.exemplars.at(1).timeUnixNano, quint64(1));
}

void TestReplayTransform::remapsIdsConsistently()
{
    ReplayTransform transform({ 0, true, 42, "r1" });
    SpanRecord root = spanWithParent(1, 1, 0);
    root.parentSpanId = SpanId();
    SpanRecord child = spanWithParent(1, 2, 1);
    LogRecord log = RecordSamples::logs().first();
    log.traceId = RecordSamples::traceId(1);
    log.spanId = RecordSamples::spanId(2);
    transform.apply(&root);
    transform.apply(&child);
    transform.apply(&log);
    QVERIFY(root.traceId != RecordSamples::traceId(1));
    QVERIFY(root.traceId.isValid() && root.spanId.isValid());
    QCOMPARE(child.traceId, root.traceId);
    QCOMPARE(child.parentSpanId, root.spanId); // the parent follows
    QVERIFY(!root.parentSpanId.isPresent()); // an absent id stays absent
    QCOMPARE(log.traceId, child.traceId); // the log's correlation follows
    QCOMPARE(log.spanId, child.spanId);

    // The next loop maps the same ids elsewhere, so a capture replayed twice does not collide.
    transform.startLoop(1);
    SpanRecord again = spanWithParent(1, 1, 0);
    transform.apply(&again);
    QVERIFY(again.traceId != root.traceId && again.spanId != root.spanId);
}

void TestReplayTransform::remapIsAPermutation()
{
    QSet<QByteArray> seen;
    for (int i = 0; i < 20'000; ++i) {
        SpanId id;
        const quint64 raw = quint64(i) + 1;
        SpanId::fromBytes(QByteArrayView(reinterpret_cast<const char*>(&raw), 8), &id);
        seen.insert(ReplayTransform::remap(id, 7).toHex());
    }
    QCOMPARE(seen.size(), 20'000);
}

void TestReplayTransform::tagsTheResourceAndNumbersRecords()
{
    ReplayTransform transform({ 0, false, 0, "replay-7" });
    QList<SpanRecord> spans = RecordSamples::realisticEvents(3);
    const ResourcePtr original = spans.first().resource;
    for (SpanRecord& span : spans)
        transform.apply(&span);
    for (qsizetype i = 0; i < spans.size(); ++i) {
        const AttributeValue* id = attribute(spans.at(i).resource->attributes, ReplayTransform::replayIdKey);
        QVERIFY(id);
        QCOMPARE(id->toDisplayUtf8(), QByteArray("replay-7"));
        const AttributeValue* sequence = attribute(spans.at(i).attributes, ReplayTransform::sequenceKey);
        QVERIFY(sequence);
        QCOMPARE(sequence->toInt(), i);
    }
    // One tagged copy per capture resource, shared as the original was; the original untouched.
    QCOMPARE(spans.at(0).resource.get(), spans.at(2).resource.get());
    QVERIFY(!attribute(original->attributes, ReplayTransform::replayIdKey));
    QCOMPARE(spans.at(0).resource->attributes.size(), original->attributes.size() + 1);
    LogRecord log = RecordSamples::logs().first();
    transform.apply(&log);
    QCOMPARE(attribute(log.attributes, ReplayTransform::sequenceKey)->toInt(), 0); // numbered per signal
    QCOMPARE(transform.sequence(0), 3);
}

void TestReplayTransform::leavesIdsAloneUnlessAsked()
{
    ReplayTransform transform({ 0, false, 42, "r1" });
    SpanRecord span = spanWithParent(3, 4, 5);
    transform.apply(&span);
    QCOMPARE(span.traceId, RecordSamples::traceId(3));
    QCOMPARE(span.spanId, RecordSamples::spanId(4));
    QCOMPARE(span.parentSpanId, RecordSamples::spanId(5));
}

void TestReplayTransform::filterConditions()
{
    ReplayFilter filter;
    QString error;
    QVERIFY(filter.isEmpty());
    QVERIFY2(filter.add(u"signal=traces,logs"_s, &error), qPrintable(error));
    QVERIFY2(filter.add(u"name=user.*"_s, &error), qPrintable(error));
    SpanRecord span = RecordSamples::realisticEvents(1).first();
    span.name = "user.login";
    QVERIFY(filter.accepts(span));
    span.name = "xuser.login";
    QVERIFY(!filter.accepts(span)); // the pattern is anchored
    QVERIFY(!filter.accepts(RecordSamples::metrics().first()));
    const QByteArray service = findAttribute(span.resource->attributes, "service.name")->toDisplayUtf8();
    span.name = "user.logout";
    QVERIFY(filter.add(u"service="_s + QString::fromUtf8(service), &error));
    QVERIFY(filter.accepts(span));
    QVERIFY(filter.add(u"service=someone-else"_s, &error));
    QVERIFY(!filter.accepts(span));
}

void TestReplayTransform::filterRejectsUnknownConditions_data()
{
    QTest::addColumn<QString>("condition");
    QTest::addColumn<QString>("message");
    QTest::addRow("no value") << u"signal"_s << u"expected key=value"_s;
    QTest::addRow("unknown key") << u"colour=red"_s << u"unknown key \"colour\""_s;
    QTest::addRow("unknown signal") << u"signal=traces,profiles"_s << u"unknown signal \"profiles\""_s;
}

void TestReplayTransform::filterRejectsUnknownConditions()
{
    QFETCH(QString, condition);
    QFETCH(QString, message);
    ReplayFilter filter;
    QString error;
    QVERIFY(!filter.add(condition, &error));
    QVERIFY2(error.contains(message), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestReplayTransform)
#include "tst_replaytransform.moc"
