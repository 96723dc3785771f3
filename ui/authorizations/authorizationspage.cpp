#include "authorizationspage.h"

#include "app/workspace.h"
#include "authorizationlistmodel.h"
#include "common/confirm.h"
#include "common/fetchall.h"
#include "common/icons.h"
#include "common/listcache.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QPointer>
#include <QTableView>

using namespace Qt::StringLiterals;

namespace Latchkey::Ui {

namespace {

// Refills a filter combo box, sorted by label, keeping the chosen id; false when that id is gone
// (the box then shows its first item, "all").
bool refill(QComboBox *box, const QString &allText, QList<std::pair<QString, QString>> labelAndId)
{
    std::sort(labelAndId.begin(), labelAndId.end(), [](const auto &a, const auto &b) {
        return QString::localeAwareCompare(a.first, b.first) < 0;
    });
    const QString chosen = box->currentData().toString();
    const QSignalBlocker blocker(box);
    box->clear();
    box->addItem(allText, QString());
    for (const auto &[label, id] : labelAndId)
        box->addItem(label, id);
    const int index = chosen.isEmpty() ? 0 : box->findData(chosen);
    box->setCurrentIndex(qMax(0, index));
    return chosen.isEmpty() || index >= 0;
}

} // namespace

AuthorizationsPage::AuthorizationsPage(Workspace &workspace, QWidget *parent)
    : PagedEntityPage(workspace, new AuthorizationListModel, Core::ListKind::Authorizations, parent)
    , m_model(static_cast<AuthorizationListModel *>(proxy()->sourceModel()))
    , m_userFilter(new QComboBox(this))
    , m_consumerFilter(new QComboBox(this))
    , m_revoke(new QAction(icon(u"revoke"), tr("&Revoke…"), this))
    , m_revokeConsumer(new QAction(icon(u"consumer"), tr("Revoke All of &Consumer…"), this))
    , m_revokeUser(new QAction(icon(u"profile"), tr("Revoke All of &User…"), this))
    , m_copy(new QAction(icon(u"copy"), tr("&Copy ID"), this))
{
    setObjectName(u"authorizationsPage"_s);
    m_model->setParent(this);
    follow(m_model);

    m_revoke->setObjectName(u"revokeAction"_s);
    m_revokeConsumer->setObjectName(u"revokeConsumerAction"_s);
    m_revokeUser->setObjectName(u"revokeUserAction"_s);
    m_copy->setObjectName(u"copyAuthorizationAction"_s);
    m_revoke->setShortcut(QKeySequence::Delete);
    m_revoke->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_copy->setShortcut(QKeySequence::Copy);
    m_copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    addAction(m_revoke, true);
    addAction(m_revokeConsumer, true);
    addAction(m_revokeUser, true);
    addSeparator();
    addAction(m_copy, false);
    connect(m_revoke, &QAction::triggered, this, &AuthorizationsPage::revokeSelected);
    connect(m_revokeConsumer, &QAction::triggered, this, &AuthorizationsPage::revokeAllOfConsumer);
    connect(m_revokeUser, &QAction::triggered, this, &AuthorizationsPage::revokeAllOfUser);
    connect(m_copy, &QAction::triggered, this, &AuthorizationsPage::copyId);

    setStatusFilterItems({{tr("All statuses"), QString()},
                          {tr("Active"), u"active"_s},
                          {tr("Revoked"), u"revoked"_s}});
    m_userFilter->setObjectName(u"userFilter"_s);
    m_userFilter->setAccessibleName(tr("User filter"));
    m_userFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_userFilter->setMinimumContentsLength(22);
    m_consumerFilter->setObjectName(u"consumerFilter"_s);
    m_consumerFilter->setAccessibleName(tr("Consumer filter"));
    m_consumerFilter->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_consumerFilter->setMinimumContentsLength(16);
    refill(m_userFilter, tr("All users"), {});
    refill(m_consumerFilter, tr("All consumers"), {});
    addFilterWidget(m_userFilter);
    addFilterWidget(m_consumerFilter);
    for (QComboBox *box : {m_userFilter, m_consumerFilter})
        connect(box, &QComboBox::currentIndexChanged, this, [this] {
            filtersChanged();
            updateActions();
        });

    QHeaderView *header = view()->horizontalHeader();
    header->resizeSection(AuthorizationListModel::User, 180);
    header->resizeSection(AuthorizationListModel::Consumer, 120);
    header->resizeSection(AuthorizationListModel::Scopes, 150);
    header->resizeSection(AuthorizationListModel::Status, 70);
    fitTimeColumns({AuthorizationListModel::Created, AuthorizationListModel::LastUsed,
                    AuthorizationListModel::Revoked});
    updateActions();
}

AuthorizationsPage::~AuthorizationsPage() = default;

QString AuthorizationsPage::title() const
{
    return tr("Authorizations");
}

bool AuthorizationsPage::ownFiltersEmpty() const
{
    return m_userFilter->currentData().toString().isEmpty() &&
           m_consumerFilter->currentData().toString().isEmpty();
}

// Sorting: the server orders by authorization time, newest first, and pages in that order; a
// column header sorts the rows loaded so far (by raw values: times as times), and the pages
// loaded while scrolling join in that order. Re-querying per column would need an index per
// column on the server for a million rows; the filters and search are the way to narrow down.
void AuthorizationsPage::query()
{
    QPointer<Core::AccountClient> account = workspace().account();
    Core::ListQuery base;
    base.search = searchText();
    base.status = statusKey();
    base.limit = pageSize;
    if (const QString user = m_userFilter->currentData().toString(); !user.isEmpty())
        base.filters.append({u"user_id"_s, user});
    if (const QString consumer = m_consumerFilter->currentData().toString(); !consumer.isEmpty())
        base.filters.append({u"consumer_id"_s, consumer});
    m_model->query(pageFetcher(account, &Core::AccountClient::authorizations, base));
}

void AuthorizationsPage::loadFilterChoices()
{
    const quint64 load = ++m_choiceLoads;
    QPointer<Core::AccountClient> account = workspace().account();
    if (!account || !workspace().isOnline()) {
        setUsers(cachedList<User>(workspace(), Core::ListKind::Users));
        setConsumers(cachedList<Consumer>(workspace(), Core::ListKind::Consumers));
        return;
    }
    beginBusy();
    Core::then(account->users(), this, [this, load](Core::Result<QList<User>> users) {
        if (load == m_choiceLoads) {
            if (users) {
                setUsers(users.value());
                saveCachedList(workspace(), Core::ListKind::Users, users.value());
            } else {
                setUsers(cachedList<User>(workspace(), Core::ListKind::Users));
            }
        }
        endBusy();
    });
    beginBusy();
    Core::ListQuery everyConsumer;
    everyConsumer.limit = 1000;
    Core::then(fetchAll<Consumer>(
                   this, pageFetcher(account, &Core::AccountClient::consumers, everyConsumer)),
               this, [this, load](Core::Result<QList<Consumer>> consumers) {
                   if (load == m_choiceLoads)
                       setConsumers(consumers ? consumers.value()
                                              : cachedList<Consumer>(workspace(),
                                                                     Core::ListKind::Consumers));
                   endBusy();
               });
}

void AuthorizationsPage::setUsers(const QList<User> &users)
{
    m_users.clear();
    QList<std::pair<QString, QString>> items;
    for (const User &user : users) {
        m_users.insert(user.id, user);
        items.append({userLabel(user.id, user.email), user.id});
    }
    if (!refill(m_userFilter, tr("All users"), items))
        filtersChanged();
    refreshDetails();
}

void AuthorizationsPage::setConsumers(const QList<Consumer> &consumers)
{
    QList<std::pair<QString, QString>> items;
    for (const Consumer &consumer : consumers)
        items.append({consumer.name, consumer.id});
    if (!refill(m_consumerFilter, tr("All consumers"), items))
        filtersChanged();
}

QString AuthorizationsPage::userLabel(const QString &userId, const QString &email) const
{
    const auto user = m_users.constFind(userId);
    if (user == m_users.cend() || user->displayName.isEmpty())
        return email;
    return tr("%1 (%2)").arg(user->displayName, user->email);
}

QList<Authorization> AuthorizationsPage::selectedActive() const
{
    QList<Authorization> active;
    for (int row : selectedSourceRows()) {
        if (m_model->at(row).isActive())
            active.append(m_model->at(row));
    }
    return active;
}

std::optional<AuthorizationsPage::Target> AuthorizationsPage::target(Whose whose) const
{
    const QComboBox *filter = whose == Whose::Consumer ? m_consumerFilter : m_userFilter;
    if (const QString id = filter->currentData().toString(); !id.isEmpty()) {
        const QString label = filter->currentText();
        return Target{id, whose == Whose::User && m_users.contains(id) ? m_users[id].email : label};
    }
    const int row = currentSourceRow();
    if (row < 0)
        return std::nullopt;
    const Authorization &current = m_model->at(row);
    return whose == Whose::Consumer ? Target{current.consumerId, current.consumerName}
                                    : Target{current.userId, current.userEmail};
}

void AuthorizationsPage::updateActions()
{
    PagedEntityPage::updateActions();
    const bool online = canChange();
    m_revoke->setEnabled(online && !selectedActive().isEmpty());
    const auto consumer = target(Whose::Consumer);
    const auto user = target(Whose::User);
    m_revokeConsumer->setEnabled(online && consumer.has_value());
    m_revokeUser->setEnabled(online && user.has_value());
    m_revokeConsumer->setToolTip(
        consumer ? tr("Revoke every active authorization of %1").arg(consumer->name)
                 : tr("Choose a consumer in the filter or select a row first"));
    m_revokeUser->setToolTip(user ? tr("Revoke every active authorization of %1").arg(user->name)
                                  : tr("Choose a user in the filter or select a row first"));
    m_copy->setEnabled(!selectedIds().isEmpty());
    // Offline the cached rows are filtered here, by search and status only.
    m_userFilter->setEnabled(showsServerRows());
    m_consumerFilter->setEnabled(showsServerRows());
}

QString AuthorizationsPage::detailsHtml(int sourceRow) const
{
    const Authorization &authorization = m_model->at(sourceRow);
    auto time = [](const QDateTime &t) {
        return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::LongFormat) : QString();
    };
    QList<std::pair<QString, QString>> rows{
        {tr("User"), userLabel(authorization.userId, authorization.userEmail)},
        {tr("Consumer"), authorization.consumerName},
        {tr("Scopes"), authorization.scopes.join(u", "_s)},
        {tr("Status"), authorization.isActive() ? tr("Active") : tr("Revoked")},
        {tr("Authorized"), time(authorization.createdAt)},
        {tr("Last used"),
         authorization.lastUsedAt.isValid() ? time(authorization.lastUsedAt) : tr("Never")},
    };
    if (!authorization.isActive()) {
        rows.append({tr("Revoked at"), time(authorization.revokedAt)});
        rows.append({tr("Revoked by"), authorization.revokedBy});
    }
    rows.append({tr("ID"), authorization.id});
    return u"<h3>%1</h3>"_s.arg(tr("%1 → %2")
                                    .arg(authorization.userEmail, authorization.consumerName)
                                    .toHtmlEscaped()) +
           detailsTable(rows);
}

