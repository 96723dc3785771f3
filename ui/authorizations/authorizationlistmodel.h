#pragma once

#include "common/pagedlistmodel.h"

#include <protocol/entities.h>

namespace Latchkey::Ui {

// The consents users of the account granted to consumers, one row each, paged from the server
// newest first (see PagedListModel).
class AuthorizationListModel final : public PagedListModel<Authorization>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuthorizationListModel)

public:
    enum Column { User, Consumer, Scopes, Status, Created, LastUsed, Revoked, ColumnCount };
    Q_ENUM(Column)

    explicit AuthorizationListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString idOf(const Authorization &authorization) const override { return authorization.id; }
    QStringView statusOf(const Authorization &authorization) const override;
    QString searchSource(const Authorization &authorization) const override;
    QVariant display(const Authorization &authorization, int column) const override;
    QVariant sortValue(const Authorization &authorization, int column) const override;
    QVariant toolTip(const Authorization &authorization, int column) const override;
    bool isInactive(const Authorization &authorization) const override;
    void compact(Authorization &authorization) override;
};

} // namespace Latchkey::Ui
