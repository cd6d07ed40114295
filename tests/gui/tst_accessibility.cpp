#include "clickhousefixture.h"
#include "dashboard/dashboardview.h"
#include "dialogs/settingsdialog.h"
#include "dialogs/shortcutsdialog.h"
#include "health/clickhouseprobe.h"
#include "mainwindow.h"
#include "pages/dashboardspage.h"
#include "pages/livepage.h"
#include "pages/querypage.h"
#include "pages/querytab.h"
#include "pages/tracespage.h"
#include "querysession.h"
#include "screenshots.h"
#include "settings/settingdefinition.h"
#include "settings/workbenchsettings.h"
#include "traces/traceview.h"
#include "widgets/sqleditor.h"
#include "widgets/sqlhighlighter.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QApplication>
#include <QCalendarWidget>
#include <QChartView>
#include <QComboBox>
#include <QHash>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTextEdit>
#include <QTranslator>

#include <memory>

using namespace Qt::StringLiterals;
using Page = NavigationModel::Page;

namespace {

/// Parts Qt builds inside a composite control, which the control itself names for assistive
/// technology: a spin box's or combo box's line edit, a view's scroll bars and headers, a tab
/// bar's scroll and close buttons, a toolbar's overflow button, a calendar's innards.
bool isPartOfAControl(const QWidget* widget)
{
    if (qobject_cast<const QScrollBar*>(widget) || widget->objectName().startsWith(u"qt_"_s))
        return !qobject_cast<const QTabBar*>(widget); // a tab widget's bar is a control of its own
    const QWidget* parent = widget->parentWidget();
    if (!parent)
        return false;
    if (qobject_cast<const QLineEdit*>(widget)
        && (qobject_cast<const QAbstractSpinBox*>(parent) || qobject_cast<const QComboBox*>(parent)))
        return true;
    if (qobject_cast<const QHeaderView*>(widget) && qobject_cast<const QAbstractItemView*>(parent))
        return true;
    if (qobject_cast<const QTabBar*>(parent) || qobject_cast<const QLineEdit*>(parent))
        return true; // a tab's close button, a line edit's clear button
    if (qobject_cast<const QAbstractButton*>(widget) && qobject_cast<const QAbstractItemView*>(parent))
        return true; // a table's corner button
    if (const auto* area = qobject_cast<const QAbstractScrollArea*>(parent); area && area->viewport() == widget)
        return true;
    for (const QWidget* ancestor = parent; ancestor; ancestor = ancestor->parentWidget()) {
        if (qobject_cast<const QCalendarWidget*>(ancestor) || qobject_cast<const QComboBox*>(ancestor))
            return true; // a combo box's popup list is named by the combo box
    }
    return false;
}

/// What a user operates or reads as a control: the kinds of the acceptance criteria, and any
/// custom widget that takes focus. A label's name is its text, whatever it says now.
bool isControl(const QWidget* widget)
{
    if (qobject_cast<const QLabel*>(widget) || qobject_cast<const QMenu*>(widget))
        return false;
    return qobject_cast<const QAbstractButton*>(widget) || qobject_cast<const QLineEdit*>(widget)
        || qobject_cast<const QComboBox*>(widget) || qobject_cast<const QAbstractSpinBox*>(widget)
        || qobject_cast<const QAbstractItemView*>(widget) || qobject_cast<const QAbstractSlider*>(widget)
        || qobject_cast<const QTabBar*>(widget) || qobject_cast<const QPlainTextEdit*>(widget)
        || qobject_cast<const QTextEdit*>(widget) || widget->focusPolicy() != Qt::NoFocus;
}

/// The controls of `root` in its own window (menus and dialogs are windows of their own).
QList<QWidget*> controlsOf(QWidget* root)
{
    QList<QWidget*> controls;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* widget : std::as_const(widgets)) {
        if (widget->window() == root->window() && isControl(widget) && !isPartOfAControl(widget))
            controls.append(widget);
    }
    return controls;
}

