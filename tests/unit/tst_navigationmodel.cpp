#include "navigationmodel.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Page = NavigationModel::Page;

class TestNavigationModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesTheModelTester();
    void listsTheProductPagesInOrder();
    void rolesDescribeEachPage();
    void setAvailableNotifiesOnlyOnChange();
};

void TestNavigationModel::passesTheModelTester()
{
    NavigationModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAvailable(Page::Query, true);
    model.setAvailable(Page::Query, false);
}

void TestNavigationModel::listsTheProductPagesInOrder()
{
    NavigationModel model;
    const QList<Page> expected { Page::Send, Page::Replay, Page::Live, Page::Traces, Page::Query, Page::Dashboards,
        Page::Health };
    QCOMPARE(model.rowCount(), expected.size());
    for (int row = 0; row < expected.size(); ++row) {
        QCOMPARE(model.pageAt(row), expected.at(row));
        QCOMPARE(model.rowOf(expected.at(row)), row);
        QCOMPARE(model.index(row, 0).data(NavigationModel::PageRole).value<Page>(), expected.at(row));
    }
    QCOMPARE(model.index(0, 0).data().toString(), u"Send"_s);
    QCOMPARE(model.index(6, 0).data().toString(), u"Health"_s);
    QCOMPARE(model.index(3, 0).data().toString(), u"Traces"_s);
}

void TestNavigationModel::rolesDescribeEachPage()
{
    NavigationModel model;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        QVERIFY(!index.data(NavigationModel::DescriptionRole).toString().isEmpty());
        QVERIFY2(!index.data(Qt::DecorationRole).value<QIcon>().isNull(), "every page has an icon resource");
        const bool available = index.data(NavigationModel::AvailableRole).toBool();
        const QString tip = index.data(Qt::ToolTipRole).toString();
        QCOMPARE(tip.startsWith(u"Not built yet. Planned: "_s), !available);
        QVERIFY2(tip.endsWith(index.data(NavigationModel::DescriptionRole).toString()), qPrintable(tip));
        // A page that is not built is greyed and cannot be chosen; a built one can.
        QCOMPARE(model.flags(index).testFlag(Qt::ItemIsEnabled), available);
        QCOMPARE(model.flags(index).testFlag(Qt::ItemIsSelectable), available);
    }
    QVERIFY(model.isAvailable(Page::Health));
    QVERIFY(model.isAvailable(Page::Send));
    QVERIFY(model.isAvailable(Page::Replay));
    QVERIFY(model.isAvailable(Page::Live));
    QVERIFY(model.isAvailable(Page::Traces));
    QVERIFY(model.roleNames().values().contains("description"));
}

void TestNavigationModel::setAvailableNotifiesOnlyOnChange()
{
    NavigationModel model;
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setAvailable(Page::Traces, false);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).value<QModelIndex>().row(), model.rowOf(Page::Traces));
    model.setAvailable(Page::Traces, false);
    QCOMPARE(changed.size(), 1);
    QVERIFY(!model.isAvailable(Page::Traces));
    // A page made unavailable is greyed and says it is not built.
    const QModelIndex traces = model.index(model.rowOf(Page::Traces), 0);
    QVERIFY(!model.flags(traces).testFlag(Qt::ItemIsEnabled));
    QVERIFY(traces.data(Qt::ToolTipRole).toString().startsWith(u"Not built yet. Planned: "_s));
}

QTEST_MAIN(TestNavigationModel)
#include "tst_navigationmodel.moc"
