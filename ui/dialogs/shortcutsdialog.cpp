#include "shortcutsdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
/// "&Settings…" as the user reads it: mnemonics dropped, "&&" kept as one "&".
QString withoutMnemonic(const QString& text)
{
    QString plain;
    plain.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size())
            ++i;
        plain.append(text.at(i));
    }
    return plain;
}

QString keysOf(const QList<QKeySequence>& sequences)
{
    return QKeySequence::listToString(sequences, QKeySequence::NativeText);
}

void collectMenu(const QString& group, const QList<QAction*>& actions, QList<ShortcutsDialog::Shortcut>* into)
{
    for (const QAction* action : actions) {
        if (QMenu* submenu = action->menu()) {
            collectMenu(withoutMnemonic(submenu->title()), submenu->actions(), into);
            continue;
        }
        if (!action->shortcuts().isEmpty())
            into->append({ group, withoutMnemonic(action->text()), keysOf(action->shortcuts()) });
    }
}
} // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar* menus, const QList<Page>& pages, QWidget* parent)
    : QDialog(parent)
    , m_shortcuts(collect(menus, pages))
    , m_view(new QTreeWidget(this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    m_view->setColumnCount(2);
    m_view->setHeaderLabels({ tr("Action"), tr("Shortcut") });
    m_view->setAccessibleName(tr("Keyboard shortcuts"));
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    QTreeWidgetItem* groupItem = nullptr;
    for (const Shortcut& shortcut : std::as_const(m_shortcuts)) {
        if (!groupItem || groupItem->text(0) != shortcut.group) {
            groupItem = new QTreeWidgetItem(m_view, { shortcut.group });
            QFont bold = groupItem->font(0);
            bold.setBold(true);
            groupItem->setFont(0, bold);
            groupItem->setFirstColumnSpanned(true);
        }
        new QTreeWidgetItem(groupItem, { shortcut.name, shortcut.keys });
    }
    m_view->expandAll();
    m_view->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_view->header()->setStretchLastSection(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    resize(520, 560);
}

ShortcutsDialog::~ShortcutsDialog() = default;

QList<ShortcutsDialog::Shortcut> ShortcutsDialog::collect(const QMenuBar* menus, const QList<Page>& pages)
{
    QList<Shortcut> shortcuts;
    if (menus)
        collectMenu(QString(), menus->actions(), &shortcuts);
    for (const Page& page : pages) {
        const QString group = tr("%1 page").arg(page.title);
        QList<Shortcut> own;
        const auto add = [&own, &group](const QString& name, const QList<QKeySequence>& sequences) {
            const Shortcut shortcut { group, name, keysOf(sequences) };
            const bool listed = std::any_of(own.cbegin(), own.cend(), [&shortcut](const Shortcut& other) {
                return other.name == shortcut.name && other.keys == shortcut.keys;
            });
            if (!listed)
                own.append(shortcut);
        };
        // A page binds keys to actions (its toolbars, a view's context menu) and to buttons
        // (QAbstractButton::setShortcut); a toolbar's button shows an action already listed.
        for (const QAction* action : page.widget->findChildren<QAction*>()) {
            if (!action->shortcuts().isEmpty())
                add(withoutMnemonic(action->text()), action->shortcuts());
        }
        for (const QAbstractButton* button : page.widget->findChildren<QAbstractButton*>()) {
            const auto* toolButton = qobject_cast<const QToolButton*>(button);
            if (button->shortcut().isEmpty() || (toolButton && toolButton->defaultAction()))
                continue;
            // An Alt+letter mnemonic is underlined on the button itself, as the menus' are.
            if (button->shortcut() == QKeySequence::mnemonic(button->text()))
                continue;
            add(button->accessibleName().isEmpty() ? withoutMnemonic(button->text()) : button->accessibleName(),
                { button->shortcut() });
        }
        shortcuts.append(own);
    }
    return shortcuts;
}
