#pragma once

#include "common/entitylistmodel.h"

#include <protocol/entities.h>

namespace Latchkey::Ui {

// The account's OAuth consumers, one row each.
class ConsumerListModel final : public EntityListModel<Consumer>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsumerListModel)

public:
    enum Column {
        Name,
        ClientId,
        GrantType,
        ClientType,
        Group,
        Status,
        LastUsed,
        Created,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ConsumerListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString grantTypeText(Latchkey::GrantType grant);
    static QString clientTypeText(Latchkey::ClientType type);

protected:
    QString idOf(const Consumer &consumer) const override { return consumer.id; }
    QStringView statusOf(const Consumer &consumer) const override;
    QString searchSource(const Consumer &consumer) const override;
    QVariant display(const Consumer &consumer, int column) const override;
    QVariant sortValue(const Consumer &consumer, int column) const override;
    QVariant toolTip(const Consumer &consumer, int column) const override;
    bool isInactive(const Consumer &consumer) const override;
    void compact(Consumer &consumer) override;
    int groupColumn() const override { return Group; }
};

} // namespace Latchkey::Ui