QString accessibleName(QWidget* widget)
{
    QAccessibleInterface* interface = QAccessible::queryAccessibleInterface(widget);
    return interface ? interface->text(QAccessible::Name).trimmed() : QString();
}

/// "QLineEdit m_find < TraceView < page-traces": enough to find the widget in the sources.
QString describe(const QWidget* widget, const QWidget* root)
{
    QStringList chain;
    for (const QWidget* at = widget; at; at = at->parentWidget()) {
        chain.append(QString::fromLatin1(at->metaObject()->className())
            + (at->objectName().isEmpty() ? QString() : u" "_s + at->objectName()));
        if (at == root)
            break;
    }
    return chain.join(u" < "_s);
}

/// What Tab visits, in order, around the whole window, as QWidget::focusNextPrevChild chooses:
/// shown, enabled, taking Tab focus, not handing its focus to a proxy.
QList<QWidget*> tabCycle(QWidget* window)
{
    QList<QWidget*> cycle;
    QWidget* widget = window;
    do {
        if ((widget->focusPolicy() & Qt::TabFocus) == Qt::TabFocus && !widget->focusProxy()
            && widget->isVisibleTo(window) && widget->isEnabled() && widget->window() == window)
            cycle.append(widget);
        widget = widget->nextInFocusChain();
    } while (widget && widget != window);
    return cycle;
}

bool reachedByTab(const QWidget* control, const QList<QWidget*>& cycle)
{
    for (const QWidget* at = control; at; at = at->focusProxy()) {
        if (cycle.contains(at))
            return true;
    }
    return false;
}

/// Every control of `root` without an accessible name, as "context: chain".
QStringList unnamedControls(QWidget* root, const QString& context)
{
    QStringList offenders;
    for (QWidget* control : controlsOf(root)) {
        if (accessibleName(control).isEmpty())
            offenders.append(context + u": "_s + describe(control, root));
    }
    return offenders;
}

/// The shown, enabled controls of `root` that Tab never reaches, and whether Tab leaves `root`
/// and comes back (its controls are not one run of the cycle).
QStringList unreachableControls(QWidget* root, const QString& context)
{
    const QList<QWidget*> cycle = tabCycle(root->window());
    QStringList offenders;
    for (QWidget* control : controlsOf(root)) {
        if (control->isVisible() && control->isEnabled() && !reachedByTab(control, cycle))
            offenders.append(context + u": "_s + describe(control, root));
    }
    int entries = 0;
    for (qsizetype i = 0; i < cycle.size(); ++i) {
        const bool inside = root->isAncestorOf(cycle.at(i)) || cycle.at(i) == root;
        const QWidget* before = cycle.at((i + cycle.size() - 1) % cycle.size());
        if (inside && !(root->isAncestorOf(before) || before == root))
            ++entries;
    }
    if (entries > 1 && cycle.size() > 1)
        offenders.append(context + u": Tab leaves and comes back %1 times"_s.arg(entries - 1));
    // The order, for a person reading the log.
    QStringList order;
    for (QWidget* widget : cycle) {
        if (root->isAncestorOf(widget) || widget == root)
            order.append(
                u"%1 \"%2\""_s.arg(QString::fromLatin1(widget->metaObject()->className()), accessibleName(widget)));
    }
    qInfo().noquote() << context << "tab order:" << order.join(u" -> "_s);
    return offenders;
}

} // namespace

class TestAccessibility final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyControlHasANameAndTabReachesIt();
    void keyboardShortcutsDialogListsTheWindowsAndThePagesShortcuts();
    void noPageMnemonicTakesAMenus_data();
    void noPageMnemonicTakesAMenus();
    void everyPageInTheLightAndTheDarkTheme();
    void iconsAndAPageAtTwiceTheScale();
    void noTextBoxTrapsTheKeyboard();

