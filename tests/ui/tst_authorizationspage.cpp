#include <appfixture.h>
#include <pagedlistwaits.h>

#include <authorizations/authorizationlistmodel.h>
#include <authorizations/authorizationspage.h>
#include <common/listfilterproxy.h>

#include <protocol/random.h>
#include <storage/accountrepository.h>
#include <storage/authorizationrepository.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLineEdit>
#include <QProgressBar>
#include <QScrollBar>
#include <QSet>
#include <QStatusBar>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;

namespace {

// Seeded besides the sandbox's own eight: more than five pages of the page's 250.
constexpr int fieldReportsActive = 312;
constexpr int fieldReportsRevoked = 5;
constexpr int mobileSeeded = 1000;
constexpr int sandboxAuthorizations = 8;
constexpr int seededTotal =
    fieldReportsActive + fieldReportsRevoked + mobileSeeded + sandboxAuthorizations;

} // namespace

class tst_AuthorizationsPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void opensWithTheFirstPageOnly();
    void modelTesterWhileFetchingMore();
    void offlineShowsTheCachedRowsReadOnly();
    void filterByUserAndConsumer();
    void searchAsksTheServer();
    void sortsLoadedRowsWithDatesAsDates();
    void revokeOne();
    void revokeSeveral();
    void revokeAllOfAConsumer();
    void revokeAllOfTheSelectedRowsUser();
    void cleanupTestCase();

private:
    Ui::AuthorizationsPage *page()
    {
        return qobject_cast<Ui::AuthorizationsPage *>(
            m_app->window().page(Ui::MainWindow::Authorizations));
    }
    Ui::AuthorizationListModel *model() { return page()->model(); }
    QAction *action(const char *name) { return page()->findChild<QAction *>(QLatin1String(name)); }
    QProgressBar *progress() { return m_app->window().statusBar()->findChild<QProgressBar *>(); }
    // Inserts the authorizations with the server's own storage, into the sandbox's database
    // (SQLite in WAL mode takes a second writer).
    void seed();
    // Waits until no request of the page runs (a search waits for its pause in typing first).
    bool settle() { return Test::settle(*page()); }
    // Loads every page the way scrolling does.
    bool loadAll() { return Test::loadAll(*page(), *model()); }
    // The server's count of authorizations that match these filters.
    qint64 serverCount(const QList<QPair<QString, QString>> &filters);
    Authorization serverAuthorization(const QString &id);
    QString userId(const QString &email);
    void chooseFilter(QComboBox *box, const QString &id);

    std::unique_ptr<AppFixture> m_app;
    QString m_fieldReports;
    QString m_mobile;
    QList<User> m_users;
    QList<QAbstractItemModelTester *> m_testers;
};

void tst_AuthorizationsPage::initTestCase()
{
    m_app = std::make_unique<AppFixture>();
    QVERIFY2(m_app->start(), qPrintable(m_app->error()));
    m_app->window().showSection(Ui::MainWindow::Authorizations);
    QVERIFY(page());
    // The sandbox's demo authorizations, as the server lists them.
    QCOMPARE(model()->rowCount(), sandboxAuthorizations);
    seed();
    QVERIFY2(m_app->waitLoaded(
                 [this] { m_app->window().findChild<QAction *>(u"refreshAction"_s)->trigger(); }),
             qPrintable(m_app->error()));
}

