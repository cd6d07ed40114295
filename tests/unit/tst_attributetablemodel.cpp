#include "attributetablemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using Type = AttributeTableModel::Type;

Q_DECLARE_METATYPE(AttributeTableModel::Type)

/// The Send page's attribute table: text to typed values, problems said per row and never
/// silently changed into something else, edits and rows through the model interface.
class TestAttributeTableModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typedValue_data();
    void typedValue();
    void typeNames();
    void attributesLeaveOutRowsWithProblems();
    void editsThroughTheModel();
    void rowsInsertedAndRemoved();
};

void TestAttributeTableModel::typedValue_data()
{
    QTest::addColumn<Type>("type");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QVariant>("expected"); ///< invalid: refused
    QTest::addColumn<QString>("problem");

    QTest::addRow("string kept as written") << Type::String << u" a b "_s << QVariant(u" a b "_s) << QString();
    QTest::addRow("empty string") << Type::String << QString() << QVariant(QString()) << QString();
    QTest::addRow("int") << Type::Int << u"42"_s << QVariant(qint64(42)) << QString();
    QTest::addRow("negative int, spaces") << Type::Int << u" -7 "_s << QVariant(qint64(-7)) << QString();
    QTest::addRow("int max") << Type::Int << u"9223372036854775807"_s << QVariant(qint64(9223372036854775807LL))
                             << QString();
    QTest::addRow("int overflow") << Type::Int << u"9223372036854775808"_s << QVariant()
                                  << u"\"9223372036854775808\" is not a whole number"_s;
    QTest::addRow("int with a fraction") << Type::Int << u"1.5"_s << QVariant() << u"\"1.5\" is not a whole number"_s;
    QTest::addRow("double") << Type::Double << u"0.25"_s << QVariant(0.25) << QString();
    QTest::addRow("double exponent") << Type::Double << u"1e3"_s << QVariant(1000.0) << QString();
    QTest::addRow("double words") << Type::Double << u"fast"_s << QVariant() << u"\"fast\" is not a number"_s;
    QTest::addRow("bool true") << Type::Bool << u"true"_s << QVariant(true) << QString();
    QTest::addRow("bool false") << Type::Bool << u"false"_s << QVariant(false) << QString();
    QTest::addRow("bool yes") << Type::Bool << u"yes"_s << QVariant() << u"\"yes\" is not true or false"_s;
}

void TestAttributeTableModel::typedValue()
{
    QFETCH(Type, type);
    QFETCH(QString, text);
    QFETCH(QVariant, expected);
    QFETCH(QString, problem);
    QString said;
    const QVariant value = AttributeTableModel::typedValue(type, text, &said);
    QCOMPARE(said, problem);
    QCOMPARE(value.isValid(), expected.isValid());
    if (expected.isValid()) {
        QCOMPARE(value.metaType(), expected.metaType());
        QCOMPARE(value, expected);
    }
}

void TestAttributeTableModel::typeNames()
{
    for (Type type : { Type::String, Type::Int, Type::Double, Type::Bool })
        QCOMPARE(AttributeTableModel::typeFromName(AttributeTableModel::typeName(type)), type);
    QCOMPARE(AttributeTableModel::typeFromName(u"INT"), Type::Int);
    QVERIFY(!AttributeTableModel::typeFromName(u"float"));
}

void TestAttributeTableModel::attributesLeaveOutRowsWithProblems()
{
    AttributeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setAttributes({ { u"plan"_s, Type::String, u"pro"_s }, { u"seats"_s, Type::Int, u"3"_s },
        { u""_s, Type::String, u"orphan"_s }, { u"plan"_s, Type::String, u"free"_s },
        { u"ratio"_s, Type::Double, u"half"_s }, { u"beta"_s, Type::Bool, u"true"_s } });
    QStringList problems;
    const QVariantMap values = model.attributes(&problems);
    QCOMPARE(values.size(), 3);
    QCOMPARE(values.value(u"plan"_s), QVariant(u"pro"_s)); // the first "plan" wins, the second is reported
    QCOMPARE(values.value(u"seats"_s), QVariant(qint64(3)));
    QCOMPARE(values.value(u"beta"_s), QVariant(true));
    QCOMPARE(problems,
        QStringList({ u"row 3 (): the key is empty"_s, u"row 4 (plan): the key is used by row 1 already"_s,
            u"row 5 (ratio): \"half\" is not a number"_s }));
    // The table shows each problem on its row.
    QCOMPARE(model.data(model.index(4, AttributeTableModel::ValueColumn), AttributeTableModel::ProblemRole).toString(),
        u"\"half\" is not a number"_s);
    QVERIFY(model.data(model.index(4, AttributeTableModel::KeyColumn), Qt::ForegroundRole).isValid());
    QVERIFY(!model.data(model.index(0, AttributeTableModel::KeyColumn), Qt::ForegroundRole).isValid());
}

void TestAttributeTableModel::editsThroughTheModel()
{
    AttributeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.append({ u"count"_s, Type::String, u"12"_s });
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QVERIFY(model.setData(model.index(0, AttributeTableModel::TypeColumn), u"int"_s));
    QVERIFY(!changed.isEmpty());
    QCOMPARE(model.attributes().value(u"count"_s), QVariant(qint64(12)));
    QVERIFY(!model.setData(model.index(0, AttributeTableModel::TypeColumn), u"float"_s)); // not a type: refused
    QCOMPARE(model.rows().first().type, Type::Int);
    QVERIFY(model.setData(model.index(0, AttributeTableModel::ValueColumn), u"twelve"_s));
    QVERIFY(model.attributes().isEmpty());
    QVERIFY(model.setData(model.index(0, AttributeTableModel::KeyColumn), u"n"_s));
    QCOMPARE(model.data(model.index(0, AttributeTableModel::KeyColumn)).toString(), u"n"_s);
    QVERIFY(model.flags(model.index(0, AttributeTableModel::ValueColumn)).testFlag(Qt::ItemIsEditable));
    QCOMPARE(model.headerData(AttributeTableModel::TypeColumn, Qt::Horizontal).toString(), u"Type"_s);
}

void TestAttributeTableModel::rowsInsertedAndRemoved()
{
    AttributeTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.insertRows(0, 2));
    QCOMPARE(model.rowCount(), 2);
    QVERIFY(model.setData(model.index(1, AttributeTableModel::KeyColumn), u"second"_s));
    QVERIFY(model.removeRows(0, 1));
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rows().first().key, u"second"_s);
    QVERIFY(!model.removeRows(0, 5));
    QVERIFY(!model.insertRows(3, 1));
    QCOMPARE(model.attributes().value(u"second"_s), QVariant(QString()));
}

QTEST_GUILESS_MAIN(TestAttributeTableModel)
#include "tst_attributetablemodel.moc"