private:
    /// The server with an hour of sample telemetry, started by the first test that needs it
    /// (the high-DPI run needs none).
    QString startServer();
    /// Shows `page` and waits until what it shows has arrived (a dashboard's panels, an opened
    /// trace, a query's rows).
    void showLoaded(MainWindow& window, Page page);
    std::unique_ptr<WorkbenchSettings> settings() const;
    /// The window on the fixture's server (started first), shown, once the probe has answered.
    struct ConnectedWindow
    {
        std::unique_ptr<WorkbenchSettings> settings;
        ClickHouseProbe probe;
        std::unique_ptr<MainWindow> window;
    };
    void openConnected(ConnectedWindow& into);

    ClickHouseFixture m_fixture;
    bool m_started = false;
    QTemporaryDir m_directory;
};

void TestAccessibility::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // the Send page's templates and spools
    QLocale::setDefault(QLocale::c());
    QVERIFY(m_directory.isValid());
}

QString TestAccessibility::startServer()
{
    if (m_started)
        return QString();
    QString error;
    if (!m_fixture.start(&error) || !m_fixture.loadSample(1, &error))
        return error;
    m_started = true;
    return QString();
}

std::unique_ptr<WorkbenchSettings> TestAccessibility::settings() const
{
    return std::make_unique<WorkbenchSettings>(
        std::make_unique<QSettings>(m_directory.filePath(u"settings.ini"_s), QSettings::IniFormat),
        QProcessEnvironment(), nullptr);
}

void TestAccessibility::openConnected(ConnectedWindow& into)
{
    const QString error = startServer();
    QVERIFY2(error.isEmpty(), qPrintable(error));
    into.settings = settings();
    into.probe.setEndpoint(m_fixture.endpoint());
    into.window = std::make_unique<MainWindow>(
        MainWindow::Engines { .managed = &m_fixture.server(), .probe = &into.probe, .settings = into.settings.get() });
    into.window->show();
    QVERIFY(QTest::qWaitForWindowExposed(into.window.get()));
    into.probe.start();
    QTRY_VERIFY_WITH_TIMEOUT(into.probe.hasSample(), 10000);
}

void TestAccessibility::showLoaded(MainWindow& window, Page page)
{
    window.showPage(page);
    if (page == Page::Dashboards) {
        DashboardsPage* dashboards = window.dashboardsPage();
        QTRY_VERIFY_WITH_TIMEOUT(dashboards->session()->panelRuns(0) > 0 && dashboards->session()->isIdle(), 30000);
    } else if (page == Page::Traces) {
        if (window.tracesPage()->traceView()->trace().traceId.isEmpty()) {
            QTRY_VERIFY_WITH_TIMEOUT(
                window.tracesPage()->statusText().contains(m_fixture.endpoint().url.toString()), 20000);
            window.tracesPage()->search();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!window.tracesPage()->traceView()->trace().traceId.isEmpty(), 30000);
    } else if (page == Page::Query) {
        QueryTab* tab = window.queryPage()->currentTab();
        if (tab->session()->state() != QuerySession::State::Finished) {
            QTRY_VERIFY_WITH_TIMEOUT(window.queryPage()->hasServer(), 20000);
            window.queryPage()->runStatement();
        }
        QTRY_COMPARE_WITH_TIMEOUT(tab->session()->state(), QuerySession::State::Finished, 60000);
    }
}

