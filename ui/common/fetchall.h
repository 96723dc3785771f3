#pragma once

#include <account/accountclient.h>

#include <QPointer>
#include <QPromise>

#include <functional>
#include <memory>

namespace Latchkey::Ui {

// One page of a list of the account: takes a cursor (empty for the first page).
template<typename T>
using PageFetch = std::function<Core::Task<Core::ListPage<T>>(const QString &cursor)>;

// Fetches pages of `base` (filters, limit) with an AccountClient list call such as
// &AccountClient::authorizations; cancelled once the account client is gone (another profile).
template<typename T>
PageFetch<T> pageFetcher(
    QPointer<Core::AccountClient> account,
    Core::Task<Core::ListPage<T>> (Core::AccountClient::*fetchPage)(const Core::ListQuery &),
    Core::ListQuery base)
{
    return [account, fetchPage, base = std::move(base)](const QString &cursor) {
        if (!account)
            return Core::readyTask<Core::ListPage<T>>(Core::cancelledError());
        Core::ListQuery query = base;
        query.cursor = cursor;
        return ((*account).*fetchPage)(query);
    };
}

// Follows next_cursor until the last page and finishes with every item: for the lists the
// window holds whole (keys, consumers). `fetch` takes a cursor (empty for the first page).
template<typename T>
Core::Task<QList<T>> fetchAll(QObject *context,
                              std::function<Core::Task<Core::ListPage<T>>(const QString &)> fetch)
{
    auto promise = std::make_shared<QPromise<Core::Result<QList<T>>>>();
    promise->start();
    auto items = std::make_shared<QList<T>>();
    auto step = std::make_shared<std::function<void(const QString &)>>();
    // The step holds itself only weakly; the pending continuation holds it strongly.
    *step = [context, fetch, promise, items,
             weak =
                 std::weak_ptr<std::function<void(const QString &)>>(step)](const QString &cursor) {
        auto self = weak.lock();
        fetch(cursor).then(
            QtFuture::Launch::Sync,
            Core::guarded(context, [promise, items, self](Core::Result<Core::ListPage<T>> page) {
                if (!page) {
                    promise->addResult(page.error());
                    promise->finish();
                    return;
                }
                items->append(page.value().items);
                if (page.value().nextCursor.isEmpty()) {
                    promise->addResult(*items);
                    promise->finish();
                    return;
                }
                (*self)(page.value().nextCursor);
            }));
    };
    (*step)({});
    return promise->future();
}

} // namespace Latchkey::Ui
