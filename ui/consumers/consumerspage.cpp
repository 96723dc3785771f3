#include "consumerspage.h"

#include "app/workspace.h"
#include "common/confirm.h"
#include "common/icons.h"
#include "common/rotatedialog.h"
#include "consumereditdialog.h"
#include "consumerlistmodel.h"
#include "secrets/secretdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QMessageBox>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

ConsumersPage::ConsumersPage(Workspace &workspace, QWidget *parent)
    : EntityPage(workspace, new ConsumerListModel, parent)
    , m_model(static_cast<ConsumerListModel *>(proxy()->sourceModel()))
    , m_new(new QAction(icon(u"add"), tr("&New Consumer…"), this))
    , m_edit(new QAction(icon(u"edit"), tr("&Edit…"), this))
    , m_rotate(new QAction(icon(u"rotate"), tr("&Rotate Secret…"), this))
    , m_toggle(new QAction(icon(u"disable"), tr("&Disable"), this))
    , m_delete(new QAction(icon(u"delete"), tr("De&lete…"), this))
    , m_copy(new QAction(icon(u"copy"), tr("&Copy Client ID"), this))
    , m_export(new QAction(icon(u"export"), tr("E&xport…"), this))
    , m_test(new QAction(icon(u"test"), tr("&Test in Flow Tester"), this))
{
    setObjectName(u"consumersPage"_s);
    m_model->setParent(this);
    m_new->setObjectName(u"newConsumerAction"_s);
    m_edit->setObjectName(u"editConsumerAction"_s);
    m_rotate->setObjectName(u"rotateConsumerAction"_s);
    m_toggle->setObjectName(u"toggleConsumerAction"_s);
    m_delete->setObjectName(u"deleteConsumerAction"_s);
    m_copy->setObjectName(u"copyConsumerAction"_s);
    m_export->setObjectName(u"exportConsumersAction"_s);
    m_test->setObjectName(u"testConsumerAction"_s);
    m_test->setToolTip(tr("Run this consumer's grant in the Flow Tester (Ctrl+T)"));
    m_new->setToolTip(tr("New OAuth consumer (Ctrl+N)"));
    addItemActions(itemActions());

    connect(m_new, &QAction::triggered, this, &ConsumersPage::createConsumer);
    connect(m_edit, &QAction::triggered, this, &ConsumersPage::editConsumer);
    connect(m_rotate, &QAction::triggered, this, &ConsumersPage::rotateSecret);
    connect(m_toggle, &QAction::triggered, this, &ConsumersPage::toggleConsumer);
    connect(m_delete, &QAction::triggered, this, &ConsumersPage::deleteConsumer);
    connect(m_copy, &QAction::triggered, this, &ConsumersPage::copyClientId);
    connect(m_export, &QAction::triggered, this,
            [this] { Q_EMIT exportRequested(selectedIds(), {}); });
    connect(m_test, &QAction::triggered, this, [this] {
        if (const auto item = currentItem(m_model))
            Q_EMIT testRequested(*item);
    });

    setStatusFilterItems({{tr("All statuses"), QString()},
                          {tr("Active"), u"active"_s},
                          {tr("Disabled"), u"disabled"_s}});
    view()->horizontalHeader()->resizeSection(ConsumerListModel::Name, 160);
    view()->horizontalHeader()->resizeSection(ConsumerListModel::ClientId, 190);
    view()->horizontalHeader()->resizeSection(ConsumerListModel::GrantType, 130);
    view()->horizontalHeader()->resizeSection(ConsumerListModel::ClientType, 95);
    view()->horizontalHeader()->resizeSection(ConsumerListModel::Group, 110);
    updateActions();
}

ConsumersPage::~ConsumersPage() = default;

QString ConsumersPage::title() const
{
    return tr("OAuth Consumers");
}

void ConsumersPage::reload()
{
    loadWholeList(m_model, Core::ListKind::Consumers, &Core::AccountClient::consumers);
}

void ConsumersPage::saveCache()
{
    saveCachedList(workspace(), Core::ListKind::Consumers, m_model->rows());
}

EntityPage::ItemActions ConsumersPage::itemActions() const
{
    return {m_new, m_edit, m_rotate, m_toggle, m_delete, m_copy, m_export, m_test};
}

