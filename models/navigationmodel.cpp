#include "navigationmodel.h"

#include <QIcon>

using namespace Qt::StringLiterals;

NavigationModel::NavigationModel(QObject* parent)
    : QAbstractListModel(parent)
{
    m_entries = {
        { Page::Send, tr("Send"), tr("Compose events, errors, metrics and logs and send them as the SDKs do."),
            u":/icons/page-send.svg"_s, true },
        { Page::Replay, tr("Replay"), tr("Record captures and replay them at any speed through either backend."),
            u":/icons/page-replay.svg"_s, true },
        { Page::Live, tr("Live"),
            tr("Watch what the receiver takes arrive: a tail with filters, each record's details, rates per signal."),
            u":/icons/page-live.svg"_s, true },
        { Page::Traces, tr("Traces"),
            tr("Search traces and follow one request through its spans and logs on a waterfall."),
            u":/icons/page-traces.svg"_s, true },
        { Page::Query, tr("Query"), tr("Run SQL with Grafana macros against ClickHouse and chart the result."),
            u":/icons/page-query.svg"_s, true },
        { Page::Dashboards, tr("Dashboards"), tr("Import Grafana dashboards and show their panels locally."),
            u":/icons/page-dashboards.svg"_s, true },
        { Page::Health, tr("Health"), tr("Live health of ClickHouse, the collector, Grafana and the workbench itself."),
            u":/icons/page-health.svg"_s, true },
    };
}

NavigationModel::~NavigationModel() = default;

int NavigationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

QVariant NavigationModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid())
        return {};
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    const Entry& entry = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return entry.title;
    case Qt::ToolTipRole:
        return entry.available ? entry.description : tr("Not built yet. Planned: %1").arg(entry.description);
    case Qt::DecorationRole:
        return QIcon(entry.iconPath);
    case PageRole:
        return QVariant::fromValue(entry.page);
    case DescriptionRole:
        return entry.description;
    case AvailableRole:
        return entry.available;
    default:
        return {};
    }
}

Qt::ItemFlags NavigationModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    // A page that is not built yet is greyed and cannot be chosen; its tooltip says what it will do.
    if (!m_entries.at(index.row()).available)
        return Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> NavigationModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(PageRole, "page");
    names.insert(DescriptionRole, "description");
    names.insert(AvailableRole, "available");
    return names;
}

NavigationModel::Page NavigationModel::pageAt(int row) const
{
    return m_entries.at(row).page;
}

int NavigationModel::rowOf(Page page) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).page == page)
            return row;
    }
    return -1;
}

bool NavigationModel::isAvailable(Page page) const
{
    const int row = rowOf(page);
    return row >= 0 && m_entries.at(row).available;
}

void NavigationModel::setAvailable(Page page, bool available)
{
    const int row = rowOf(page);
    if (row < 0 || m_entries.at(row).available == available)
        return;
    m_entries[row].available = available;
    const QModelIndex changed = index(row, TitleColumn);
    // Flags change too; views repaint the row (and ask for its flags) on dataChanged.
    Q_EMIT dataChanged(changed, changed, { Qt::ToolTipRole, AvailableRole });
}
