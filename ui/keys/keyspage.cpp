#include "keyspage.h"

#include "app/workspace.h"
#include "common/confirm.h"
#include "common/fetchall.h"
#include "common/icons.h"
#include "common/rotatedialog.h"
#include "keyeditdialog.h"
#include "keylistmodel.h"
#include "secrets/secretdialog.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QPointer>
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
    m_delete->setShortcut(QKeySequence::Delete);
    m_delete->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_edit->setShortcut(Qt::Key_F2);
    m_edit->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    addAction(m_new, true);
    addAction(m_edit, true);
    addAction(m_rotate, true);
    addAction(m_toggle, true);
    addAction(m_delete, true);
    addSeparator();
    addAction(m_copy, false);
    addAction(m_export, false);

    connect(m_new, &QAction::triggered, this, &KeysPage::createKey);
    connect(m_edit, &QAction::triggered, this, &KeysPage::editKey);
    connect(m_rotate, &QAction::triggered, this, &KeysPage::rotateKey);
    connect(m_toggle, &QAction::triggered, this, &KeysPage::toggleKey);
    connect(m_delete, &QAction::triggered, this, &KeysPage::deleteKey);
    connect(m_copy, &QAction::triggered, this, &KeysPage::copyId);
    connect(m_export, &QAction::triggered, this,
            [this] { Q_EMIT exportRequested(selectedIds(), {}); });
    connect(view(), &QTableView::doubleClicked, this, &KeysPage::editKey);

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

void KeysPage::setGroups(const QList<PermissionGroup> &groups)
{
    m_groups = groups;
    m_model->setGroups(groups);
}

void KeysPage::reload()
{
    const quint64 load = ++m_loads;
    workspace().permissionGroups().then(this,
                                        [this, load](Core::Result<QList<PermissionGroup>> groups) {
                                            if (load == m_loads && groups)
                                                setGroups(groups.value());
                                        });
    QPointer<Core::AccountClient> account = workspace().account();
    if (!account || !workspace().isOnline()) {
        loadCache();
        return;
    }
    beginBusy();
    fetchAll<ApiKey>(this, [account](const QString &cursor) -> Core::Task<Core::ListPage<ApiKey>> {
        if (!account)
            return Core::readyTask<Core::ListPage<ApiKey>>(
                Core::Error{Core::Error::Kind::Cancelled, 0, {}, {}, {}, {}});
        Core::ListQuery query;
        query.limit = 1000;
        query.cursor = cursor;
        return account->keys(query);
    }).then(this, [this, load](Core::Result<QList<ApiKey>> keys) {
        // The rows first: the window counts the page as loaded once it is no longer busy.
        if (load == m_loads && !keys) {
            workspace().reportFailure(keys.error());
            loadCache();
            Q_EMIT message(keys.error().message);
        } else if (load == m_loads) {
            m_model->setRows(keys.value());
            saveCache();
            workspace().reportSynced();
        }
        endBusy();
    });
}

void KeysPage::loadCache()
{
    const auto profile = workspace().currentProfile();
    if (!profile) {
        m_model->setRows({});
        return;
    }
    auto cached = workspace().cache().list(profile->id, Core::ListKind::Keys);
    QList<ApiKey> keys;
    if (cached) {
        for (const QJsonObject &row : cached.value().rows)
            keys.append(ApiKey::fromJson(row));
    }
    m_model->setRows(keys);
}

void KeysPage::saveCache()
{
    const auto profile = workspace().currentProfile();
    if (!profile)
        return;
    QList<QJsonObject> rows;
    rows.reserve(m_model->rows().size());
    for (const ApiKey &key : m_model->rows())
        rows.append(key.toJson());
    workspace().cache().replaceList(profile->id, Core::ListKind::Keys, rows,
                                    QDateTime::currentDateTimeUtc());
}

std::optional<ApiKey> KeysPage::currentKey() const
{
    const int row = currentSourceRow();
    if (row < 0)
        return std::nullopt;
    return m_model->at(row);
}

void KeysPage::updateActions()
{
    EntityPage::updateActions();
    const bool online = canChange();
    const int selected = int(selectedIds().size());
    const auto key = currentKey();
    m_edit->setEnabled(online && selected == 1);
    m_rotate->setEnabled(online && selected == 1);
    m_delete->setEnabled(online && selected == 1);
    m_toggle->setEnabled(online && selected == 1);
    m_copy->setEnabled(selected >= 1);
    m_export->setEnabled(selected >= 1);
    const bool disabled = key && key->status == EntityStatus::Disabled;
    m_toggle->setText(disabled ? tr("E&nable") : tr("&Disable"));
    m_toggle->setIcon(icon(disabled ? u"enable" : u"disable"));
}

