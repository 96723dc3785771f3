#include "keyspage.h"

#include "app/workspace.h"
#include "common/confirm.h"
#include "common/icons.h"
#include "common/rotatedialog.h"
#include "keyeditdialog.h"
#include "keylistmodel.h"
#include "secrets/secretdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

KeysPage::KeysPage(Workspace &workspace, QWidget *parent)
    : EntityPage(workspace, new KeyListModel, parent)
    , m_model(static_cast<KeyListModel *>(proxy()->sourceModel()))
    , m_new(new QAction(icon(u"add"), tr("&New Key…"), this))
    , m_edit(new QAction(icon(u"edit"), tr("&Edit…"), this))
    , m_rotate(new QAction(icon(u"rotate"), tr("&Rotate Secret…"), this))
    , m_toggle(new QAction(icon(u"disable"), tr("&Disable"), this))
    , m_delete(new QAction(icon(u"delete"), tr("De&lete…"), this))
    , m_copy(new QAction(icon(u"copy"), tr("&Copy API Key"), this))
    , m_export(new QAction(icon(u"export"), tr("E&xport…"), this))
    , m_test(new QAction(icon(u"test"), tr("&Test Key"), this))
{
    setObjectName(u"keysPage"_s);
    m_model->setParent(this);
    m_new->setObjectName(u"newKeyAction"_s);
    m_edit->setObjectName(u"editKeyAction"_s);
    m_rotate->setObjectName(u"rotateKeyAction"_s);
    m_toggle->setObjectName(u"toggleKeyAction"_s);
    m_delete->setObjectName(u"deleteKeyAction"_s);
    m_copy->setObjectName(u"copyKeyAction"_s);
    m_export->setObjectName(u"exportKeysAction"_s);
    m_test->setObjectName(u"testKeyAction"_s);
    m_test->setToolTip(tr("Send a Hawk-signed whoami with this key (Ctrl+T)"));
    addItemActions(itemActions());

    connect(m_new, &QAction::triggered, this, &KeysPage::createKey);
    connect(m_edit, &QAction::triggered, this, &KeysPage::editKey);
    connect(m_rotate, &QAction::triggered, this, &KeysPage::rotateKey);
    connect(m_toggle, &QAction::triggered, this, &KeysPage::toggleKey);
    connect(m_delete, &QAction::triggered, this, &KeysPage::deleteKey);
    connect(m_copy, &QAction::triggered, this, &KeysPage::copyId);
    connect(m_export, &QAction::triggered, this,
            [this] { Q_EMIT exportRequested(selectedIds(), {}); });
    connect(m_test, &QAction::triggered, this, [this] {
        if (const auto item = currentItem(m_model))
            Q_EMIT testRequested(*item);
    });

    setStatusFilterItems({{tr("All statuses"), QString()},
                          {tr("Active"), u"active"_s},
                          {tr("Disabled"), u"disabled"_s},
                          {tr("Expired"), u"expired"_s}});
    view()->horizontalHeader()->resizeSection(KeyListModel::Name, 200);
    view()->horizontalHeader()->resizeSection(KeyListModel::KeyId, 220);
    view()->horizontalHeader()->resizeSection(KeyListModel::Group, 140);
    updateActions();
}

KeysPage::~KeysPage() = default;

QString KeysPage::title() const
{
    return tr("API Keys");
}

void KeysPage::reload()
{
    loadWholeList(m_model, Core::ListKind::Keys, &Core::AccountClient::keys);
}

void KeysPage::saveCache()
{
    saveCachedList(workspace(), Core::ListKind::Keys, m_model->rows());
}

EntityPage::ItemActions KeysPage::itemActions() const
{
    return {m_new, m_edit, m_rotate, m_toggle, m_delete, m_copy, m_export, m_test};
}

void KeysPage::updateActions()
{
    EntityPage::updateActions();
    const auto key = currentItem(m_model);
    updateItemActions(itemActions(), true, key && key->status == EntityStatus::Disabled);
}

QString KeysPage::detailsHtml(int sourceRow) const
{
    const ApiKey &key = m_model->at(sourceRow);
    const QModelIndex status = m_model->index(sourceRow, KeyListModel::Status);
    const auto time = &EntityPage::longTime;
    QList<std::pair<QString, QString>> rows{
        {tr("API Key"), key.id},
        {tr("Status"), status.data().toString()},
        {tr("Permission group"), m_model->groupName(key.permissionGroupId)},
        {tr("Description"), key.description},
        {tr("Expires"), key.expiresAt.isValid() ? time(key.expiresAt) : tr("Never")},
        {tr("Last used"), key.lastUsedAt.isValid() ? time(key.lastUsedAt) : tr("Never")},
        {tr("Created"), time(key.createdAt)},
        {tr("Created by"), key.createdBy},
        {tr("Secret rotated"), time(key.rotatedAt)},
    };
    if (key.previousSecretValidUntil.isValid() &&
        key.previousSecretValidUntil > QDateTime::currentDateTimeUtc())
        rows.append({tr("Old secret works until"), time(key.previousSecretValidUntil)});
    return u"<h3>%1</h3>"_s.arg(key.name.toHtmlEscaped()) + detailsTable(rows);
}

