#include "auditlistmodel.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

AuditListModel::AuditListModel(QObject *parent)
    : PagedListModel<AuditEvent>(parent)
{
}

int AuditListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Actor:
        return tr("Actor");
    case Action:
        return tr("Action");
    case TargetType:
        return tr("Target type");
    case Target:
        return tr("Target");
    case RemoteAddress:
        return tr("Remote address");
    case Details:
        return tr("Details");
    default:
        return {};
    }
}

QStringList AuditListModel::knownActions()
{
    return {u"key.create"_s,
            u"key.update"_s,
            u"key.disable"_s,
            u"key.enable"_s,
            u"key.rotate"_s,
            u"key.delete"_s,
            u"consumer.create"_s,
            u"consumer.update"_s,
            u"consumer.disable"_s,
            u"consumer.enable"_s,
            u"consumer.rotate_secret"_s,
            u"consumer.delete"_s,
            u"authorization.grant"_s,
            u"authorization.revoke"_s,
            u"authorization.revoke_bulk"_s,
            u"user.create"_s};
}

QString AuditListModel::actionText(const QString &action)
{
    static const QHash<QString, const char *> texts = {
        {u"key.create"_s, QT_TR_NOOP("API key created")},
        {u"key.update"_s, QT_TR_NOOP("API key changed")},
        {u"key.disable"_s, QT_TR_NOOP("API key disabled")},
        {u"key.enable"_s, QT_TR_NOOP("API key enabled")},
        {u"key.rotate"_s, QT_TR_NOOP("API key secret rotated")},
        {u"key.delete"_s, QT_TR_NOOP("API key deleted")},
        {u"consumer.create"_s, QT_TR_NOOP("Consumer created")},
        {u"consumer.update"_s, QT_TR_NOOP("Consumer changed")},
        {u"consumer.disable"_s, QT_TR_NOOP("Consumer disabled")},
        {u"consumer.enable"_s, QT_TR_NOOP("Consumer enabled")},
        {u"consumer.rotate_secret"_s, QT_TR_NOOP("Consumer secret rotated")},
        {u"consumer.delete"_s, QT_TR_NOOP("Consumer deleted")},
        {u"authorization.grant"_s, QT_TR_NOOP("Authorization granted")},
        {u"authorization.revoke"_s, QT_TR_NOOP("Authorization revoked")},
        {u"authorization.revoke_bulk"_s, QT_TR_NOOP("Authorizations revoked in bulk")},
        {u"user.create"_s, QT_TR_NOOP("User added")},
    };
    const auto text = texts.constFind(action);
    return text == texts.cend() ? action : tr(*text);
}

QString AuditListModel::targetTypeText(const QString &targetType)
{
    if (targetType == u"api_key")
        return tr("API key");
    if (targetType == u"consumer")
        return tr("Consumer");
    if (targetType == u"authorization")
        return tr("Authorization");
    if (targetType == u"user")
        return tr("User");
    return targetType;
}

QString AuditListModel::detailsText(const AuditEvent &event)
{
    QStringList parts;
    for (auto it = event.details.constBegin(); it != event.details.constEnd(); ++it) {
        QString value;
        if (it->isArray()) {
            // A bulk revoke lists every id; the row shows the first few, the panel all.
            const QJsonArray array = it->toArray();
            QStringList items;
            for (qsizetype i = 0; i < qMin<qsizetype>(array.size(), 3); ++i)
                items.append(array.at(i).toVariant().toString());
            value = items.join(u", "_s);
            if (array.size() > 3)
                value += tr(" and %n more", nullptr, int(array.size() - 3));
        } else if (it->isObject()) {
            value = u"{…}"_s;
        } else {
            value = it->toVariant().toString();
        }
        parts.append(it.key() + u": "_s + value);
    }
    return parts.join(u"; "_s);
}

QString AuditListModel::searchSource(const AuditEvent &event) const
{
    return event.actor + u'\n' + event.action + u'\n' + actionText(event.action) + u'\n' +
           event.targetType + u'\n' + event.targetId + u'\n' + event.remoteAddress + u'\n' +
           QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact));
}

QVariant AuditListModel::display(const AuditEvent &event, int column) const
{
    switch (column) {
    case Time:
        return timeText(event.at);
    case Actor:
        return event.actor;
    case Action:
        return actionText(event.action);
    case TargetType:
        return targetTypeText(event.targetType);
    case Target:
        return event.targetId;
    case RemoteAddress:
        return event.remoteAddress;
    case Details:
        return detailsText(event);
    default:
        return {};
    }
}

QVariant AuditListModel::sortValue(const AuditEvent &event, int column) const
{
    if (column == Time)
        return timeSort(event.at);
    if (column == Actor)
        return foldForSearch(event.actor);
    return display(event, column);
}

QVariant AuditListModel::toolTip(const AuditEvent &event, int column) const
{
    switch (column) {
    case Time:
        return QLocale().toString(event.at.toLocalTime(), QLocale::LongFormat);
    case Action:
        return event.action;
    case Details:
        return detailsText(event);
    default:
        return {};
    }
}

} // namespace Latchkey::Ui
