#include <appfixture.h>
#include <pagedlistwaits.h>

#include <audit/auditlistmodel.h>
#include <audit/auditpage.h>
#include <authorizations/authorizationlistmodel.h>
#include <authorizations/authorizationspage.h>
#include <common/fetchall.h>
#include <common/listfilterproxy.h>

#include <storage/accountrepository.h>
#include <storage/auditrepository.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QSet>
#include <QTableView>
#include <QTextBrowser>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;

namespace {

// Older events of another admin, more than two pages of the page's 250.
constexpr int seededEvents = 600;

} // namespace

class tst_AuditPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void showsWhoDidWhatNewestFirst();
    void pagesLikeAuthorizations();
    void filterByAction();
    void searchAsksTheServer();
    void filterBySince();
    void copiesTheSelectedEvents();
    void offlineShowsTheCachedEvents();
    void cleanupTestCase();

private:
    Ui::AuditPage *page()
    {
        return qobject_cast<Ui::AuditPage *>(m_app->window().page(Ui::MainWindow::Audit));
    }
    Ui::AuthorizationsPage *authorizationsPage()
    {
        return qobject_cast<Ui::AuthorizationsPage *>(
            m_app->window().page(Ui::MainWindow::Authorizations));
    }
    Ui::AuditListModel *model() { return page()->model(); }
    QString cell(int row, int column)
    {
        return page()->proxy()->index(row, column).data().toString();
    }
    void seed();
    // Revokes one authorization and all of a consumer through the Authorizations page.
    void revokeThroughTheWindow();
    bool settle() { return Test::settle(*page()); }
    bool loadAll() { return Test::loadAll(*page(), *model()); }
    // Every event the server has for this query, following its cursor.
    QList<AuditEvent> serverEvents(const QList<QPair<QString, QString>> &filters);

    std::unique_ptr<AppFixture> m_app;
    QString m_actor;
    QString m_revokedId;
    QString m_portalId;
};

void tst_AuditPage::initTestCase()
{
    m_app = std::make_unique<AppFixture>();
    QVERIFY2(m_app->start(), qPrintable(m_app->error()));
    QVERIFY(page());
    m_actor = u"consumer:"_s + m_app->workspace().currentProfile()->clientId;
    seed();
    revokeThroughTheWindow();
    m_app->window().showSection(Ui::MainWindow::Audit);
    QVERIFY2(m_app->waitLoaded(
                 [this] { m_app->window().findChild<QAction *>(u"refreshAction"_s)->trigger(); }),
             qPrintable(m_app->error()));
}

void tst_AuditPage::seed()
{
    QString error;
    auto db =
        Server::Database::open(QDir(m_app->paths().sandboxDir).filePath(u"latchkey.db"_s), &error);
    QVERIFY2(db, qPrintable(error));
    const QString tenant = Server::AccountRepository(*db).tenants().constFirst().id;
    Server::AuditRepository audit(*db);
    const QDateTime twoDaysAgo = QDateTime::currentDateTimeUtc().addDays(-2);
    Server::Database::Transaction transaction(*db);
    for (int n = 0; n < seededEvents; ++n) {
        AuditEvent event;
        event.at = twoDaysAgo.addSecs(n);
        event.actor = u"user:ana.souza@example.com"_s;
        event.action = u"key.update"_s;
        event.targetType = u"api_key"_s;
        event.targetId = u"lk_seed%1"_s.arg(n);
        event.details = {{u"name"_s, u"Seeded key %1"_s.arg(n)}};
        event.remoteAddress = u"10.0.0.7"_s;
        audit.append(tenant, event);
    }
    transaction.commit();
    db->releaseStatements();
}

void tst_AuditPage::revokeThroughTheWindow()
{
    m_app->window().showSection(Ui::MainWindow::Authorizations);
    Ui::AuthorizationsPage *authorizations = authorizationsPage();
    auto *consumers = authorizations->consumerFilter();
    const int mobile = consumers->findText(u"Mobile Inspector"_s);
    const int portal = consumers->findText(u"Partner Portal"_s);
    QVERIFY(mobile > 0 && portal > 0);
    m_portalId = consumers->itemData(portal).toString();

    consumers->setCurrentIndex(mobile);
    QTRY_VERIFY(!authorizations->isBusy());
    m_revokedId = authorizations->model()->at(0).id;
    QVERIFY(authorizations->selectId(m_revokedId));
    authorizations->findChild<QAction *>(u"revokeAction"_s)->trigger();
    QVERIFY(!m_app->answerMessageBox(u"Revoke"_s).isEmpty());
    QTRY_VERIFY(!authorizations->isBusy());

    consumers->setCurrentIndex(portal);
    QTRY_VERIFY(!authorizations->isBusy());
    authorizations->view()->selectionModel()->clearSelection();
    authorizations->findChild<QAction *>(u"revokeConsumerAction"_s)->trigger();
    const QString question = m_app->answerMessageBox(u"Revoke All"_s);
    QVERIFY2(question.contains(u"Revoke 3 authorizations of Partner Portal?"_s),
             qPrintable(question));
    QTRY_VERIFY(!authorizations->isBusy());
}

