#include "keylistmodel.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

KeyListModel::KeyListModel(QObject *parent)
    : EntityListModel<ApiKey>(parent)
{
}

int KeyListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant KeyListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case KeyId:
        return tr("API Key");
    case Group:
        return tr("Permission group");
    case Status:
        return tr("Status");
    case Expires:
        return tr("Expires");
    case LastUsed:
        return tr("Last used");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

QStringView KeyListModel::statusOf(const ApiKey &key) const
{
    if (key.status == EntityStatus::Disabled)
        return u"disabled";
    if (key.expiresAt.isValid() && key.expiresAt <= QDateTime::currentDateTimeUtc())
        return u"expired";
    return u"active";
}

QString KeyListModel::searchSource(const ApiKey &key) const
{
    return key.name + u'\n' + key.id + u'\n' + key.description;
}

QVariant KeyListModel::display(const ApiKey &key, int column) const
{
    switch (column) {
    case Name:
        return key.name;
    case KeyId:
        return key.id;
    case Group:
        return groupName(key.permissionGroupId);
    case Status: {
        const QStringView status = statusOf(key);
        return status == u"disabled"  ? tr("Disabled")
               : status == u"expired" ? tr("Expired")
                                      : tr("Active");
    }
    case Expires:
        return key.expiresAt.isValid() ? timeText(key.expiresAt) : tr("Never");
    case LastUsed:
        return key.lastUsedAt.isValid() ? timeText(key.lastUsedAt) : tr("Never");
    case Created:
        return timeText(key.createdAt);
    default:
        return {};
    }
}

QVariant KeyListModel::sortValue(const ApiKey &key, int column) const
{
    switch (column) {
    case Name:
        return foldForSearch(key.name);
    case KeyId:
        return key.id;
    case Group:
        return groupName(key.permissionGroupId);
    case Status:
        return statusOf(key).toString();
    case Expires:
        // Keys that never expire sort after every date.
        return key.expiresAt.isValid() ? key.expiresAt.toMSecsSinceEpoch()
                                       : std::numeric_limits<qint64>::max();
    case LastUsed:
        return timeSort(key.lastUsedAt);
    case Created:
        return timeSort(key.createdAt);
    default:
        return {};
    }
}

bool KeyListModel::isInactive(const ApiKey &key) const
{
    return statusOf(key) != u"active";
}

void KeyListModel::compact(ApiKey &key)
{
    intern(key.permissionGroupId);
    intern(key.createdBy);
}

} // namespace Latchkey::Ui