void AuthorizationsPage::revokeSelected()
{
    const QList<Authorization> targets = selectedActive();
    if (targets.isEmpty() || !canChange())
        return;
    QStringList ids;
    for (const Authorization &authorization : targets)
        ids.append(authorization.id);
    const QString question =
        targets.size() == 1
            ? tr("Revoke the authorization of %1 for %2?")
                  .arg(targets.constFirst().userEmail, targets.constFirst().consumerName)
            : tr("Revoke %n selected authorizations?", nullptr, int(targets.size()));
    confirmDestructive(
        this, question,
        tr("Their access and refresh tokens stop working at once. The user has to authorize "
           "the application again to use it. This cannot be undone."),
        tr("Revoke"), [this, ids] {
            Core::AccountClient *account = workspace().account();
            if (!account)
                return;
            beginBusy();
            if (ids.size() == 1) {
                Core::then(account->revokeAuthorization(ids.constFirst()), this,
                           [this](Core::Result<Authorization> revoked) {
                               if (!revoked) {
                                   endBusy();
                                   showError(tr("The authorization was not revoked"),
                                             revoked.error());
                                   return;
                               }
                               m_model->upsert(revoked.value());
                               refreshDetails();
                               endBusy();
                               Q_EMIT message(tr("Authorization of %1 for %2 revoked.")
                                                  .arg(revoked.value().userEmail,
                                                       revoked.value().consumerName));
                           });
                return;
            }
            Q_EMIT message(tr("Revoking %n authorizations…", nullptr, int(ids.size())));
            Core::RevokeSelector selector;
            selector.ids = ids;
            Core::then(
                account->revokeAuthorizations(selector), this, [this](Core::Result<qint64> count) {
                    if (!count) {
                        endBusy();
                        showError(tr("The authorizations were not revoked"), count.error());
                        return;
                    }
                    // The rows again from the server, with who revoked them and when.
                    query();
                    endBusy();
                    Q_EMIT message(tr("%n authorization(s) revoked.", nullptr, int(count.value())));
                });
        });
}

