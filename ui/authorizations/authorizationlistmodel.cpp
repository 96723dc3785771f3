#include "authorizationlistmodel.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

AuthorizationListModel::AuthorizationListModel(QObject *parent)
    : PagedListModel<Authorization>(parent)
{
}

int AuthorizationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuthorizationListModel::headerData(int section, Qt::Orientation orientation,
                                            int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case User:
        return tr("User");
    case Consumer:
        return tr("Consumer");
    case Scopes:
        return tr("Scopes");
    case Status:
        return tr("Status");
    case Created:
        return tr("Authorized");
    case LastUsed:
        return tr("Last used");
    case Revoked:
        return tr("Revoked");
    default:
        return {};
    }
}

QStringView AuthorizationListModel::statusOf(const Authorization &authorization) const
{
    return authorization.isActive() ? u"active" : u"revoked";
}

QString AuthorizationListModel::searchSource(const Authorization &authorization) const
{
    return authorization.userEmail + u'\n' + authorization.consumerName + u'\n' +
           authorization.scopes.join(u' ');
}

QVariant AuthorizationListModel::display(const Authorization &authorization, int column) const
{
    switch (column) {
    case User:
        return authorization.userEmail;
    case Consumer:
        return authorization.consumerName;
    case Scopes:
        return authorization.scopes.join(u", "_s);
    case Status:
        return authorization.isActive() ? tr("Active") : tr("Revoked");
    case Created:
        return timeText(authorization.createdAt);
    case LastUsed:
        return authorization.lastUsedAt.isValid() ? timeText(authorization.lastUsedAt)
                                                  : tr("Never");
    case Revoked:
        return timeText(authorization.revokedAt);
    default:
        return {};
    }
}

QVariant AuthorizationListModel::sortValue(const Authorization &authorization, int column) const
{
    switch (column) {
    case User:
        return foldForSearch(authorization.userEmail);
    case Consumer:
        return foldForSearch(authorization.consumerName);
    case Scopes:
        return authorization.scopes.join(u' ');
    case Status:
        return statusOf(authorization).toString();
    case Created:
        return timeSort(authorization.createdAt);
    case LastUsed:
        return timeSort(authorization.lastUsedAt);
    case Revoked:
        return timeSort(authorization.revokedAt);
    default:
        return {};
    }
}

QVariant AuthorizationListModel::toolTip(const Authorization &authorization, int column) const
{
    if (column == Revoked && !authorization.isActive())
        return tr("Revoked by %1").arg(authorization.revokedBy);
    if (column == Scopes)
        return authorization.scopes.join(u'\n');
    return {};
}

bool AuthorizationListModel::isInactive(const Authorization &authorization) const
{
    return !authorization.isActive();
}

void AuthorizationListModel::compact(Authorization &authorization)
{
    // A user's and a consumer's ids and names repeat on every authorization they have.
    intern(authorization.userId);
    intern(authorization.userEmail);
    intern(authorization.consumerId);
    intern(authorization.consumerName);
    intern(authorization.revokedBy);
    intern(authorization.scopes);
}

} // namespace Latchkey::Ui