QList<AuditEvent> tst_AuditPage::serverEvents(const QList<QPair<QString, QString>> &filters)
{
    Core::ListQuery query;
    query.limit = 1000;
    query.filters = filters;
    auto events = AppFixture::await(Ui::fetchAll<AuditEvent>(
        this, Ui::pageFetcher(QPointer<Core::AccountClient>(m_app->workspace().account()),
                              &Core::AccountClient::audit, query)));
    return events ? events.value() : QList<AuditEvent>();
}

void tst_AuditPage::showsWhoDidWhatNewestFirst()
{
    QVERIFY(model()->rowCount() > 2);
    // The bulk revoke was last: who, what, on what, from where, with what.
    QCOMPARE(cell(0, Ui::AuditListModel::Actor), m_actor);
    QCOMPARE(cell(0, Ui::AuditListModel::Action), u"Authorizations revoked in bulk"_s);
    QCOMPARE(cell(0, Ui::AuditListModel::TargetType), u"Authorization"_s);
    QCOMPARE(cell(0, Ui::AuditListModel::RemoteAddress), u"127.0.0.1"_s);
    QVERIFY2(cell(0, Ui::AuditListModel::Details).contains(u"consumer_id: "_s + m_portalId),
             qPrintable(cell(0, Ui::AuditListModel::Details)));
    QVERIFY(cell(0, Ui::AuditListModel::Details).contains(u"revoked: 3"_s));
    // Before it, the single revoke, naming the authorization.
    QCOMPARE(cell(1, Ui::AuditListModel::Actor), m_actor);
    QCOMPARE(cell(1, Ui::AuditListModel::Action), u"Authorization revoked"_s);
    QCOMPARE(cell(1, Ui::AuditListModel::Target), m_revokedId);
    const QDateTime time = model()->at(1).at;
    QVERIFY(qAbs(time.secsTo(QDateTime::currentDateTimeUtc())) < 300);
    QCOMPARE(cell(1, Ui::AuditListModel::Time),
             QLocale().toString(time.toLocalTime(), QLocale::ShortFormat));

    // The detail panel has all of it.
    QVERIFY(page()->selectId(QString::number(model()->at(1).id)));
    const QString details = page()->findChild<QTextBrowser *>()->toPlainText();
    QVERIFY2(details.contains(u"authorization.revoke"_s) && details.contains(m_revokedId) &&
                 details.contains(m_actor) && details.contains(u"user_id"_s),
             qPrintable(details));
}

