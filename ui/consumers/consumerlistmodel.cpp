#include "consumerlistmodel.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

ConsumerListModel::ConsumerListModel(QObject *parent)
    : EntityListModel<Consumer>(parent)
{
}

int ConsumerListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConsumerListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case ClientId:
        return tr("Client ID");
    case GrantType:
        return tr("Grant type");
    case ClientType:
        return tr("Client type");
    case Group:
        return tr("Permission group");
    case Status:
        return tr("Status");
    case LastUsed:
        return tr("Last used");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

QString ConsumerListModel::grantTypeText(Latchkey::GrantType grant)
{
    return grant == Latchkey::GrantType::AuthorizationCode ? tr("Authorization code")
                                                           : tr("Client credentials");
}

QString ConsumerListModel::clientTypeText(Latchkey::ClientType type)
{
    return type == Latchkey::ClientType::Public ? tr("Public") : tr("Confidential");
}

QStringView ConsumerListModel::statusOf(const Consumer &consumer) const
{
    return consumer.status == EntityStatus::Disabled ? u"disabled" : u"active";
}

QString ConsumerListModel::searchSource(const Consumer &consumer) const
{
    return consumer.name + u'\n' + consumer.clientId + u'\n' + consumer.description + u'\n' +
           consumer.redirectUris.join(u'\n');
}

QVariant ConsumerListModel::display(const Consumer &consumer, int column) const
{
    switch (column) {
    case Name:
        return consumer.name;
    case ClientId:
        return consumer.clientId;
    case GrantType:
        return grantTypeText(consumer.grantType);
    case ClientType:
        return clientTypeText(consumer.clientType);
    case Group:
        return groupName(consumer.permissionGroupId);
    case Status:
        return consumer.status == EntityStatus::Disabled ? tr("Disabled") : tr("Active");
    case LastUsed:
        return consumer.lastUsedAt.isValid() ? timeText(consumer.lastUsedAt) : tr("Never");
    case Created:
        return timeText(consumer.createdAt);
    default:
        return {};
    }
}

QVariant ConsumerListModel::sortValue(const Consumer &consumer, int column) const
{
    switch (column) {
    case Name:
        return foldForSearch(consumer.name);
    case ClientId:
        return consumer.clientId;
    case GrantType:
        return toString(consumer.grantType);
    case ClientType:
        return toString(consumer.clientType);
    case Group:
        return groupName(consumer.permissionGroupId);
    case Status:
        return statusOf(consumer).toString();
    case LastUsed:
        return timeSort(consumer.lastUsedAt);
    case Created:
        return timeSort(consumer.createdAt);
    default:
        return {};
    }
}

QVariant ConsumerListModel::toolTip(const Consumer &consumer, int column) const
{
    if (column == Name && !consumer.description.isEmpty())
        return consumer.description;
    if (column == GrantType && !consumer.redirectUris.isEmpty())
        return consumer.redirectUris.join(u'\n');
    return {};
}

bool ConsumerListModel::isInactive(const Consumer &consumer) const
{
    return consumer.status == EntityStatus::Disabled;
}

void ConsumerListModel::compact(Consumer &consumer)
{
    intern(consumer.permissionGroupId);
    intern(consumer.createdBy);
}

} // namespace Latchkey::Ui
