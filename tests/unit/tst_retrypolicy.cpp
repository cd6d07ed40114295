#include "delivery/retrypolicy.h"

#include <QSet>
#include <QTest>

#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

/// Exponential backoff: base * 2^(retry - 1), capped, then spread by the jitter fraction either
/// way. (RetryPolicy only computes delays; ClickHouseBatchSender enforces maxRetries.)
class TestRetryPolicy final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsAreTheSdks();
    void growsExponentiallyUpToTheCap_data();
    void growsExponentiallyUpToTheCap();
    void jitterStaysWithinItsBoundsAndSpreads_data();
    void jitterStaysWithinItsBoundsAndSpreads();
    void jitterBeyondOneNeverGivesANegativeDelay();

private:
    static constexpr int samples = 2000;
};

void TestRetryPolicy::defaultsAreTheSdks()
{
    const RetryPolicy policy;
    QCOMPARE(policy.maxRetries, 3);
    QCOMPARE(policy.baseDelayMs, 500);
    QCOMPARE(policy.maxDelayMs, 30000);
    QCOMPARE(policy.jitter, 0.2);
}

void TestRetryPolicy::growsExponentiallyUpToTheCap_data()
{
    QTest::addColumn<int>("base");
    QTest::addColumn<int>("max");
    QTest::addColumn<int>("retry");
    QTest::addColumn<int>("expected");
    QTest::newRow("first retry waits the base") << 500 << 30000 << 1 << 500;
    QTest::newRow("second doubles") << 500 << 30000 << 2 << 1000;
    QTest::newRow("third doubles again") << 500 << 30000 << 3 << 2000;
    QTest::newRow("sixth") << 500 << 30000 << 6 << 16000;
    QTest::newRow("seventh would be 32000: capped") << 500 << 30000 << 7 << 30000;
    QTest::newRow("hundredth") << 500 << 30000 << 100 << 30000;
    QTest::newRow("2^4999 is infinite as a double: still the cap") << 500 << 30000 << 5000 << 30000;
    QTest::newRow("INT_MAX retries") << 500 << 30000 << INT_MAX << 30000;
    QTest::newRow("retry 0 counts as the first") << 500 << 30000 << 0 << 500;
    QTest::newRow("negative counts as the first") << 500 << 30000 << -3 << 500;
    // The delivery tests' policy.
    QTest::newRow("small base, first") << 50 << 400 << 1 << 50;
    QTest::newRow("small base, third") << 50 << 400 << 3 << 200;
    QTest::newRow("small base, exactly the cap") << 50 << 400 << 4 << 400;
    QTest::newRow("small base, past the cap") << 50 << 400 << 5 << 400;
    QTest::newRow("a cap below the base wins") << 500 << 200 << 1 << 200;
    QTest::newRow("zero base stays zero") << 0 << 30000 << 10 << 0;
}

void TestRetryPolicy::growsExponentiallyUpToTheCap()
{
    QFETCH(int, base);
    QFETCH(int, max);
    QFETCH(int, retry);
    QFETCH(int, expected);
    RetryPolicy policy;
    policy.baseDelayMs = base;
    policy.maxDelayMs = max;
    policy.jitter = 0; // exact
    for (int i = 0; i < 50; ++i)
        QCOMPARE(policy.delayMs(retry), expected);
}

void TestRetryPolicy::jitterStaysWithinItsBoundsAndSpreads_data()
{
    QTest::addColumn<int>("retry");
    QTest::addColumn<double>("jitter");
    QTest::addColumn<int>("nominal"); // the delay without jitter (default base and cap)
    QTest::newRow("first retry") << 1 << 0.2 << 500;
    QTest::newRow("fourth retry") << 4 << 0.2 << 4000;
    // At the cap too: clients that all reached it must still not retry in step.
    QTest::newRow("at the cap") << 20 << 0.2 << 30000;
    QTest::newRow("half either way") << 3 << 0.5 << 2000;
}

void TestRetryPolicy::jitterStaysWithinItsBoundsAndSpreads()
{
    QFETCH(int, retry);
    QFETCH(double, jitter);
    QFETCH(int, nominal);
    RetryPolicy policy;
    policy.jitter = jitter;
    // "Up to this fraction either way"; one millisecond of slack below for the rounding of
    // nominal * (1 - jitter) and the conversion to whole milliseconds.
    const int low = int(std::floor(nominal * (1.0 - jitter))) - 1;
    const int high = int(std::ceil(nominal * (1.0 + jitter)));
    QSet<int> seen;
    int smallest = INT_MAX;
    int largest = INT_MIN;
    for (int i = 0; i < samples; ++i) {
        const int delay = policy.delayMs(retry);
        QVERIFY2(
            delay >= low && delay <= high, qPrintable(u"%1 ms is outside [%2, %3]"_s.arg(delay).arg(low).arg(high)));
        seen.insert(delay);
        smallest = qMin(smallest, delay);
        largest = qMax(largest, delay);
    }
    QVERIFY2(seen.size() > 1, "every delay was the same: no jitter");
    // Uniform over the whole range: with 2000 samples, missing the outer quarter on either side
    // has a probability of 0.75^2000.
    QVERIFY2(smallest <= nominal * (1.0 - jitter / 2), qPrintable(u"the smallest delay was %1 ms"_s.arg(smallest)));
    QVERIFY2(largest >= nominal * (1.0 + jitter / 2), qPrintable(u"the largest delay was %1 ms"_s.arg(largest)));
}

void TestRetryPolicy::jitterBeyondOneNeverGivesANegativeDelay()
{
    RetryPolicy policy;
    policy.baseDelayMs = 1000;
    policy.jitter = 1.5; // a spread below -100 %: the delay would go negative
    int zeros = 0;
    for (int i = 0; i < samples; ++i) {
        const int delay = policy.delayMs(1);
        QVERIFY2(delay >= 0 && delay <= 2500, qPrintable(QString::number(delay)));
        zeros += delay == 0 ? 1 : 0;
    }
    // A sixth of the spread is below -100 %: those wait zero, not a negative time.
    QVERIFY2(zeros > 0, "no delay was clamped to zero");
    QVERIFY2(zeros < samples, "every delay was zero");
}

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
