#pragma once

#include "app/workspace.h"

#include <QJsonObject>

namespace Latchkey::Ui {

// The current profile's cached copy of a list (keys, consumers): what the window shows offline.
// Entities go through their JSON form, which never holds a secret once the page cleared it.
template<typename T>
QList<T> cachedList(Workspace &workspace, Core::ListKind kind)
{
    QList<T> items;
    const auto profile = workspace.currentProfile();
    if (!profile)
        return items;
    const auto cached = workspace.cache().list(profile->id, kind);
    if (cached) {
        for (const QJsonObject &row : cached.value().rows)
            items.append(T::fromJson(row));
    }
    return items;
}

template<typename T>
void saveCachedList(Workspace &workspace, Core::ListKind kind, const QList<T> &items)
{
    const auto profile = workspace.currentProfile();
    if (!profile)
        return;
    QList<QJsonObject> rows;
    rows.reserve(items.size());
    for (const T &item : items)
        rows.append(item.toJson());
    workspace.cache().replaceList(profile->id, kind, rows, QDateTime::currentDateTimeUtc());
}

} // namespace Latchkey::Ui
