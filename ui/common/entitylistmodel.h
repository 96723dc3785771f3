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
#include <QSet>

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
        m_strings.clear();
        m_lists.clear();
        m_search.clear();
        m_search.reserve(m_rows.size());
        for (T &entity : m_rows) {
            compact(entity);
            if (m_indexSearch)
                m_search.append(foldForSearch(searchSource(entity)).toUtf8());
        }
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
            compact(m_rows.last());
            if (m_indexSearch)
                m_search.append(foldForSearch(searchSource(entity)).toUtf8());
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
            compact(m_rows.first());
            if (m_indexSearch)
                m_search.prepend(foldForSearch(searchSource(entity)).toUtf8());
            endInsertRows();
            return;
        }
        m_rows[row] = entity;
        compact(m_rows[row]);
        if (m_indexSearch)
            m_search[row] = foldForSearch(searchSource(entity)).toUtf8();
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

    // The row's folded search text, UTF-8: kept for every row of a list filtered here (half a
    // QString's memory, and a byte search is the fastest substring test), made on the fly for a
    // list the server filters (see setSearchIndexed).
    QByteArray searchText(int row) const
    {
        return m_indexSearch ? m_search.at(row)
                             : foldForSearch(searchSource(m_rows.at(row))).toUtf8();
    }
    bool matches(int row, const QByteArray &needle) const override
    {
        return m_indexSearch ? m_search.at(row).contains(needle) : searchText(row).contains(needle);
    }
    QStringView statusKey(int row) const override { return statusOf(m_rows.at(row)); }

protected:
    virtual QString idOf(const T &entity) const = 0;
    // A static string: "active", "disabled", "revoked".
    virtual QStringView statusOf(const T &entity) const = 0;
    virtual QString searchSource(const T &entity) const = 0;
    virtual QVariant display(const T &entity, int column) const = 0;
    virtual QVariant sortValue(const T &entity, int column) const = 0;
    virtual QVariant toolTip(const T &, int) const { return {}; }
    // Lets a model share the strings many of its rows repeat (group ids, user emails, consumer
    // names, scope lists) through intern(): a million rows then hold one copy of each. Called
    // on every row as it is stored.
    virtual void compact(T &) {}
    // A list the server searches (a million authorizations) keeps no search text per row: the
    // window filters it locally only offline, over the few rows it cached. Call before rows
    // arrive.
    void setSearchIndexed(bool indexed) { m_indexSearch = indexed; }
    void intern(QString &text)
    {
        if (text.isEmpty())
            return;
        if (const auto it = m_strings.constFind(text); it != m_strings.cend())
            text = *it;
        else
            m_strings.insert(text);
    }
    void intern(QStringList &list)
    {
        if (list.isEmpty())
            return;
        if (const auto it = m_lists.constFind(list); it != m_lists.cend()) {
            list = *it;
            return;
        }
        for (QString &item : list)
            intern(item);
        m_lists.insert(list);
    }
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
    QList<QByteArray> m_search;
    QSet<QString> m_strings;
    QSet<QStringList> m_lists;
    bool m_indexSearch = true;
    QHash<QString, QString> m_groups;
};

} // namespace Latchkey::Ui