void TestAccessibility::everyControlHasANameAndTabReachesIt()
{
    ConnectedWindow connected;
    openConnected(connected);
    if (QTest::currentTestFailed())
        return;
    MainWindow& window = *connected.window;

    QStringList unnamed;
    QStringList unreachable;
    const NavigationModel* navigation = window.navigation();
    for (int row = 0; row < navigation->rowCount(); ++row) {
        const Page page = navigation->pageAt(row);
        showLoaded(window, page);
        if (QTest::currentTestFailed())
            return;
        const QString title = navigation->index(row, 0).data().toString();
        unnamed += unnamedControls(window.pageWidget(page), title);
        unreachable += unreachableControls(window.pageWidget(page), title);
    }
    // The window's own controls around the pages: the sidebar, the status bar.
    const QList<QWidget*> cycle = tabCycle(&window);
    for (QWidget* control : controlsOf(&window)) {
        if (window.pageWidget(window.currentPage())->parentWidget()->isAncestorOf(control))
            continue;
        if (accessibleName(control).isEmpty())
            unnamed.append(u"Window: "_s + describe(control, &window));
        if (control->isVisible() && control->isEnabled() && !reachedByTab(control, cycle))
            unreachable.append(u"Window: "_s + describe(control, &window));
    }

    // The dialogs the menus open.
    const auto checkDialog = [&unnamed, &unreachable](QDialog* dialog, const QString& title) {
        QVERIFY2(dialog, qPrintable(title)); // a failure, and no crash on the lines below
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        unnamed += unnamedControls(dialog, title);
        unreachable += unreachableControls(dialog, title);
        dialog->close();
    };
    checkDialog(window.showSettings(), u"Settings"_s);
    window.showAbout();
    checkDialog(window.findChild<QDialog*>(u"aboutDialog"_s), u"About"_s);
    checkDialog(window.showShortcuts(), u"Keyboard shortcuts"_s);

    if (!unnamed.isEmpty())
        qWarning().noquote() << unnamed.size() << "controls without an accessible name:\n" << unnamed.join(u'\n');
    if (!unreachable.isEmpty())
        qWarning().noquote() << unreachable.size() << "controls Tab does not reach:\n" << unreachable.join(u'\n');
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
    QVERIFY2(unreachable.isEmpty(), qPrintable(unreachable.join(u'\n')));
}

void TestAccessibility::keyboardShortcutsDialogListsTheWindowsAndThePagesShortcuts()
{
    MainWindow window({});
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window)); // a shortcut needs the active window
    // F1, as Help > Keyboard shortcuts says.
    QTest::keyClick(&window, Qt::Key_F1);
    auto* dialog = window.findChild<ShortcutsDialog*>(u"shortcutsDialog"_s);
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QStringList listed;
    for (const ShortcutsDialog::Shortcut& shortcut : dialog->shortcuts())
        listed.append(shortcut.group + u" | "_s + shortcut.name + u" | "_s + shortcut.keys);
    const auto keys = [](const QKeySequence& sequence) { return sequence.toString(QKeySequence::NativeText); };
    const QStringList expected {
        u"File | Quit | "_s + keys(QKeySequence(Qt::CTRL | Qt::Key_Q)),
        u"File | Settings… | "_s + keys(QKeySequence(Qt::CTRL | Qt::Key_Comma)),
        u"View | Send | "_s + keys(QKeySequence(Qt::CTRL | Qt::Key_1)),
        u"View | Query | "_s + keys(QKeySequence(Qt::CTRL | Qt::Key_5)),
        u"View | Health | "_s + keys(QKeySequence(Qt::CTRL | Qt::Key_7)),
        u"Help | Keyboard shortcuts | "_s + keys(QKeySequence::HelpContents),
        u"Query page | Run | "_s + keys(QKeySequence(Qt::CTRL | Qt::Key_Return)) + u"; "_s
            + keys(QKeySequence(Qt::CTRL | Qt::Key_Enter)),
        u"Query page | Cancel | "_s + keys(QKeySequence(Qt::Key_Escape)),
        u"Query page | Next query tab | "_s + keys(QKeySequence(Qt::CTRL | Qt::Key_PageDown)),
        u"Send page | Send | "_s + keys(QKeySequence(Qt::CTRL | Qt::Key_Return)),
        u"Dashboards page | Refresh | "_s + keys(QKeySequence::Refresh),
        u"Traces page | Find in trace | "_s + keys(QKeySequence::Find),
        u"Traces page | Next match | "_s + keys(QKeySequence::FindNext),
    };
    for (const QString& line : expected)
        QVERIFY2(listed.contains(line), qPrintable(line + u" not in:\n"_s + listed.join(u'\n')));
    // Every menu shortcut is listed once: nothing read twice.
    QCOMPARE(QSet<QString>(listed.cbegin(), listed.cend()).size(), listed.size());
    QVERIFY(!Screenshots::save(dialog, u"shortcuts-dialog"_s).isEmpty());
    dialog->close();
}

