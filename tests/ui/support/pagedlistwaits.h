#pragma once

#include <common/entitypage.h>
#include <common/pagedlistmodel.h>

#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <QtTest>

namespace Latchkey::Test {

// Waits until no request of the page runs, after the pause a search waits for (the typing delay
// of a server-filtered page).
inline bool settle(const Ui::EntityPage &page, int timeoutMs = 30000)
{
    QTest::qWait(400);
    return QTest::qWaitFor([&page] { return !page.isBusy(); }, timeoutMs);
}

// Loads every page of a server-paged list the way scrolling to the end does, then settles.
template<typename T>
bool loadAll(const Ui::EntityPage &page, Ui::PagedListModel<T> &model)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 60000) {
        if (!QTest::qWaitFor([&model] { return !model.isLoading(); }, 30000))
            return false;
        if (!model.canFetchMore({}))
            return settle(page);
        model.fetchMore({});
    }
    return false;
}

// The source rows in the order the proxy shows them (sorted, filtered).
inline QList<int> sourceRowsInViewOrder(const QSortFilterProxyModel &proxy)
{
    QList<int> rows;
    for (int row = 0; row < proxy.rowCount(); ++row)
        rows.append(proxy.mapToSource(proxy.index(row, 0)).row());
    return rows;
}

} // namespace Latchkey::Test
