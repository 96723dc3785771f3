#pragma once

#include "listfilterproxy.h"
#include "listroles.h"

#include <protocol/entities.h>
#include <protocol/searchfold.h>

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QPalette>

#include <utility>

namespace Latchkey::Ui {

// A table of entities of one kind (keys, consumers, authorizations, audit events): rows kept as
// the typed values the core returns, a Column enum in each subclass, SortRole carrying raw
// values, and the folded search text computed once per row so the filter proxy never formats a
// cell. Subclasses say how an entity shows; this class keeps the rows and the model signals.
template<typename T>
class EntityListModel : public QAbstractTableModel, public FilterableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        const T &entity = m_rows.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return display(entity, index.column());
        case Qt::ToolTipRole:
            return toolTip(entity, index.column());
        case SortRole:
            return sortValue(entity, index.column());
        case IdRole:
            return idOf(entity);
        case StatusRole:
            return statusOf(entity).toString();
        case Qt::ForegroundRole:
            if (isInactive(entity))
                return QPalette().color(QPalette::Disabled, QPalette::Text);
            return {};
        default:
            return {};
        }
    }

    void setRows(QList<T> rows)
    {
        beginResetModel();
        m_rows = std::move(rows);
        m_search.clear();
        m_search.reserve(m_rows.size());
        for (const T &entity : std::as_const(m_rows))
            m_search.append(foldForSearch(searchSource(entity)));
        endResetModel();
    }

    // The next page of a server-side paged list.
    void appendRows(const QList<T> &rows)
    {
        if (rows.isEmpty())
            return;
        beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
        for (const T &entity : rows) {
            m_rows.append(entity);
            m_search.append(foldForSearch(searchSource(entity)));
        }
        endInsertRows();
    }

    // Replaces the row with the same id, or inserts the entity as the first row.
    void upsert(const T &entity)
    {
        const int row = rowOf(idOf(entity));
        if (row < 0) {
            beginInsertRows({}, 0, 0);
            m_rows.prepend(entity);
            m_search.prepend(foldForSearch(searchSource(entity)));
            endInsertRows();
            return;
        }
        m_rows[row] = entity;
        m_search[row] = foldForSearch(searchSource(entity));
        Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
    }

    void removeId(const QString &id)
    {
        const int row = rowOf(id);
        if (row < 0)
            return;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        m_search.removeAt(row);
        endRemoveRows();
    }

    int rowOf(const QString &id) const
    {
        for (qsizetype i = 0; i < m_rows.size(); ++i) {
            if (idOf(m_rows.at(i)) == id)
                return int(i);
        }
        return -1;
    }

    const T &at(int row) const { return m_rows.at(row); }
    const QList<T> &rows() const { return m_rows; }

    // Permission group names by id, for the group column (groupColumn()).
    void setGroups(const QList<PermissionGroup> &groups)
    {
        m_groups.clear();
        for (const PermissionGroup &group : groups)
            m_groups.insert(group.id, group.name);
        if (groupColumn() >= 0 && rowCount() > 0)
            Q_EMIT dataChanged(index(0, groupColumn()), index(rowCount() - 1, groupColumn()));
    }
    QString groupName(const QString &id) const { return m_groups.value(id, id); }

    const QString &searchText(int row) const override { return m_search.at(row); }
    QStringView statusKey(int row) const override { return statusOf(m_rows.at(row)); }

protected:
    virtual QString idOf(const T &entity) const = 0;
    // A static string: "active", "disabled", "revoked".
    virtual QStringView statusOf(const T &entity) const = 0;
    virtual QString searchSource(const T &entity) const = 0;
    virtual QVariant display(const T &entity, int column) const = 0;
    virtual QVariant sortValue(const T &entity, int column) const = 0;
    virtual QVariant toolTip(const T &, int) const { return {}; }
    virtual bool isInactive(const T &) const { return false; }
    // The column that shows groupName(), or -1.
    virtual int groupColumn() const { return -1; }

    // Local time in the user's short format; "—" when there is none.
    static QString timeText(const QDateTime &time)
    {
        return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                              : QStringLiteral("—");
    }
    // Never-set dates sort before every real one.
    static QVariant timeSort(const QDateTime &time)
    {
        return time.isValid() ? time.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
    }

private:
    QList<T> m_rows;
    QList<QString> m_search;
    QHash<QString, QString> m_groups;
};

} // namespace Latchkey::Ui
