#pragma once

#include <protocol/searchfold.h>

#include <QDateTime>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

namespace Latchkey::Server {

// Lists are keyset-paged, newest first, by (created_at, id). The cursor is opaque to clients.
struct Cursor
{
    qint64 createdAt = 0;
    QString id;

    QString encode() const;
    static std::optional<Cursor> decode(const QString &text);
};

template<typename T>
struct Page
{
    QList<T> items;
    QString nextCursor; // empty on the last page
};

struct PageRequest
{
    int limit = 100;
    std::optional<Cursor> after;
};

// Appends "AND (created_at, id) < cursor" (with an optional table alias) for keyset paging.
void appendKeyset(QString &sql, QVariantList &values, const PageRequest &page,
                  QStringView alias = {});

// Items were fetched with LIMIT page.limit + 1: the extra one proves there is a next page.
template<typename T>
Page<T> makePage(QList<T> items, int limit)
{
    Page<T> page;
    if (items.size() > limit) {
        items.resize(limit);
        const T &last = items.constLast();
        page.nextCursor = Cursor{last.createdAt.toMSecsSinceEpoch(), last.id}.encode();
    }
    page.items = std::move(items);
    return page;
}

// LIKE pattern for a "contains" search over folded text, with % _ and \ escaped (ESCAPE '\').
QString containsPattern(const QString &text);

} // namespace Latchkey::Server