void tst_AuditPage::pagesLikeAuthorizations()
{
    // One page at first; more as the view scrolls (and as the testers ask).
    QCOMPARE(model()->rowCount(), int(Ui::PagedEntityPage::pageSize));
    QVERIFY(model()->canFetchMore({}));
    new QAbstractItemModelTester(model(), QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 this);
    new QAbstractItemModelTester(page()->proxy(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest, this);
    QVERIFY(loadAll());
    const QList<AuditEvent> all = serverEvents({});
    QVERIFY(all.size() > seededEvents);
    QCOMPARE(model()->rowCount(), int(all.size()));
    QSet<qint64> ids;
    for (int row = 0; row < model()->rowCount(); ++row) {
        QCOMPARE(model()->at(row).id, all.at(row).id);
        QVERIFY(row == 0 || model()->at(row).id < model()->at(row - 1).id);
        ids.insert(model()->at(row).id);
    }
    QCOMPARE(ids.size(), all.size());
}

void tst_AuditPage::filterByAction()
{
    QComboBox *actions = page()->actionFilter();
    actions->setCurrentIndex(actions->findData(u"authorization.revoke"_s));
    QVERIFY(settle());
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(cell(0, Ui::AuditListModel::Target), m_revokedId);
    actions->setCurrentIndex(actions->findData(u"key.update"_s));
    QVERIFY(settle());
    QVERIFY(loadAll());
    QCOMPARE(model()->rowCount(), seededEvents);
    for (const AuditEvent &event : model()->rows())
        QCOMPARE(event.actor, u"user:ana.souza@example.com"_s);
    actions->setCurrentIndex(0);
    QVERIFY(settle());
}

void tst_AuditPage::searchAsksTheServer()
{
    // Across every event, not only the loaded ones, ignoring case.
    QTest::keyClicks(page()->searchField(), m_revokedId.toUpper());
    QVERIFY(settle());
    QCOMPARE(model()->rowCount(), 1);
    QCOMPARE(cell(0, Ui::AuditListModel::Action), u"Authorization revoked"_s);
    page()->searchField()->setText(u"Seeded key 7"_s);
    QVERIFY(settle());
    QVERIFY(loadAll());
    // 7, 70-79, 700+ do not exist: 7 and 70…79.
    QCOMPARE(model()->rowCount(), 11);
    page()->searchField()->setText(u"10.0.0.7"_s);
    QVERIFY(settle());
    QVERIFY(loadAll());
    QCOMPARE(model()->rowCount(), seededEvents);
    // With the action filter as well.
    page()->actionFilter()->setCurrentIndex(
        page()->actionFilter()->findData(u"authorization.revoke_bulk"_s));
    QVERIFY(settle());
    QCOMPARE(model()->rowCount(), 0);
    page()->searchField()->setText(m_portalId);
    QVERIFY(settle());
    QCOMPARE(model()->rowCount(), 1);
    page()->actionFilter()->setCurrentIndex(0);
    page()->searchField()->clear();
    QVERIFY(settle());
}

void tst_AuditPage::filterBySince()
{
    QComboBox *since = page()->sinceFilter();
    since->setCurrentIndex(since->findData(24 * 3600));
    QVERIFY(settle());
    QVERIFY(loadAll());
    // The seeded events are two days old: only today's remain, the revokes among them.
    const QDateTime dayAgo = QDateTime::currentDateTimeUtc().addDays(-1);
    QVERIFY(model()->rowCount() >= 2);
    QVERIFY(model()->rowCount() < seededEvents);
    for (const AuditEvent &event : model()->rows())
        QVERIFY(event.at >= dayAgo);
    QCOMPARE(model()->at(0).action, u"authorization.revoke_bulk"_s);
    since->setCurrentIndex(since->findData(7 * 24 * 3600));
    QVERIFY(settle());
    QVERIFY(loadAll());
    QVERIFY(model()->rowCount() > seededEvents);
    since->setCurrentIndex(0);
    QVERIFY(settle());
}

void tst_AuditPage::copiesTheSelectedEvents()
{
    QVERIFY(page()->selectId(QString::number(model()->at(1).id)));
    auto *copy = page()->findChild<QAction *>(u"copyEventsAction"_s);
    QVERIFY(copy->isEnabled());
    copy->trigger();
    const QString text = QGuiApplication::clipboard()->text();
    QVERIFY2(text.contains(u"authorization.revoke\t"_s) && text.contains(m_revokedId) &&
                 text.contains(m_actor),
             qPrintable(text));
}

void tst_AuditPage::offlineShowsTheCachedEvents()
{
    const qint64 newest = model()->at(0).id;
    m_app->workspace().reportFailure(
        Core::Error{Core::Error::Kind::Network, 0, u"Connection refused"_s, {}, {}, {}});
    page()->reload();
    QVERIFY(!page()->showsServerRows());
    QCOMPARE(model()->at(0).id, newest);
    QVERIFY(model()->rowCount() >= Ui::PagedEntityPage::pageSize);
    QVERIFY(model()->rowCount() <= Ui::PagedEntityPage::cachedRows);
    QVERIFY(!model()->canFetchMore({}));
    QVERIFY(!page()->actionFilter()->isEnabled());
    // Search filters the cached events here.
    page()->searchField()->setText(u"AUTHORIZATIONS REVOKED IN BULK"_s);
    QTRY_COMPARE(page()->proxy()->rowCount(), 1);
    page()->searchField()->clear();
    QVERIFY2(m_app->waitLoaded([this] { m_app->workspace().reconnect(); }),
             qPrintable(m_app->error()));
    QVERIFY(page()->showsServerRows());
    QVERIFY(page()->actionFilter()->isEnabled());
}

void tst_AuditPage::cleanupTestCase()
{
    m_app.reset();
}

QTEST_MAIN(tst_AuditPage)
#include "tst_auditpage.moc"