QString KeysPage::detailsHtml(int sourceRow) const
{
    const ApiKey &key = m_model->at(sourceRow);
    const QModelIndex status = m_model->index(sourceRow, KeyListModel::Status);
    auto time = [](const QDateTime &t) {
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::LongFormat) : QString();
    };
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
    auto *dialog = new KeyEditDialog(m_groups, std::nullopt, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &KeyEditDialog::submitted, this, [this, dialog](const QJsonObject &fields) {
        Core::AccountClient *account = workspace().account();
        if (!account)
            return dialog->showError(Core::Error{Core::Error::Kind::Network,
                                                 0,
                                                 tr("Not connected to the account."),
                                                 tr("Retry once the window is back online."),
                                                 {},
                                                 {}});
        dialog->setBusy(true);
        account->createKey(fields).then(dialog, [this, dialog](Core::Result<ApiKey> created) {
            if (!created) {
                workspace().reportFailure(created.error());
                dialog->showError(created.error());
                return;
            }
            ApiKey key = created.value();
            dialog->accept();
            showSecret(key);
            key.secret.clear();
            m_model->upsert(key);
            selectId(key.id);
            saveCache();
            Q_EMIT message(tr("API key %1 created.").arg(key.name));
        });
    });
    dialog->open();
}

void KeysPage::editKey()
{
    const auto key = currentKey();
    if (!key || !canChange())
        return;
    auto *dialog = new KeyEditDialog(m_groups, key, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &KeyEditDialog::submitted, this, [this, dialog](const QJsonObject &changes) {
        Core::AccountClient *account = workspace().account();
        if (changes.isEmpty() || !account) {
            dialog->reject();
            return;
        }
        dialog->setBusy(true);
        account->updateKey(dialog->original()->id, changes, dialog->original()->version)
            .then(dialog, [this, dialog](Core::Result<ApiKey> updated) {
                if (!updated) {
                    workspace().reportFailure(updated.error());
                    dialog->showError(updated.error());
                    return;
                }
                m_model->upsert(updated.value());
                saveCache();
                refreshDetails();
                dialog->accept();
                Q_EMIT message(tr("API key %1 saved.").arg(updated.value().name));
            });
    });
    dialog->open();
}

void KeysPage::rotateKey()
{
    const auto key = currentKey();
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
            .then(this, [this](Core::Result<ApiKey> rotated) {
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
            });
    });
    dialog->open();
}

void KeysPage::toggleKey()
{
    const auto key = currentKey();
    Core::AccountClient *account = workspace().account();
    if (!key || !account || !canChange())
        return;
    const bool enable = key->status == EntityStatus::Disabled;
    beginBusy();
    account->updateKey(key->id, {{u"status"_s, enable ? u"active"_s : u"disabled"_s}}, key->version)
        .then(this, [this, enable](Core::Result<ApiKey> updated) {
            endBusy();
            if (!updated) {
                showError(enable ? tr("The key was not enabled") : tr("The key was not disabled"),
                          updated.error());
                return;
            }
            m_model->upsert(updated.value());
            saveCache();
            updateActions();
            refreshDetails();
            Q_EMIT message(enable ? tr("API key %1 enabled.").arg(updated.value().name)
                                  : tr("API key %1 disabled.").arg(updated.value().name));
        });
}

void KeysPage::deleteKey()
{
    const auto key = currentKey();
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
                .then(this, [this, target](Core::Result<Core::Nothing> deleted) {
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
                });
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
    auto *dialog = new SecretDialog(workspace(),
                                    {key.name, tr("API Key"), key.id, tr("API Secret"), key.secret,
                                     workspace().secretKey(Core::SecretKind::apiSecret, key.id)},
                                    this);
    const QString id = key.id;
    const QString secret = key.secret;
    connect(dialog, &SecretDialog::exportRequested, this, [this, id, secret] {
        Q_EMIT exportRequested({id}, {{id, secret}});
    });
    connect(dialog, &SecretDialog::keychainDone, this,
            [this, dialog](bool ok, const QString &text) {
                dialog->deleteLater();
                if (!ok)
                    showError(tr("The secret is not in the keychain"),
                              Core::Error{Core::Error::Kind::Keychain,
                                          0,
                                          text,
                                          tr("Rotate the secret once the keychain works to keep "
                                             "a copy."),
                                          {},
                                          {}});
                else
                    Q_EMIT message(text);
            });
    dialog->open();
}

} // namespace Latchkey::Ui
