#include "listfilterproxy.h"

#include "listroles.h"

#include <protocol/searchfold.h>

namespace Latchkey::Ui {

ListFilterProxy::ListFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setDynamicSortFilter(true);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ListFilterProxy::applyPending);
}

void ListFilterProxy::setSourceModel(QAbstractItemModel *model)
{
    m_filterable = dynamic_cast<const FilterableModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

void ListFilterProxy::setSearchText(const QString &text, int delayMs)
{
    m_pendingSearch = foldForSearch(text.trimmed());
    if (delayMs <= 0)
        applyPending();
    else
        m_timer.start(delayMs);
}

void ListFilterProxy::applyPending()
{
    m_timer.stop();
    if (m_pendingSearch == m_search)
        return;
    m_search = m_pendingSearch;
    m_needle = m_search.toUtf8();
    // A new search changes most rows at once: rebuilding the mapping in one pass is far faster
    // than invalidateRowsFilter()'s row-by-row removals on a large list.
    invalidate();
}

void ListFilterProxy::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidate();
}

bool ListFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (sourceParent.isValid() || !m_filterable)
        return true;
    if (!m_status.isEmpty() && m_filterable->statusKey(sourceRow) != m_status)
        return false;
    return m_needle.isEmpty() || m_filterable->matches(sourceRow, m_needle);
}

} // namespace Latchkey::Ui