void tst_AuthorizationsPage::seed()
{
    Core::AccountClient *account = m_app->workspace().account();
    auto users = AppFixture::await(account->users());
    QVERIFY2(users, Test::describe(users));
    for (const User &user : users.value())
        if (user.role == u"member")
            m_users.append(user);
    QCOMPARE(m_users.size(), 4);
    auto consumers = AppFixture::await(account->consumers());
    QVERIFY2(consumers, Test::describe(consumers));
    for (const Consumer &consumer : consumers.value().items)
        if (consumer.name == u"Mobile Inspector")
            m_mobile = consumer.id;
    QVERIFY(!m_mobile.isEmpty());
    auto created = AppFixture::await(account->createConsumer(
        {{u"name"_s, u"Field Reports"_s},
         {u"permission_group_id"_s, u"Read only"_s},
         {u"grant_type"_s, u"authorization_code"_s},
         {u"redirect_uris"_s, QJsonArray{u"https://reports.example.com/cb"_s}}}));
    QVERIFY2(created, Test::describe(created));
    m_fieldReports = created.value().id;

    QString error;
    auto db =
        Server::Database::open(QDir(m_app->paths().sandboxDir).filePath(u"latchkey.db"_s), &error);
    QVERIFY2(db, qPrintable(error));
    const QString tenant = Server::AccountRepository(*db).tenants().constFirst().id;
    Server::AuthorizationRepository authorizations(*db);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    Server::Database::Transaction transaction(*db);
    const int seeded = fieldReportsActive + fieldReportsRevoked + mobileSeeded;
    for (int n = 0; n < seeded; ++n) {
        Authorization authorization;
        authorization.id = Random::id(u"az_");
        authorization.userId = m_users.at(n % m_users.size()).id;
        const bool fieldReports = n < fieldReportsActive + fieldReportsRevoked;
        authorization.consumerId = fieldReports ? m_fieldReports : m_mobile;
        authorization.scopes = {u"assets:read"_s};
        // Newer than the sandbox's (a day old and more), one second apart.
        authorization.createdAt = now.addSecs(-60 - n);
        if (n % 7 == 0)
            authorization.lastUsedAt = now.addSecs(-n);
        if (fieldReports && n >= fieldReportsActive) {
            authorization.revokedAt = now.addSecs(-30);
            authorization.revokedBy = u"user:ana.souza@example.com"_s;
        }
        authorizations.insert(tenant, authorization);
    }
    transaction.commit();
    db->releaseStatements();
}

qint64 tst_AuthorizationsPage::serverCount(const QList<QPair<QString, QString>> &filters)
{
    Core::ListQuery query;
    query.limit = 1;
    query.filters = filters;
    query.filters.append({u"include_total"_s, u"true"_s});
    auto page = AppFixture::await(m_app->workspace().account()->authorizations(query));
    return page && page.value().total ? *page.value().total : -1;
}

Authorization tst_AuthorizationsPage::serverAuthorization(const QString &id)
{
    auto found = AppFixture::await(m_app->workspace().account()->authorization(id));
    return found ? found.value() : Authorization();
}

QString tst_AuthorizationsPage::userId(const QString &email)
{
    for (const User &user : std::as_const(m_users))
        if (user.email == email)
            return user.id;
    return {};
}

void tst_AuthorizationsPage::chooseFilter(QComboBox *box, const QString &id)
{
    const int index = box->findData(id);
    QVERIFY2(index >= 0, qPrintable(id));
    box->setCurrentIndex(index);
}

void tst_AuthorizationsPage::opensWithTheFirstPageOnly()
{
    // A tenant's list opens with one page; the rest waits until the user scrolls to it.
    QCOMPARE(model()->rowCount(), int(Ui::PagedEntityPage::pageSize));
    QVERIFY(model()->canFetchMore({}));
    QCOMPARE(serverCount({}), qint64(seededTotal));
    // Newest first, as the server orders them: the sandbox's day-old ones come last.
    const QModelIndex first = page()->proxy()->index(0, Ui::AuthorizationListModel::Consumer);
    QCOMPARE(first.data().toString(), u"Field Reports"_s);
    QVERIFY(page()->userFilter()->findData(userId(u"wei.chen@example.com"_s)) > 0);
    QVERIFY(page()->consumerFilter()->findData(m_fieldReports) > 0);

    // Scrolling to the bottom loads the next page, and only that.
    QScrollBar *scroll = page()->view()->verticalScrollBar();
    scroll->setValue(scroll->maximum());
    QTRY_COMPARE(model()->rowCount(), 2 * int(Ui::PagedEntityPage::pageSize));
    QVERIFY(settle());
    QCOMPARE(model()->rowCount(), 2 * int(Ui::PagedEntityPage::pageSize));
}

void tst_AuthorizationsPage::modelTesterWhileFetchingMore()
{
    // The testers ask for more themselves on every change; with them the whole list loads.
    m_testers.append(new QAbstractItemModelTester(
        model(), QAbstractItemModelTester::FailureReportingMode::QtTest, this));
    m_testers.append(new QAbstractItemModelTester(
        page()->proxy(), QAbstractItemModelTester::FailureReportingMode::QtTest, this));
    QVERIFY(loadAll());
    QCOMPARE(model()->rowCount(), seededTotal);
    QSet<QString> ids;
    for (const Authorization &authorization : model()->rows())
        ids.insert(authorization.id);
    QCOMPARE(ids.size(), qsizetype(seededTotal));
    QVERIFY(!model()->canFetchMore({}));
}

