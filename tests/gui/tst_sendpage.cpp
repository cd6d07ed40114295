#include "clickhousefixture.h"
#include "collectorfixture.h"
#include "pages/sendpage.h"
#include "screenshots.h"
#include "widgets/attributetableeditor.h"
#include "widgets/sendcomposer.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using Backend = SendTarget::Backend;
using Signal = SendRequest::Signal;

Q_DECLARE_METATYPE(SendTarget::Backend)
Q_DECLARE_METATYPE(SendRequest::Signal)

/// The Send page driven as a user drives it, against a real ClickHouse and the workbench's own
/// OTLP receiver (a LocalCollector in front of it): a record of each signal, composed in the
/// page's fields, arrives through each backend with what was composed; the payload shown is the
/// one that went; a send at a rate is cancelled and says how much went; "Look it up" finds the
/// rows; templates are saved, found again and deleted.
class TestSendPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everySignalArrivesThroughEveryBackend_data();
    void everySignalArrivesThroughEveryBackend();
    void aRateSendIsCancelledAndSaysHowMuchWent();
    void lookItUpFindsTheRows();
    void templatesAreAppliedSavedAndDeleted();
    void aRecordWithoutANameIsNotSent();

private:
    /// Fills the composer through its widgets.
    void compose(Signal signal, const QString& name);
    /// Clicks Send and waits for the send to end; false when it does not.
    bool clickSendAndWait();
    QString query(const QString& sql);
    QString attribute(const QString& key) const;

    ClickHouseFixture m_fixture;
    QTemporaryDir m_folder;
    std::unique_ptr<LocalCollector> m_collector;
    std::unique_ptr<SendPage> m_page;
};

void TestSendPage::initTestCase()
{
    START_CLICKHOUSE(m_fixture);
    QString error;
    m_collector = startLocalCollector(m_fixture, m_folder.filePath(u"collector.spool"_s), &error);
    QVERIFY2(m_collector, qPrintable(error));

    m_page = std::make_unique<SendPage>(m_folder.filePath(u"templates.json"_s), m_folder.filePath(u"spool"_s));
    m_page->setServer(m_fixture.endpoint(), m_fixture.serverInfo());
    m_page->setTelemetryDatabase(u"telemetry"_s);
    m_page->setReceiverUrl(m_collector->receiver()->url());
    m_page->resize(1400, 900);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    QCOMPARE(m_page->otlpUrlEdit()->text(), m_collector->receiver()->url().toString());
    QCOMPARE(m_page->clickHouseUrlEdit()->text(), m_fixture.endpoint().url.toString());
    QVERIFY(!m_page->lookUpButton()->isEnabled()); // nothing sent yet
}

void TestSendPage::cleanupTestCase()
{
    m_page.reset();
    if (m_collector)
        m_collector->stop(5000);
}

void TestSendPage::compose(Signal signal, const QString& name)
{
    SendComposer* composer = m_page->composer();
    composer->signalBox()->setCurrentIndex(composer->signalBox()->findData(int(signal)));
    composer->nameEdit()->clear();
    QTest::keyClicks(composer->nameEdit(), name);
    composer->messageEdit()->clear();
    QTest::keyClicks(composer->messageEdit(), u"card declined"_s);
    composer->metricKindBox()->setCurrentIndex(
        composer->metricKindBox()->findData(int(SdkRecordBuilder::MetricKind::Counter)));
    composer->valueBox()->setValue(12.5);
    composer->severityBox()->setCurrentIndex(3); // Warn
    composer->projectEdit()->clear();
    QTest::keyClicks(composer->projectEdit(), u"send-page-test"_s);
    composer->versionEdit()->clear();
    QTest::keyClicks(composer->versionEdit(), u"2.0.1"_s);
    composer->environmentEdit()->clear();
    QTest::keyClicks(composer->environmentEdit(), u"qa"_s);

    // One attribute and one resource attribute, added with the Add buttons and typed in the tables.
    auto fill = [](AttributeTableEditor* editor, const QString& key, const QString& value) {
        editor->model()->setAttributes({});
        auto* add = editor->findChild<QPushButton*>(QString(), Qt::FindDirectChildrenOnly);
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        QCOMPARE(editor->model()->rowCount(), 1);
        QAbstractItemModel* model = editor->view()->model();
        QVERIFY(model->setData(model->index(0, AttributeTableModel::KeyColumn), key));
        QVERIFY(model->setData(model->index(0, AttributeTableModel::ValueColumn), value));
    };
    fill(composer->attributes(), u"plan"_s, u"pro"_s);
    fill(composer->resourceAttributes(), u"cloud.region"_s, u"sa-east-1"_s);
}

