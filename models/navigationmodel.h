#pragma once

#include <QAbstractListModel>
#include <QList>

/// The product's pages, in the order the window lists them, with what each page is for and
/// whether it is built yet. The main window's sidebar is a view on this model.
class NavigationModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum class Page
    {
        Send,
        Replay,
        Live,
        Traces,
        Query,
        Dashboards,
        Health,
    };
    Q_ENUM(Page)

    enum Column
    {
        TitleColumn,
        ColumnCount,
    };

    enum Role
    {
        PageRole = Qt::UserRole, ///< NavigationModel::Page
        DescriptionRole, ///< one sentence: what the page does
        AvailableRole, ///< bool: false for a page that later work builds
    };

    explicit NavigationModel(QObject* parent = nullptr);
    ~NavigationModel() override;
    Q_DISABLE_COPY_MOVE(NavigationModel)

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QHash<int, QByteArray> roleNames() const override;

    Page pageAt(int row) const;
    int rowOf(Page page) const;
    bool isAvailable(Page page) const;
    void setAvailable(Page page, bool available);

private:
    struct Entry
    {
        Page page;
        QString title;
        QString description;
        QString iconPath;
        bool available;
    };
    QList<Entry> m_entries;
};