void tst_AuthorizationsPage::offlineShowsTheCachedRowsReadOnly()
{
    const QString newest = model()->at(0).id;
    QVERIFY(page()->selectId(newest));
    QVERIFY(action("revokeAction")->isEnabled());
    m_app->workspace().reportFailure(
        Core::Error{Core::Error::Kind::Network, 0, u"Connection refused"_s, {}, {}, {}});
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::Offline);
    page()->reload();
    // The first rows that were loaded, kept in the cache.
    QVERIFY(!page()->showsServerRows());
    QCOMPARE(model()->rowCount(), int(Ui::PagedEntityPage::cachedRows));
    QCOMPARE(model()->at(0).id, newest);
    QVERIFY(!model()->canFetchMore({}));
    QVERIFY(page()->selectId(newest));
    for (const char *name : {"revokeAction", "revokeConsumerAction", "revokeUserAction"})
        QVERIFY2(!action(name)->isEnabled(), name);
    QVERIFY(action("copyAuthorizationAction")->isEnabled());
    QVERIFY(!page()->userFilter()->isEnabled());
    QVERIFY(!m_app->window().bannerText().isEmpty());
    // The search works on the cached rows.
    page()->searchField()->setText(u"WEI.CHEN"_s);
    QTRY_COMPARE(page()->proxy()->rowCount(), int(Ui::PagedEntityPage::cachedRows) / 4);
    page()->searchField()->clear();

    QVERIFY2(m_app->waitLoaded([this] { m_app->workspace().reconnect(); }),
             qPrintable(m_app->error()));
    QCOMPARE(m_app->workspace().connection(), Ui::Workspace::Connection::Online);
    QVERIFY(page()->showsServerRows());
    QVERIFY(settle());
    QVERIFY(page()->userFilter()->isEnabled());
}

void tst_AuthorizationsPage::filterByUserAndConsumer()
{
    const QString wei = userId(u"wei.chen@example.com"_s);
    chooseFilter(page()->userFilter(), wei);
    QVERIFY(settle());
    QVERIFY(loadAll());
    const qint64 ofWei = serverCount({{u"user_id"_s, wei}});
    QVERIFY(ofWei > Ui::PagedEntityPage::pageSize);
    QCOMPARE(model()->rowCount(), int(ofWei));
    for (const Authorization &authorization : model()->rows())
        QCOMPARE(authorization.userEmail, u"wei.chen@example.com"_s);

    chooseFilter(page()->consumerFilter(), m_fieldReports);
    QVERIFY(settle());
    QVERIFY(loadAll());
    QCOMPARE(model()->rowCount(),
             int(serverCount({{u"user_id"_s, wei}, {u"consumer_id"_s, m_fieldReports}})));
    for (const Authorization &authorization : model()->rows()) {
        QCOMPARE(authorization.userId, wei);
        QCOMPARE(authorization.consumerName, u"Field Reports"_s);
    }

    chooseFilter(page()->userFilter(), QString());
    QVERIFY(settle());
    QVERIFY(loadAll());
    QCOMPARE(model()->rowCount(), fieldReportsActive + fieldReportsRevoked);
    page()->statusFilter()->setCurrentIndex(page()->statusFilter()->findData(u"revoked"_s));
    QVERIFY(settle());
    QCOMPARE(model()->rowCount(), fieldReportsRevoked);
    QCOMPARE(page()->proxy()->index(0, Ui::AuthorizationListModel::Status).data().toString(),
             u"Revoked"_s);
    page()->statusFilter()->setCurrentIndex(page()->statusFilter()->findData(u"active"_s));
    QVERIFY(settle());
    QVERIFY(loadAll());
    QCOMPARE(model()->rowCount(), fieldReportsActive);

    page()->statusFilter()->setCurrentIndex(0);
    chooseFilter(page()->consumerFilter(), QString());
    QVERIFY(settle());
}

void tst_AuthorizationsPage::searchAsksTheServer()
{
    // The server searches every authorization, not only the loaded rows; accents and case do
    // not matter.
    QTest::keyClicks(page()->searchField(), u"LUCIA.GOMEZ"_s);
    QVERIFY(settle());
    QVERIFY(loadAll());
    const qint64 ofLucia = serverCount({{u"q"_s, u"lucia.gomez"_s}});
    QVERIFY(ofLucia > Ui::PagedEntityPage::pageSize);
    QCOMPARE(model()->rowCount(), int(ofLucia));
    for (const Authorization &authorization : model()->rows())
        QCOMPARE(authorization.userEmail, u"lucia.gomez@example.com"_s);
    // The consumer's name too.
    page()->searchField()->setText(u"partner portal"_s);
    QVERIFY(settle());
    QCOMPARE(model()->rowCount(), 4);
    page()->searchField()->setText(u"nobody-at-all"_s);
    QVERIFY(settle());
    QCOMPARE(model()->rowCount(), 0);
    page()->searchField()->clear();
    QVERIFY(settle());
    QVERIFY(model()->rowCount() >= Ui::PagedEntityPage::pageSize);
}

