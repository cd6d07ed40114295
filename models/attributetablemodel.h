#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVariantMap>

#include <optional>

/// The attributes of a record being composed (the Send page): rows of key, type and value text,
/// editable in a table. The type says how the text becomes a value (string, int, double, bool);
/// a row whose text does not fit its type, whose key is empty or repeats an earlier key, is
/// marked with its problem and left out of attributes(), never silently changed.
class AttributeTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        KeyColumn,
        TypeColumn,
        ValueColumn,
        ColumnCount,
    };

    enum Role
    {
        ProblemRole = Qt::UserRole + 1, ///< what is wrong with the row; empty when nothing
        TypeRole, ///< the row's Type, as an int
    };

    enum class Type
    {
        String,
        Int,
        Double,
        Bool,
    };

    struct Attribute
    {
        QString key;
        Type type = Type::String;
        QString value;
    };

    explicit AttributeTableModel(QObject* parent = nullptr);
    Q_DISABLE_COPY_MOVE(AttributeTableModel)

    void setAttributes(const QList<Attribute>& attributes);
    const QList<Attribute>& rows() const { return m_rows; }
    void append(const Attribute& attribute);

    /// The rows without problems as typed values; `problems` gets "row 2 (plan): ..." for the others.
    QVariantMap attributes(QStringList* problems = nullptr) const;
    /// What is wrong with `row` (empty key, a key used by an earlier row, a value of the wrong type).
    QString problem(int row) const;

    static QString typeName(Type type);
    static std::optional<Type> typeFromName(QStringView name);
    /// `text` as a value of `type`; invalid with `problem` set when it is not one.
    static QVariant typedValue(Type type, const QString& text, QString* problem = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool insertRows(int row, int count, const QModelIndex& parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

private:
    /// Every row's problem may change when one key changes (duplicates): says so for all rows.
    void problemsChanged();

    QList<Attribute> m_rows;
};