void ConsumersPage::updateActions()
{
    EntityPage::updateActions();
    const auto consumer = currentItem(m_model);
    // A public client has no secret to rotate.
    const bool isPublic = consumer && consumer->clientType == ClientType::Public;
    updateItemActions(itemActions(), !isPublic,
                      consumer && consumer->status == EntityStatus::Disabled);
    m_rotate->setToolTip(isPublic ? tr("A public client has no secret to rotate.")
                                  : tr("Rotate the client secret"));
}

QString ConsumersPage::detailsHtml(int sourceRow) const
{
    const Consumer &consumer = m_model->at(sourceRow);
    const QModelIndex status = m_model->index(sourceRow, ConsumerListModel::Status);
    const auto time = &EntityPage::longTime;
    QList<std::pair<QString, QString>> rows{
        {tr("Client ID"), consumer.clientId},
        {tr("Status"), status.data().toString()},
        {tr("Permission group"), m_model->groupName(consumer.permissionGroupId)},
        {tr("Description"), consumer.description},
        {tr("Grant type"), ConsumerListModel::grantTypeText(consumer.grantType)},
    };
    if (consumer.grantType == GrantType::AuthorizationCode) {
        rows.append({tr("Client type"), ConsumerListModel::clientTypeText(consumer.clientType)});
        rows.append({tr("Redirect URIs"), consumer.redirectUris.join(u'\n')});
        rows.append({tr("PKCE"), consumer.requirePkce ? tr("Required") : tr("Optional")});
    }
    rows.append(
        {tr("Access tokens live"), tr("%n minute(s)", nullptr, consumer.accessTokenTtl / 60)});
    rows.append(
        {tr("Last used"), consumer.lastUsedAt.isValid() ? time(consumer.lastUsedAt) : tr("Never")});
    rows.append({tr("Created"), time(consumer.createdAt)});
    rows.append({tr("Created by"), consumer.createdBy});
    if (consumer.clientType == ClientType::Confidential)
        rows.append({tr("Secret rotated"), time(consumer.rotatedAt)});
    if (consumer.previousSecretValidUntil.isValid() &&
        consumer.previousSecretValidUntil > QDateTime::currentDateTimeUtc())
        rows.append({tr("Old secret works until"), time(consumer.previousSecretValidUntil)});
    return u"<h3>%1</h3>"_s.arg(consumer.name.toHtmlEscaped()) + detailsTable(rows);
}

void ConsumersPage::createConsumer()
{
    if (!canChange())
        return;
    openEditDialog<Consumer>(
        new ConsumerEditDialog(groups(), std::nullopt, this),
        [](Core::AccountClient &account, const QJsonObject &fields) {
            return account.createConsumer(fields);
        },
        [this](Consumer consumer) {
            showSecret(consumer);
            consumer.clientSecret.clear();
            m_model->upsert(consumer);
            selectId(consumer.id);
            saveCache();
            Q_EMIT message(tr("OAuth consumer %1 created.").arg(consumer.name));
        });
}

void ConsumersPage::editConsumer()
{
    const auto consumer = currentItem(m_model);
    if (!consumer || !canChange())
        return;
    openEditDialog<Consumer>(
        new ConsumerEditDialog(groups(), consumer, this),
        [id = consumer->id, version = consumer->version](Core::AccountClient &account,
                                                         const QJsonObject &changes) {
            return account.updateConsumer(id, changes, version);
        },
        [this](const Consumer &updated) {
            m_model->upsert(updated);
            saveCache();
            refreshDetails();
            Q_EMIT message(tr("OAuth consumer %1 saved.").arg(updated.name));
        });
}