void tst_AuthorizationsPage::sortsLoadedRowsWithDatesAsDates()
{
    QVERIFY(loadAll());
    Ui::ListFilterProxy *proxy = page()->proxy();
    page()->view()->sortByColumn(Ui::AuthorizationListModel::Created, Qt::AscendingOrder);
    QList<QDateTime> created;
    for (int row : Test::sourceRowsInViewOrder(*proxy))
        created.append(model()->at(row).createdAt);
    QCOMPARE(created.size(), model()->rowCount());
    QVERIFY(std::is_sorted(created.cbegin(), created.cend()));
    // The oldest, a sandbox authorization of days ago, comes first.
    QCOMPARE(proxy->index(0, Ui::AuthorizationListModel::Consumer).data().toString(),
             u"Partner Portal"_s);
    page()->view()->sortByColumn(-1, Qt::AscendingOrder);
    QCOMPARE(proxy->index(0, Ui::AuthorizationListModel::Consumer).data().toString(),
             u"Field Reports"_s);
}

void tst_AuthorizationsPage::revokeOne()
{
    chooseFilter(page()->consumerFilter(), m_mobile);
    QVERIFY(settle());
    const Authorization target = model()->at(0);
    QVERIFY(target.isActive());
    QVERIFY(page()->selectId(target.id));
    QVERIFY(action("revokeAction")->isEnabled());

    // Cancel changes nothing.
    action("revokeAction")->trigger();
    QString question = m_app->answerMessageBox(u"Cancel"_s);
    QVERIFY2(question.contains(
                 u"Revoke the authorization of %1 for Mobile Inspector?"_s.arg(target.userEmail)),
             qPrintable(question));
    QTest::qWait(200);
    QVERIFY(serverAuthorization(target.id).isActive());

    action("revokeAction")->trigger();
    question = m_app->answerMessageBox(u"Revoke"_s);
    QVERIFY(!question.isEmpty());
    QTRY_COMPARE(model()
                     ->index(model()->rowOf(target.id), Ui::AuthorizationListModel::Status)
                     .data()
                     .toString(),
                 u"Revoked"_s);
    QVERIFY(settle());
    const Authorization revoked = serverAuthorization(target.id);
    QVERIFY(!revoked.isActive());
    QVERIFY(!revoked.revokedBy.isEmpty());
    // The detail panel says when and by whom; nothing is left to revoke in this row.
    const QString details = page()->findChild<QTextBrowser *>()->toPlainText();
    QVERIFY2(details.contains(u"Revoked by"_s) && details.contains(revoked.revokedBy),
             qPrintable(details));
    QVERIFY(!action("revokeAction")->isEnabled());
}

