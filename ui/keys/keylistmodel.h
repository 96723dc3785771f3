#pragma once

#include "common/entitylistmodel.h"

#include <protocol/entities.h>

namespace Latchkey::Ui {

// The account's API keys, one row each.
class KeyListModel final : public EntityListModel<ApiKey>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyListModel)

public:
    enum Column { Name, KeyId, Group, Status, Expires, LastUsed, Created, ColumnCount };
    Q_ENUM(Column)

    explicit KeyListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString idOf(const ApiKey &key) const override { return key.id; }
    QStringView statusOf(const ApiKey &key) const override;
    QString searchSource(const ApiKey &key) const override;
    QVariant display(const ApiKey &key, int column) const override;
    QVariant sortValue(const ApiKey &key, int column) const override;
    bool isInactive(const ApiKey &key) const override;
    void compact(ApiKey &key) override;
    int groupColumn() const override { return Group; }
};

} // namespace Latchkey::Ui