void KeysPage::createKey()
{
    if (!canChange())
        return;
    openEditDialog<ApiKey>(
        new KeyEditDialog(groups(), std::nullopt, this),
        [](Core::AccountClient &account, const QJsonObject &fields) {
            return account.createKey(fields);
        },
        [this](ApiKey key) {
            showSecret(key);
            key.secret.clear();
            m_model->upsert(key);
            selectId(key.id);
            saveCache();
            Q_EMIT message(tr("API key %1 created.").arg(key.name));
        });
}

void KeysPage::editKey()
{
    const auto key = currentItem(m_model);
    if (!key || !canChange())
        return;
    openEditDialog<ApiKey>(
        new KeyEditDialog(groups(), key, this),
        [id = key->id, version = key->version](Core::AccountClient &account,
                                               const QJsonObject &changes) {
            return account.updateKey(id, changes, version);
        },
        [this](const ApiKey &updated) {
            m_model->upsert(updated);
            saveCache();
            refreshDetails();
            Q_EMIT message(tr("API key %1 saved.").arg(updated.name));
        });
}

void KeysPage::rotateKey()
{
    const auto key = currentItem(m_model);
    if (!key || !canChange())
        return;
    auto *dialog = new RotateDialog(key->name, tr("API Secret"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = key->id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        Core::AccountClient *account = workspace().account();
        if (!account)
            return;
        beginBusy();
        account->rotateKey(id, dialog->graceSeconds())
            .then(QtFuture::Launch::Sync, Core::guarded(this, [this](Core::Result<ApiKey> rotated) {
                      endBusy();
                      if (!rotated) {
                          showError(tr("The secret was not rotated"), rotated.error());
                          return;
                      }
                      ApiKey key = rotated.value();
                      showSecret(key);
                      key.secret.clear();
                      m_model->upsert(key);
                      saveCache();
                      refreshDetails();
                      Q_EMIT message(tr("The secret of %1 was rotated.").arg(key.name));
                  }));
    });
    dialog->open();
}

void KeysPage::toggleKey()
{
    const auto key = currentItem(m_model);
    Core::AccountClient *account = workspace().account();
    if (!key || !account || !canChange())
        return;
    const bool enable = key->status == EntityStatus::Disabled;
    beginBusy();
    account->updateKey(key->id, {{u"status"_s, enable ? u"active"_s : u"disabled"_s}}, key->version)
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [this, enable](Core::Result<ApiKey> updated) {
                  endBusy();
                  if (!updated) {
                      showError(enable ? tr("The key was not enabled")
                                       : tr("The key was not disabled"),
                                updated.error());
                      return;
                  }
                  m_model->upsert(updated.value());
                  saveCache();
                  updateActions();
                  refreshDetails();
                  Q_EMIT message(enable ? tr("API key %1 enabled.").arg(updated.value().name)
                                        : tr("API key %1 disabled.").arg(updated.value().name));
              }));
}

void KeysPage::deleteKey()
{
    const auto key = currentItem(m_model);
    if (!key || !canChange())
        return;
    const ApiKey target = *key;
    confirmDestructive(
        this, tr("Delete API key “%1”?").arg(target.name),
        tr("Integrations that sign requests with %1 stop working at once. This cannot be undone.")
            .arg(target.id),
        tr("Delete Key"), [this, target] {
            Core::AccountClient *account = workspace().account();
            if (!account)
                return;
            beginBusy();
            account->deleteKey(target.id, target.version)
                .then(QtFuture::Launch::Sync,
                      Core::guarded(this, [this, target](Core::Result<Core::Nothing> deleted) {
                          endBusy();
                          if (!deleted) {
                              showError(tr("The key was not deleted"), deleted.error());
                              return;
                          }
                          m_model->removeId(target.id);
                          saveCache();
                          workspace().secrets().remove(
                              workspace().secretKey(Core::SecretKind::apiSecret, target.id));
                          Q_EMIT message(tr("API key %1 deleted.").arg(target.name));
                      }));
        });
}

void KeysPage::copyId()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(ids.join(u'\n'));
    Q_EMIT message(tr("Copied %n API key id(s).", nullptr, int(ids.size())));
}

void KeysPage::showSecret(const ApiKey &key)
{
    const QString id = key.id;
    const QString secret = key.secret;
    showNewSecret({key.name, tr("API Key"), key.id, tr("API Secret"), key.secret,
                   workspace().secretKey(Core::SecretKind::apiSecret, key.id)},
                  [this, id, secret] {
                      Q_EMIT exportRequested({id}, {{id, secret}});
                  });
}

} // namespace Latchkey::Ui