void TestAccessibility::noPageMnemonicTakesAMenus_data()
{
    QTest::addColumn<QString>("translation");
    QTest::newRow("en") << QString();
    // The app's own, as lrelease made it for the build (the test depends on that step).
    QTest::newRow("pt_BR") << QStringLiteral(WORKBENCH_PT_BR_QM);
}

void TestAccessibility::noPageMnemonicTakesAMenus()
{
    QFETCH(QString, translation);
    QTranslator translator;
    if (!translation.isEmpty()) {
        QVERIFY2(translator.load(translation),
            qPrintable(translation + u" is missing: build the app first (cmake --build --preset dev)"_s));
        QVERIFY(QCoreApplication::installTranslator(&translator));
    }
    const auto uninstall = qScopeGuard([&translator] { QCoreApplication::removeTranslator(&translator); });
    MainWindow window({});
    // Alt+letter opens a menu unless a button or a labelled field of the page shown has the same
    // letter: the key then only moves the focus between them, and the menu is out of reach.
    // (Two of one page on one letter take turns, as Qt means them to.)
    QHash<QString, QStringList> menus;
    for (const QAction* action : window.menuBar()->actions())
        menus[QKeySequence::mnemonic(action->text()).toString()].append(action->text());
    menus.remove(QString());
    QStringList collisions;
    for (int row = 0; row < window.navigation()->rowCount(); ++row) {
        QWidget* page = window.pageWidget(window.navigation()->pageAt(row));
        QHash<QString, QStringList> keys = menus;
        for (const QAbstractButton* button : page->findChildren<QAbstractButton*>())
            keys[QKeySequence::mnemonic(button->text()).toString()].append(button->text());
        for (const QLabel* label : page->findChildren<QLabel*>()) {
            if (label->buddy())
                keys[QKeySequence::mnemonic(label->text()).toString()].append(label->text());
        }
        for (auto it = keys.cbegin(); it != keys.cend(); ++it) {
            if (menus.contains(it.key()) && it.value().size() > 1)
                collisions.append(page->objectName() + u": "_s + it.key() + u": "_s + it.value().join(u", "_s));
        }
    }
    QVERIFY2(collisions.isEmpty(), qPrintable(collisions.join(u'\n')));
}

void TestAccessibility::everyPageInTheLightAndTheDarkTheme()
{
    ConnectedWindow connected;
    openConnected(connected);
    if (QTest::currentTestFailed())
        return;
    MainWindow& window = *connected.window;
    WorkbenchSettings* workbenchSettings = connected.settings.get();
    for (const QString& theme : { u"light"_s, u"dark"_s }) {
        QString problem;
        QVERIFY2(workbenchSettings->save(SettingKey::theme, theme, &problem), qPrintable(problem));
        // The setting applies at once: the window's background is dark or light.
        const int lightness = window.palette().color(QPalette::Window).lightness();
        QVERIFY2(theme == u"dark"_s ? lightness < 80 : lightness > 180, qPrintable(QString::number(lightness)));
        // What paints itself follows: the SQL keywords stand out from the editor's base, and a
        // chart's background is the base, not Qt Charts' own white.
        const SqlEditor* editor = window.queryPage()->currentTab()->editor();
        const int base = editor->palette().color(QPalette::Base).lightness();
        const int keyword =
            editor->highlighter()->format(SqlHighlighter::Token::Keyword).foreground().color().lightness();
        QVERIFY2(std::abs(keyword - base) > 90, qPrintable(u"keyword %1 on base %2"_s.arg(keyword).arg(base)));
        const auto* chart = window.livePage()->findChild<QChartView*>();
        QVERIFY(chart);
        QCOMPARE(chart->chart()->backgroundBrush().color(), chart->palette().color(QPalette::Base));
        const NavigationModel* navigation = window.navigation();
        for (int row = 0; row < navigation->rowCount(); ++row) {
            const Page page = navigation->pageAt(row);
            showLoaded(window, page);
            if (QTest::currentTestFailed())
                return;
            const QString name = navigation->index(row, 0).data().toString().toLower();
            QVERIFY(!Screenshots::save(&window, theme + u"-"_s + name).isEmpty());
        }
    }
    QString problem;
    QVERIFY2(workbenchSettings->save(SettingKey::theme, u"system"_s, &problem), qPrintable(problem));
}