bool TestSendPage::clickSendAndWait()
{
    QSignalSpy finished(m_page.get(), &SendPage::sendFinished);
    QTest::mouseClick(m_page->sendButton(), Qt::LeftButton);
    if (!m_page->isSending()) {
        qWarning("the send did not start: %s", qPrintable(m_page->statusText()));
        return false;
    }
    return finished.wait(60'000);
}

QString TestSendPage::query(const QString& sql)
{
    bool ok = false;
    const QString result = ClickHouseFixture::run(m_fixture.endpoint(), sql, &ok).trimmed();
    return ok ? result : u"error: "_s + result;
}

QString TestSendPage::attribute(const QString& key) const
{
    return m_fixture.rowDialect() == ClickHouseRowMapper::Dialect::Modern
        ? u"attributes['%1']"_s.arg(key)
        : u"attributes.value[indexOf(attributes.key, '%1')]"_s.arg(key);
}

void TestSendPage::everySignalArrivesThroughEveryBackend_data()
{
    QTest::addColumn<Backend>("backend");
    QTest::addColumn<Signal>("signal");
    for (const Backend backend : { Backend::OtlpProtobuf, Backend::OtlpJson, Backend::ClickHouse }) {
        for (const Signal signal : { Signal::Event, Signal::Error, Signal::Metric, Signal::Log }) {
            const QByteArray tag =
                SendTarget::backendName(backend).toUtf8() + ' ' + SendRequest::signalName(signal).toUtf8();
            QTest::newRow(tag.constData()) << backend << signal;
        }
    }
}

void TestSendPage::everySignalArrivesThroughEveryBackend()
{
    QFETCH(Backend, backend);
    QFETCH(Signal, signal);
    const QString name =
        u"page.%1.%2"_s.arg(SendTarget::backendName(backend), SendRequest::signalName(signal)).replace(u'-', u'_');
    compose(signal, name);
    m_page->setBackend(backend);
    m_page->setRepeat(SendPage::Repeat::Once);
    QVERIFY(clickSendAndWait());
    QVERIFY2(m_page->history()->data(m_page->history()->index(0, 0), SendHistoryModel::SucceededRole).toBool(),
        qPrintable(m_page->statusText()));
    QCOMPARE(m_page->history()->outcome(0).summary.statistics.delivered, 1);
    QVERIFY2(m_page->statusText().startsWith(u"Delivered"_s), qPrintable(m_page->statusText()));

    // The payload shown is the record that went, in the backend's own form.
    const QString payload = m_page->payloadView()->toPlainText();
    switch (backend) {
    case Backend::OtlpJson:
        QVERIFY2(payload.contains(u"\"key\": \"plan\""_s), qPrintable(payload.left(400)));
        break;
    case Backend::OtlpProtobuf:
        QVERIFY2(payload.contains(u"key (1): \"plan\""_s), qPrintable(payload.left(400)));
        break;
    case Backend::ClickHouse:
        QVERIFY2(payload.startsWith(u"INSERT INTO telemetry."_s), qPrintable(payload.left(400)));
        break;
    }
    const QString what = signal == Signal::Error ? u"card declined"_s : name;
    if (signal != Signal::Log && signal != Signal::Error)
        QVERIFY2(payload.contains(name), qPrintable(payload.left(400)));
    else
        QVERIFY2(payload.contains(what), qPrintable(payload.left(400)));

    // What ClickHouse holds: the composed fields, in the upstream columns. OTLP goes through the
    // receiver, which answers once the rows are stored or spooled: wait for them to be stored.
    const QString common = u"project_name = 'send-page-test' AND cloud_region = 'sa-east-1' AND "
                           "environment = 'qa'"_s;
    QString sql;
    QString expected;
    switch (signal) {
    case Signal::Event:
        sql =
            u"SELECT span_name, status_code, %1, project_version FROM telemetry.traces WHERE span_name = '%2' AND %3"_s
                .arg(attribute(u"plan"_s), name, common);
        expected = u"%1\tOK\tpro\t2.0.1"_s.arg(name);
        break;
    case Signal::Error:
        sql = u"SELECT span_name, status_code, %1, %2 FROM telemetry.traces WHERE %3 = '%4' AND %5"_s.arg(
            attribute(u"plan"_s), attribute(u"error_message"_s), attribute(u"error_type"_s), name, common);
        expected = u"automagik.error\tERROR\tpro\tcard declined"_s;
        break;
    case Signal::Metric:
        sql =
            u"SELECT metric_name, metric_type, value_double, %1 FROM telemetry.metrics WHERE metric_name = '%2' AND %3"_s
                .arg(attribute(u"plan"_s), name, common);
        expected = u"%1\tSUM\t12.5\tpro"_s.arg(name);
        break;
    case Signal::Log:
        sql = u"SELECT body, severity_text, severity_number, %1 FROM telemetry.logs WHERE body = '%2' AND %3"_s.arg(
            attribute(u"plan"_s), name, common);
        expected = u"%1\tWARN\t13\tpro"_s.arg(name);
        break;
    }
    QTRY_COMPARE_WITH_TIMEOUT(query(sql), expected, 15'000);
}

void TestSendPage::aRateSendIsCancelledAndSaysHowMuchWent()
{
    compose(Signal::Event, u"page.cancelled"_s);
    m_page->setBackend(Backend::ClickHouse);
    m_page->setRepeat(SendPage::Repeat::RateForDuration, 0, 50, 60); // 3,000 at 50/s: a minute
    QSignalSpy finished(m_page.get(), &SendPage::sendFinished);
    QSignalSpy progressed(m_page.get(), &SendPage::progressed);
    QTest::mouseClick(m_page->sendButton(), Qt::LeftButton);
    QVERIFY(m_page->isSending());
    QVERIFY(!m_page->sendButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!progressed.isEmpty() && progressed.last().first().toLongLong() >= 20, 10'000);
    QVERIFY2(m_page->statusText().startsWith(u"Sending: "_s), qPrintable(m_page->statusText()));
    Screenshots::save(m_page.get(), u"send-page-sending"_s);
    QTest::mouseClick(m_page->cancelButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60'000));
    const SendRunner::Outcome& outcome = m_page->history()->outcome(0);
    QVERIFY(outcome.summary.cancelled);
    QVERIFY2(
        outcome.summary.sent >= 20 && outcome.summary.sent < 3000, qPrintable(QString::number(outcome.summary.sent)));
    QCOMPARE(outcome.summary.statistics.delivered, outcome.summary.sent);
    QVERIFY2(m_page->statusText().startsWith(u"Cancelled after %1 of 3000"_s.arg(outcome.summary.sent)),
        qPrintable(m_page->statusText()));
    QCOMPARE(query(u"SELECT count() FROM telemetry.traces WHERE span_name = 'page.cancelled'"_s),
        QString::number(outcome.summary.sent));
    QVERIFY(m_page->sendButton()->isEnabled());
}

void TestSendPage::lookItUpFindsTheRows()
{
    compose(Signal::Metric, u"page.looked.up"_s);
    m_page->setBackend(Backend::OtlpJson);
    m_page->setRepeat(SendPage::Repeat::Times, 25);
    QVERIFY(clickSendAndWait());
    QCOMPARE(m_page->history()->outcome(0).summary.statistics.delivered, 25);
    QVERIFY(m_page->lookUpButton()->isEnabled());
    QSignalSpy opened(m_page.get(), &SendPage::openInQuery);
    QTest::mouseClick(m_page->lookUpButton(), Qt::LeftButton);
    QCOMPARE(opened.size(), 1);
    const QString sql = opened.first().first().toString();
    QVERIFY2(sql.contains(u"FROM `telemetry`.metrics"_s) || sql.contains(u"FROM telemetry.metrics"_s), qPrintable(sql));
    // The receiver answered once the rows were safe; the query finds all 25 of them.
    QTRY_COMPARE_WITH_TIMEOUT(query(u"SELECT count() FROM (%1)"_s.arg(sql)), u"25"_s, 15'000);
    QVERIFY(!Screenshots::save(m_page.get(), u"send"_s).isEmpty());
}

void TestSendPage::templatesAreAppliedSavedAndDeleted()
{
    QComboBox* templates = m_page->templateBox();
    const int request = templates->findText(u"automagik.api.request"_s);
    QVERIFY(request > 0);
    templates->setCurrentIndex(request);
    Q_EMIT templates->activated(request);
    SendComposer* composer = m_page->composer();
    QCOMPARE(composer->nameEdit()->text(), u"automagik.api.request"_s);
    QCOMPARE(composer->attributes()->model()->rowCount(), 3);
    QCOMPARE(composer->signalBox()->currentData().toInt(), int(Signal::Event));

    compose(Signal::Log, u"my saved log"_s);
    QVERIFY(m_page->saveTemplate(u"mine"_s));
    QVERIFY(QFile::exists(m_folder.filePath(u"templates.json"_s)));
    // Another page (the next session) finds it, and it gives back what was composed.
    SendPage next(m_folder.filePath(u"templates.json"_s), m_folder.filePath(u"spool"_s));
    const int mine = next.templateBox()->findText(u"mine (saved)"_s);
    QVERIFY(mine > 0);
    Q_EMIT next.templateBox()->activated(mine);
    QCOMPARE(next.composer()->nameEdit()->text(), u"my saved log"_s);
    QCOMPARE(next.composer()->severityBox()->currentIndex(), 3);
    QCOMPARE(next.composer()->attributes()->model()->rows().first().key, u"plan"_s);

    next.templateBox()->setCurrentIndex(mine);
    QTest::mouseClick(next.findChild<QPushButton*>(u"deleteTemplate"_s), Qt::LeftButton);
    QCOMPARE(next.templateBox()->findText(u"mine (saved)"_s), -1);
    QStringList problems;
    QCOMPARE(SendTemplate::load(m_folder.filePath(u"templates.json"_s), &problems).size(), 0);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
}

void TestSendPage::aRecordWithoutANameIsNotSent()
{
    compose(Signal::Event, u"x"_s);
    m_page->composer()->nameEdit()->clear();
    const qsizetype before = m_page->history()->rowCount();
    QTest::mouseClick(m_page->sendButton(), Qt::LeftButton);
    QVERIFY(!m_page->isSending());
    QVERIFY2(m_page->statusText().contains(u"Event name is required"_s), qPrintable(m_page->statusText()));
    QCOMPARE(m_page->history()->rowCount(), before);
}

QTEST_MAIN(TestSendPage)
#include "tst_sendpage.moc"
