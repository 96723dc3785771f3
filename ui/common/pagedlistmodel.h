#pragma once

#include "entitylistmodel.h"
#include "fetchall.h"

#include <functional>

namespace Latchkey::Ui {

// A list the server pages (authorizations, audit events): a tenant may have a million rows, so
// the model holds only the pages the view asked for. query() loads the first page; the view asks
// for the next through canFetchMore()/fetchMore() as the user scrolls, and the model follows the
// server's next_cursor. A new query() (the filters changed) drops the rows and any page still on
// its way. The server's order is kept; a proxy may sort the loaded rows.
template<typename T>
class PagedListModel : public EntityListModel<T>
{
public:
    using Page = Core::ListPage<T>;
    using Fetch = PageFetch<T>;
    // Told about every page request: `started` when it leaves, `finished` when it answered.
    // `current` is false when a newer query() replaced the one the page belonged to (its rows
    // were dropped); `firstPage` when it was the query's first.
    struct Observer
    {
        std::function<void()> started;
        std::function<void(const Core::Result<Page> &page, bool firstPage, bool current)> finished;
    };

    explicit PagedListModel(QObject *parent = nullptr)
        : EntityListModel<T>(parent)
    {
        // The server searches these lists; the window filters them only offline.
        this->setSearchIndexed(false);
    }

    void setObserver(Observer observer) { m_observer = std::move(observer); }

    // Reads the list again from its first page. The rows shown stay until that page arrives,
    // so a refresh does not flash an empty table.
    void query(Fetch fetch)
    {
        ++m_generation;
        m_fetch = std::move(fetch);
        m_cursor.clear();
        m_total.reset();
        m_loading = false;
        request({});
    }

    // Shows these rows (the cache, offline) with nothing more to fetch.
    void showRows(QList<T> rows)
    {
        ++m_generation;
        m_fetch = {};
        m_cursor.clear();
        m_total.reset();
        m_loading = false;
        this->setRows(std::move(rows));
    }

    bool canFetchMore(const QModelIndex &parent) const override
    {
        return !parent.isValid() && m_fetch && !m_loading && !m_cursor.isEmpty();
    }

    void fetchMore(const QModelIndex &parent) override
    {
        if (canFetchMore(parent))
            request(m_cursor);
    }

    bool isLoading() const { return m_loading; }
    // Is there a page after the loaded ones.
    bool hasMore() const { return !m_cursor.isEmpty(); }
    // The server's count of the whole list, when the query asked for it (include_total).
    std::optional<qint64> total() const { return m_total; }

private:
    void request(const QString &cursor)
    {
        m_loading = true;
        const quint64 generation = m_generation;
        const bool first = cursor.isEmpty();
        if (m_observer.started)
            m_observer.started();
        // A request dropped with its account client (the profile changed) finishes as
        // cancelled, so the observer always hears the end of what it heard start.
        Core::then(
            m_fetch(cursor).onCanceled([] { return Core::Result<Page>(Core::cancelledError()); }),
            this, [this, generation, first](Core::Result<Page> page) {
                const bool current = generation == m_generation;
                if (current) {
                    m_loading = false;
                    if (page) {
                        m_cursor = page.value().nextCursor;
                        if (page.value().total)
                            m_total = page.value().total;
                        if (first)
                            this->setRows(page.value().items);
                        else
                            this->appendRows(page.value().items);
                    } else {
                        // No retry loop from the view: the next query() (refresh) starts
                        // again.
                        m_cursor.clear();
                    }
                }
                if (m_observer.finished)
                    m_observer.finished(page, first, current);
            });
    }

    Fetch m_fetch;
    Observer m_observer;
    QString m_cursor;
    std::optional<qint64> m_total;
    bool m_loading = false;
    quint64 m_generation = 0;
};

} // namespace Latchkey::Ui
