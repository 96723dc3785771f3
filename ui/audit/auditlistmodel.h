#pragma once

#include "common/pagedlistmodel.h"

#include <protocol/entities.h>

namespace Latchkey::Ui {

// The account's audit log: who did what, when, to what, from where; newest first, paged from
// the server (see PagedListModel).
class AuditListModel final : public PagedListModel<AuditEvent>
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditListModel)

public:
    enum Column { Time, Actor, Action, TargetType, Target, RemoteAddress, Details, ColumnCount };
    Q_ENUM(Column)

    explicit AuditListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // The actions the server records, in the order the action filter lists them.
    static QStringList knownActions();
    // "API key rotated" for key.rotate; the action itself when it is not a known one.
    static QString actionText(const QString &action);
    static QString targetTypeText(const QString &targetType);
    // The event's details as "name: value" pairs on one line.
    static QString detailsText(const AuditEvent &event);

protected:
    QString idOf(const AuditEvent &event) const override { return QString::number(event.id); }
    QStringView statusOf(const AuditEvent &) const override { return {}; }
    QString searchSource(const AuditEvent &event) const override;
    QVariant display(const AuditEvent &event, int column) const override;
    QVariant sortValue(const AuditEvent &event, int column) const override;
    QVariant toolTip(const AuditEvent &event, int column) const override;
};

} // namespace Latchkey::Ui
