#pragma once

#include "entitypage.h"
#include "listcache.h"
#include "pagedlistmodel.h"

#include <QTimer>

#include <functional>

namespace Latchkey::Ui {

// A section whose list the server filters and pages (authorizations, audit events). Online, the
// search field (after a pause in typing), the status filter and the page's own filters query the
// server again, and the model loads further pages as the view scrolls. The first rows of an
// unfiltered list go to the cache; offline the page shows them read-only, and the search field
// and status filter then filter those rows here.
class PagedEntityPage : public EntityPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PagedEntityPage)

public:
    // How many rows one request asks for.
    static constexpr int pageSize = 250;
    // How many of the first rows are kept for offline use.
    static constexpr int cachedRows = 1000;

    PagedEntityPage(Workspace &workspace, QAbstractItemModel *model, Core::ListKind kind,
                    QWidget *parent = nullptr);
    ~PagedEntityPage() override;

    void reload() override;
    // Are the rows the server's answer (online), not the cache's.
    bool showsServerRows() const { return m_serverRows; }

protected:
    // Queries the server from the first page with the current filters.
    virtual void query() = 0;
    // Fills the page's own filters (user, consumer…) when a profile loads.
    virtual void loadFilterChoices() {}
    // Are the page's own filters unset, so the loaded rows are the start of the whole list.
    virtual bool ownFiltersEmpty() const { return true; }
    // Makes these columns wide enough for a time in the user's short format.
    void fitTimeColumns(std::initializer_list<int> columns);
    // The page's own filters changed: queries again at once (online).
    void filtersChanged();
    // The search text and the status key the server is asked for.
    QString searchText() const;
    QString statusKey() const;

    void searchChanged(const QString &text) override;
    void statusChanged(const QString &status) override;

    // Connects the model's page requests to the busy indicator, the workspace's connection
    // state and the cache. Call once, from the subclass's constructor.
    template<typename T>
    void follow(PagedListModel<T> *model)
    {
        m_showCached = [this, model] { model->showRows(cachedList<T>(workspace(), m_kind)); };
        model->setObserver({[this] { beginBusy(); },
                            [this, model](const Core::Result<Core::ListPage<T>> &page,
                                          bool firstPage, bool current) {
                                const QList<T> &rows = model->rows();
                                if (current && page && isUnfiltered() &&
                                    rows.size() - page.value().items.size() < cachedRows)
                                    saveCachedList(
                                        workspace(), m_kind,
                                        rows.first(qMin<qsizetype>(rows.size(), cachedRows)));
                                pageFinished(page ? nullptr : &page.error(), firstPage, current);
                            }});
    }

private:
    bool isUnfiltered() const;
    void showCache();
    void pageFinished(const Core::Error *error, bool firstPage, bool current);

    Core::ListKind m_kind;
    QTimer m_searchTimer;
    bool m_serverRows = false;
    std::function<void()> m_showCached;
};

} // namespace Latchkey::Ui