void tst_AuthorizationsPage::revokeSeveral()
{
    QStringList ids;
    QItemSelectionModel *selection = page()->view()->selectionModel();
    selection->clearSelection();
    for (int row = 0; row < page()->proxy()->rowCount() && ids.size() < 3; ++row) {
        const QModelIndex index = page()->proxy()->index(row, 0);
        const Authorization &authorization = model()->at(page()->proxy()->mapToSource(index).row());
        if (!authorization.isActive())
            continue;
        ids.append(authorization.id);
        selection->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    QCOMPARE(ids.size(), 3);
    action("revokeAction")->trigger();
    const QString question = m_app->answerMessageBox(u"Revoke"_s);
    QVERIFY2(question.contains(u"Revoke 3 selected authorizations?"_s), qPrintable(question));
    QVERIFY(settle());
    for (const QString &id : std::as_const(ids)) {
        QVERIFY(!serverAuthorization(id).isActive());
        const int row = model()->rowOf(id);
        QVERIFY(row >= 0);
        QCOMPARE(model()->index(row, Ui::AuthorizationListModel::Status).data().toString(),
                 u"Revoked"_s);
    }
    chooseFilter(page()->consumerFilter(), QString());
    QVERIFY(settle());
}

void tst_AuthorizationsPage::revokeAllOfAConsumer()
{
    chooseFilter(page()->consumerFilter(), m_fieldReports);
    page()->statusFilter()->setCurrentIndex(page()->statusFilter()->findData(u"active"_s));
    QVERIFY(settle());
    page()->view()->selectionModel()->clearSelection();
    QVERIFY(action("revokeConsumerAction")->isEnabled());

    // The count is the server's, not the loaded rows'; cancel revokes nothing.
    action("revokeConsumerAction")->trigger();
    QString question = m_app->answerMessageBox(u"Cancel"_s);
    QVERIFY2(question.contains(u"Revoke 312 authorizations of Field Reports?"_s),
             qPrintable(question));
    QTest::qWait(200);
    QCOMPARE(serverCount({{u"consumer_id"_s, m_fieldReports}, {u"status"_s, u"active"_s}}),
             qint64(fieldReportsActive));

    action("revokeConsumerAction")->trigger();
    QMessageBox *box = m_app->waitForDialog<QMessageBox>();
    QVERIFY(box);
    QVERIFY(box->text().contains(u"Revoke 312 authorizations of Field Reports?"_s));
    box->findChild<QAbstractButton *>(u"confirmButton"_s)->click();
    // Progress while the server works, the window still responsive and read-only meanwhile.
    QVERIFY(page()->isBusy());
    QVERIFY(progress()->isVisible());
    QVERIFY(!action("revokeConsumerAction")->isEnabled());
    QVERIFY(m_app->window().statusBar()->currentMessage().contains(u"Revoking"_s));
    QVERIFY(settle());
    QVERIFY(!progress()->isVisible());
    QVERIFY2(m_app->window().statusBar()->currentMessage().contains(
                 u"312 authorization(s) of Field Reports revoked."_s),
             qPrintable(m_app->window().statusBar()->currentMessage()));

    QCOMPARE(serverCount({{u"consumer_id"_s, m_fieldReports}, {u"status"_s, u"active"_s}}),
             qint64(0));
    QCOMPARE(serverCount({{u"consumer_id"_s, m_fieldReports}}),
             qint64(fieldReportsActive + fieldReportsRevoked));
    // Other consumers keep theirs.
    QVERIFY(serverCount({{u"consumer_id"_s, m_mobile}, {u"status"_s, u"active"_s}}) > 0);
    // The list follows: none active left, and all of them revoked.
    QCOMPARE(model()->rowCount(), 0);
    page()->statusFilter()->setCurrentIndex(0);
    QVERIFY(settle());
    QVERIFY(loadAll());
    QCOMPARE(model()->rowCount(), fieldReportsActive + fieldReportsRevoked);
    for (const Authorization &authorization : model()->rows())
        QVERIFY(!authorization.isActive());
    chooseFilter(page()->consumerFilter(), QString());
    QVERIFY(settle());
}

void tst_AuthorizationsPage::revokeAllOfTheSelectedRowsUser()
{
    // No user in the filter: the selected row's user is the one.
    chooseFilter(page()->consumerFilter(), m_mobile);
    page()->statusFilter()->setCurrentIndex(page()->statusFilter()->findData(u"active"_s));
    QVERIFY(settle());
    int row = -1;
    for (int i = 0; i < model()->rowCount() && row < 0; ++i)
        if (model()->at(i).userEmail == u"joao.silva@example.com")
            row = i;
    QVERIFY(row >= 0);
    QVERIFY(page()->selectId(model()->at(row).id));
    const QString joao = userId(u"joao.silva@example.com"_s);
    const qint64 active = serverCount({{u"user_id"_s, joao}, {u"status"_s, u"active"_s}});
    QVERIFY(active > 1);
    QVERIFY(action("revokeUserAction")->isEnabled());
    action("revokeUserAction")->trigger();
    const QString question = m_app->answerMessageBox(u"Revoke All"_s);
    QVERIFY2(
        question.contains(u"Revoke %1 authorizations of joao.silva@example.com?"_s.arg(active)),
        qPrintable(question));
    QVERIFY(settle());
    QCOMPARE(serverCount({{u"user_id"_s, joao}, {u"status"_s, u"active"_s}}), qint64(0));
    QVERIFY(serverCount({{u"status"_s, u"active"_s}}) > 0);
    for (const Authorization &authorization : model()->rows())
        QVERIFY(authorization.userId != joao);
}

void tst_AuthorizationsPage::cleanupTestCase()
{
    qDeleteAll(m_testers);
    m_testers.clear();
    m_app.reset();
}

QTEST_MAIN(tst_AuthorizationsPage)
#include "tst_authorizationspage.moc"
