#include "attributetablemodel.h"

#include "common/enumnames.h"

#include <QColor>

using namespace Qt::StringLiterals;

namespace {
constexpr std::pair<AttributeTableModel::Type, QStringView> typeNames[] = {
    { AttributeTableModel::Type::String, u"string" },
    { AttributeTableModel::Type::Int, u"int" },
    { AttributeTableModel::Type::Double, u"double" },
    { AttributeTableModel::Type::Bool, u"bool" },
};
} // namespace

AttributeTableModel::AttributeTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void AttributeTableModel::setAttributes(const QList<Attribute>& attributes)
{
    beginResetModel();
    m_rows = attributes;
    endResetModel();
}

void AttributeTableModel::append(const Attribute& attribute)
{
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    m_rows.append(attribute);
    endInsertRows();
    problemsChanged();
}

QString AttributeTableModel::typeName(Type type)
{
    return EnumNames::nameOf(typeNames, type);
}

std::optional<AttributeTableModel::Type> AttributeTableModel::typeFromName(QStringView name)
{
    return EnumNames::valueOf(typeNames, name, Qt::CaseInsensitive);
}

QVariant AttributeTableModel::typedValue(Type type, const QString& text, QString* problem)
{
    const QString trimmed = text.trimmed();
    bool ok = false;
    switch (type) {
    case Type::String:
        return text;
    case Type::Int: {
        const qint64 value = trimmed.toLongLong(&ok);
        if (ok)
            return value;
        break;
    }
    case Type::Double: {
        const double value = trimmed.toDouble(&ok);
        if (ok)
            return value;
        break;
    }
    case Type::Bool:
        if (trimmed == u"true"_s || trimmed == u"false"_s)
            return trimmed == u"true"_s;
        if (problem)
            *problem = u"\"%1\" is not true or false"_s.arg(text);
        return {};
    }
    if (problem)
        *problem = u"\"%1\" is not %2"_s.arg(text, type == Type::Int ? u"a whole number"_s : u"a number"_s);
    return {};
}

QString AttributeTableModel::problem(int row) const
{
    const Attribute& attribute = m_rows.at(row);
    if (attribute.key.trimmed().isEmpty())
        return u"the key is empty"_s;
    for (int earlier = 0; earlier < row; ++earlier) {
        if (m_rows.at(earlier).key == attribute.key)
            return u"the key is used by row %1 already"_s.arg(earlier + 1);
    }
    QString problem;
    typedValue(attribute.type, attribute.value, &problem);
    return problem;
}

QVariantMap AttributeTableModel::attributes(QStringList* problems) const
{
    QVariantMap values;
    for (int row = 0; row < m_rows.size(); ++row) {
        const QString what = problem(row);
        if (what.isEmpty())
            values.insert(m_rows.at(row).key, typedValue(m_rows.at(row).type, m_rows.at(row).value));
        else if (problems)
            problems->append(u"row %1 (%2): %3"_s.arg(row + 1).arg(m_rows.at(row).key, what));
    }
    return values;
}

int AttributeTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AttributeTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AttributeTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Attribute& attribute = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case KeyColumn:
            return attribute.key;
        case TypeColumn:
            return typeName(attribute.type);
        case ValueColumn:
            return attribute.value;
        }
        return {};
    case Qt::ToolTipRole:
    case ProblemRole:
        return problem(index.row());
    case Qt::ForegroundRole:
        return problem(index.row()).isEmpty() ? QVariant() : QVariant(QColor(0xc4, 0x16, 0x2a));
    case TypeRole:
        return int(attribute.type);
    }
    return {};
}

bool AttributeTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    Attribute& attribute = m_rows[index.row()];
    switch (index.column()) {
    case KeyColumn:
        attribute.key = value.toString();
        break;
    case TypeColumn: {
        const std::optional<Type> type = typeFromName(value.toString());
        if (!type)
            return false;
        attribute.type = *type;
        break;
    }
    case ValueColumn:
        attribute.value = value.toString();
        break;
    default:
        return false;
    }
    Q_EMIT dataChanged(index, index, { Qt::DisplayRole, Qt::EditRole });
    problemsChanged();
    return true;
}

Qt::ItemFlags AttributeTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable;
}

QVariant AttributeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case KeyColumn:
        return tr("Key");
    case TypeColumn:
        return tr("Type");
    case ValueColumn:
        return tr("Value");
    }
    return {};
}

bool AttributeTableModel::insertRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || row < 0 || row > m_rows.size() || count < 1)
        return false;
    beginInsertRows(parent, row, row + count - 1);
    m_rows.insert(row, count, Attribute());
    endInsertRows();
    problemsChanged();
    return true;
}

bool AttributeTableModel::removeRows(int row, int count, const QModelIndex& parent)
{
    if (parent.isValid() || row < 0 || count < 1 || row + count > m_rows.size())
        return false;
    beginRemoveRows(parent, row, row + count - 1);
    m_rows.remove(row, count);
    endRemoveRows();
    problemsChanged();
    return true;
}

void AttributeTableModel::problemsChanged()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1),
            { Qt::ToolTipRole, Qt::ForegroundRole, ProblemRole });
}
