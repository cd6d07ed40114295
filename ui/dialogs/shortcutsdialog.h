#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QMenuBar;
class QTreeWidget;

/// Help > Keyboard shortcuts: every shortcut of the window, the menus' and each page's, read from
/// the live actions and buttons when the dialog is made, so the list cannot drift from what the
/// keys do.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    /// One key binding as the dialog lists it.
    struct Shortcut
    {
        QString group; ///< the menu ("File") or the page ("Query page") it belongs to
        QString name; ///< what it does, as its action or button says it
        QString keys; ///< in the platform's notation; several separated by "; "
    };
    /// A page whose actions and buttons carry shortcuts of their own.
    struct Page
    {
        QString title;
        const QWidget* widget = nullptr;
    };

    ShortcutsDialog(const QMenuBar* menus, const QList<Page>& pages, QWidget* parent = nullptr);
    ~ShortcutsDialog() override;
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

    /// The menus' shortcuts (submenus included), then each page's, in that order.
    static QList<Shortcut> collect(const QMenuBar* menus, const QList<Page>& pages);
    const QList<Shortcut>& shortcuts() const { return m_shortcuts; }

private:
    QList<Shortcut> m_shortcuts;
    QTreeWidget* m_view;
};