void ConsumersPage::rotateSecret()
{
    const auto consumer = currentItem(m_model);
    if (!consumer || !canChange() || consumer->clientType == ClientType::Public)
        return;
    auto *dialog = new RotateDialog(consumer->name, tr("client secret"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = consumer->id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        Core::AccountClient *account = workspace().account();
        if (!account)
            return;
        beginBusy();
        account->rotateConsumerSecret(id, dialog->graceSeconds())
            .then(QtFuture::Launch::Sync,
                  Core::guarded(this, [this](Core::Result<Consumer> rotated) {
                      endBusy();
                      if (!rotated) {
                          showError(tr("The client secret was not rotated"), rotated.error());
                          return;
                      }
                      Consumer consumer = rotated.value();
                      showSecret(consumer);
                      consumer.clientSecret.clear();
                      m_model->upsert(consumer);
                      saveCache();
                      refreshDetails();
                      Q_EMIT message(tr("The client secret of %1 was rotated.").arg(consumer.name));
                  }));
    });
    dialog->open();
}

void ConsumersPage::toggleConsumer()
{
    const auto consumer = currentItem(m_model);
    Core::AccountClient *account = workspace().account();
    if (!consumer || !account || !canChange())
        return;
    const bool enable = consumer->status == EntityStatus::Disabled;
    beginBusy();
    account
        ->updateConsumer(consumer->id, {{u"status"_s, enable ? u"active"_s : u"disabled"_s}},
                         consumer->version)
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [this, enable](Core::Result<Consumer> updated) {
                  endBusy();
                  if (!updated) {
                      showError(enable ? tr("The consumer was not enabled")
                                       : tr("The consumer was not disabled"),
                                updated.error());
                      return;
                  }
                  m_model->upsert(updated.value());
                  saveCache();
                  updateActions();
                  refreshDetails();
                  Q_EMIT message(enable
                                     ? tr("OAuth consumer %1 enabled.").arg(updated.value().name)
                                     : tr("OAuth consumer %1 disabled.").arg(updated.value().name));
              }));
}

void ConsumersPage::deleteConsumer()
{
    const auto consumer = currentItem(m_model);
    if (!consumer || !canChange())
        return;
    const Consumer target = *consumer;
    confirmDestructive(
        this, tr("Delete OAuth consumer “%1”?").arg(target.name),
        tr("The application with client ID %1 can no longer get tokens; its tokens stop working "
           "at once and the authorizations users granted it are deleted. This cannot be undone.")
            .arg(target.clientId),
        tr("Delete Consumer"), [this, target] {
            Core::AccountClient *account = workspace().account();
            if (!account)
                return;
            beginBusy();
            account->deleteConsumer(target.id, target.version)
                .then(QtFuture::Launch::Sync,
                      Core::guarded(this, [this, target](Core::Result<Core::Nothing> deleted) {
                          endBusy();
                          if (!deleted) {
                              showError(tr("The consumer was not deleted"), deleted.error());
                              return;
                          }
                          m_model->removeId(target.id);
                          saveCache();
                          workspace().secrets().remove(workspace().secretKey(
                              Core::SecretKind::clientSecret, target.clientId));
                          Q_EMIT message(tr("OAuth consumer %1 deleted.").arg(target.name));
                      }));
        });
}

void ConsumersPage::copyClientId()
{
    QStringList clientIds;
    for (int row : selectedSourceRows())
        clientIds.append(m_model->at(row).clientId);
    if (clientIds.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(clientIds.join(u'\n'));
    Q_EMIT message(tr("Copied %n client ID(s).", nullptr, int(clientIds.size())));
}

void ConsumersPage::showSecret(const Consumer &consumer)
{
    if (consumer.clientType == ClientType::Public) {
        auto *box = new QMessageBox(
            QMessageBox::Information, tr("No client secret"),
            tr("%1 is a public client: it has no client secret.").arg(consumer.name),
            QMessageBox::Ok, this);
        box->setObjectName(u"publicClientBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setInformativeText(tr("It signs users in with its client ID %1 and PKCE; there is "
                                   "nothing secret to keep or export.")
                                    .arg(consumer.clientId));
        box->open();
        return;
    }
    const QString id = consumer.id;
    const QString secret = consumer.clientSecret;
    showNewSecret({consumer.name, tr("Client ID"), consumer.clientId, tr("Client secret"),
                   consumer.clientSecret,
                   workspace().secretKey(Core::SecretKind::clientSecret, consumer.clientId)},
                  [this, id, secret] {
                      Q_EMIT exportRequested({id}, {{id, secret}});
                  });
}

} // namespace Latchkey::Ui