void AuthorizationsPage::revokeAllOfConsumer()
{
    revokeAllOf(Whose::Consumer);
}

void AuthorizationsPage::revokeAllOfUser()
{
    revokeAllOf(Whose::User);
}

void AuthorizationsPage::revokeAllOf(Whose whose)
{
    const auto chosen = target(whose);
    Core::AccountClient *account = workspace().account();
    if (!chosen || !account || !canChange())
        return;
    const Target who = *chosen;
    const QString filter = whose == Whose::Consumer ? u"consumer_id"_s : u"user_id"_s;
    // The count in the confirmation is the server's, not the loaded rows'.
    Core::ListQuery count;
    count.status = u"active"_s;
    count.limit = 1;
    count.filters = {{filter, who.id}, {u"include_total"_s, u"true"_s}};
    beginBusy();
    Core::then(
        account->authorizations(count), this,
        [this, whose, who](Core::Result<Core::ListPage<Authorization>> page) {
            endBusy();
            if (!page) {
                showError(tr("The authorizations were not counted"), page.error());
                return;
            }
            const qint64 total = page.value().total.value_or(page.value().items.size());
            if (total == 0) {
                Q_EMIT message(tr("%1 has no active authorizations.").arg(who.name));
                return;
            }
            const QString question =
                total == 1
                    ? tr("Revoke the only active authorization of %1?").arg(who.name)
                    : tr("Revoke %n authorizations of %1?", nullptr, int(total)).arg(who.name);
            const QString consequence =
                whose == Whose::Consumer
                    ? tr("Every user who authorized %1 loses its access at once; its tokens stop "
                         "working. This cannot be undone.")
                          .arg(who.name)
                    : tr("Every application %1 authorized loses its access at once; their tokens "
                         "stop working. This cannot be undone.")
                          .arg(who.name);
            confirmDestructive(
                this, question, consequence, tr("Revoke All"), [this, whose, who, total] {
                    Core::AccountClient *account = workspace().account();
                    if (!account)
                        return;
                    beginBusy();
                    Q_EMIT message(
                        tr("Revoking %n authorizations of %1…", nullptr, int(total)).arg(who.name));
                    Core::RevokeSelector selector;
                    (whose == Whose::Consumer ? selector.consumerId : selector.userId) = who.id;
                    Core::then(account->revokeAuthorizations(selector), this,
                               [this, who](Core::Result<qint64> revoked) {
                                   if (!revoked) {
                                       endBusy();
                                       showError(tr("The authorizations were not revoked"),
                                                 revoked.error());
                                       return;
                                   }
                                   query();
                                   endBusy();
                                   Q_EMIT message(tr("%n authorization(s) of %1 revoked.", nullptr,
                                                     int(revoked.value()))
                                                      .arg(who.name));
                               });
                });
        });
}

void AuthorizationsPage::copyId()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(ids.join(u'\n'));
    Q_EMIT message(tr("Copied %n authorization id(s).", nullptr, int(ids.size())));
}

} // namespace Latchkey::Ui