void TestAccessibility::iconsAndAPageAtTwiceTheScale()
{
    MainWindow window({});
    // Every icon the window shows is drawn sharp at twice the scale (SVG, or a @2x file).
    QList<QIcon> icons { window.windowIcon() };
    for (int row = 0; row < window.navigation()->rowCount(); ++row)
        icons.append(window.navigation()->index(row, 0).data(Qt::DecorationRole).value<QIcon>());
    for (const QAction* action : window.menuBar()->findChildren<QAction*>()) {
        if (!action->icon().isNull())
            icons.append(action->icon());
    }
    for (const QIcon& icon : std::as_const(icons)) {
        QVERIFY(!icon.isNull());
        const QPixmap pixmap = icon.pixmap(QSize(24, 24), 2.0);
        QCOMPARE(pixmap.size(), QSize(48, 48));
    }
    // The picture only in the run at another scale (tst_accessibility_hidpi sets QT_SCALE_FACTOR=2).
    if (!qEnvironmentVariableIsSet("QT_SCALE_FACTOR"))
        return;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.devicePixelRatio(), qEnvironmentVariable("QT_SCALE_FACTOR").toDouble());
    window.showPage(Page::Query);
    const QString path = Screenshots::save(&window, u"hidpi-query"_s);
    QVERIFY(!path.isEmpty());
    // Qt 6 scales by itself: the picture has twice the window's pixels.
    QCOMPARE(QImage(path).size(), window.size() * window.devicePixelRatio());
}

QTEST_MAIN(TestAccessibility)
// A text box must let a keyboard user out: Tab when it gives Tab to the focus chain (read-only
// boxes), else Ctrl+Tab (the SQL editor, where Tab indents).
void TestAccessibility::noTextBoxTrapsTheKeyboard()
{
    MainWindow window({});
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList traps;
    const NavigationModel* navigation = window.navigation();
    for (int row = 0; row < navigation->rowCount(); ++row) {
        const Page page = navigation->pageAt(row);
        window.showPage(page);
        for (QPlainTextEdit* box : window.pageWidget(page)->findChildren<QPlainTextEdit*>()) {
            if (!box->isVisible() || box->focusPolicy() == Qt::NoFocus)
                continue;
            box->setFocus(Qt::TabFocusReason);
            QTRY_VERIFY(box->hasFocus());
            QTest::keyClick(box, Qt::Key_Tab, box->tabChangesFocus() ? Qt::NoModifier : Qt::ControlModifier);
            if (box->hasFocus())
                traps.append(describe(box, &window));
        }
    }
    QVERIFY2(traps.isEmpty(), qPrintable(u"Ctrl+Tab does not leave: "_s + traps.join(u", "_s)));

    // Since Ctrl+Tab leaves the SQL editor, the query tabs have keys of their own.
    window.showPage(Page::Query);
    QTabWidget* tabs = nullptr;
    for (QTabWidget* candidate : window.queryPage()->findChildren<QTabWidget*>()) {
        if (candidate->accessibleName() == u"Query tabs"_s)
            tabs = candidate;
    }
    QVERIFY(tabs);
    const auto pressInEditor = [&window](Qt::Key key) {
        SqlEditor* editor = window.queryPage()->currentTab()->editor();
        editor->setFocus(Qt::TabFocusReason);
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClick(editor, key, Qt::ControlModifier);
    };
    pressInEditor(Qt::Key_T); // New tab
    QCOMPARE(tabs->count(), 2);
    QCOMPARE(tabs->currentIndex(), 1);
    pressInEditor(Qt::Key_PageUp);
    QCOMPARE(tabs->currentIndex(), 0);
    pressInEditor(Qt::Key_PageDown);
    QCOMPARE(tabs->currentIndex(), 1);
}

#include "tst_accessibility.moc"
