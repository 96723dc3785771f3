#include <testserver.h>

#include <account/accountsetup.h>

#include <protocol/random.h>

#include <QJsonArray>
#include <QSet>
#include <QtTest>

#include <algorithm>

using namespace Qt::StringLiterals;
using Latchkey::Test::Reply;
using Latchkey::Test::TestServer;

namespace {

const QString authorizationsPath = u"/api/admin/v1/authorizations"_s;
const QString revokePath = u"/api/admin/v1/authorizations/revoke"_s;

bool hasFieldError(const Reply &reply, const QString &field, const QString &message)
{
    const QJsonArray errors = reply.json()[u"errors"_s].toArray();
    return std::any_of(errors.begin(), errors.end(), [&](const QJsonValue &error) {
        return error[u"field"_s].toString() == field &&
               error[u"message"_s].toString().contains(message);
    });
}

QStringList idsOf(const QJsonArray &items)
{
    QStringList ids;
    for (const QJsonValue &item : items)
        ids.append(item[u"id"_s].toString());
    ids.sort();
    return ids;
}

QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace

// The consents users gave to consumers, as the admin lists and revokes them.
class TestAuthorizations final : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        // Whole seconds, so that authorizations made "n seconds ago" tie when n does.
        m_epoch = m_server->clock().now().addMSecs(-m_server->clock().now().time().msec());
    }
    void cleanup() { m_server.reset(); }

    void listFiltersByUserConsumerStatusAndQuery();
    void cursorPagingVisitsEveryAuthorizationOnce();
    void getShowsOneAuthorization();
    void revokingOneStopsItsTokensAtOnce();
    void revokingTwiceIsHarmless();
    void tokenOfARevokedAuthorizationIsRefused();
    void bulkRevokeByIds();
    void bulkRevokeByConsumer();
    void bulkRevokeByUser();
    void bulkRevokeRejectsBadInput_data();
    void bulkRevokeRejectsBadInput();
    void deletingAConsumerRemovesItsAuthorizations();
    void unknownIdsAre404();
    void auditSearchFindsActorActionTargetAndDetails();

private:
    QString addUser(const QString &email);
    // An authorization-code consumer over the admin API; returns its id.
    QString addConsumer(const QString &name);
    // Inserts an authorization the way consent does; returns its id.
    QString authorize(const QString &userId, const QString &consumerId, int secondsAgo = 0,
                      bool revoked = false);
    // An access token issued under an authorization, as the token endpoint stores it.
    QString issueToken(
        const QString &consumerId, const QString &authorizationId,
        Latchkey::Server::TokenRecord::Kind kind = Latchkey::Server::TokenRecord::Kind::Access);
    Reply whoami(const QString &token);
    QJsonArray list(const QString &query);
    QJsonObject get(const QString &id);
    QJsonArray audit(const QString &query);

    std::unique_ptr<TestServer> m_server;
    QDateTime m_epoch;
};

QString TestAuthorizations::addUser(const QString &email)
{
    QString id;
    const auto problem = Latchkey::Server::AccountSetup::addUser(
        m_server->context(),
        {m_server->tenantId(), email, QString(), u"member"_s, u"correct horse battery"_s}, &id);
    if (problem)
        qWarning("addUser: %s", qPrintable(*problem));
    return id;
}

QString TestAuthorizations::addConsumer(const QString &name)
{
    return m_server
        ->createConsumer({{u"name"_s, name},
                          {u"grant_type"_s, u"authorization_code"_s},
                          {u"redirect_uris"_s, QJsonArray{u"https://app.example.com/cb"_s}}})
        .value(u"id"_s)
        .toString();
}

QString TestAuthorizations::authorize(const QString &userId, const QString &consumerId,
                                      int secondsAgo, bool revoked)
{
    Latchkey::Authorization authorization;
    authorization.id = Latchkey::Random::id(u"az_");
    authorization.userId = userId;
    authorization.consumerId = consumerId;
    authorization.scopes = {u"assets:read"_s, u"work_orders:read"_s};
    authorization.createdAt = m_epoch.addSecs(-secondsAgo);
    if (revoked) {
        authorization.revokedAt = authorization.createdAt.addSecs(1);
        authorization.revokedBy = u"user:someone@example.com"_s;
    }
    m_server->context().authorizations.insert(m_server->tenantId(), authorization);
    return authorization.id;
}

QString TestAuthorizations::issueToken(const QString &consumerId, const QString &authorizationId,
                                       Latchkey::Server::TokenRecord::Kind kind)
{
    const QString token = Latchkey::Random::secret();
    Latchkey::Server::TokenRecord record;
    record.digest = m_server->context().masterKey().digest(token);
    record.kind = kind;
    record.tenantId = m_server->tenantId();
    record.consumerId = consumerId;
    record.authorizationId = authorizationId;
    record.scopes = {u"assets:read"_s, u"work_orders:read"_s};
    record.issuedAt = m_server->clock().now();
    record.expiresAt = record.issuedAt.addSecs(3600);
    m_server->context().tokens.insert(record);
    return token;
}

Reply TestAuthorizations::whoami(const QString &token)
{
    return m_server->withToken(token, "GET", u"/api/v2/whoami"_s);
}

QJsonArray TestAuthorizations::list(const QString &query)
{
    const Reply reply = m_server->admin("GET", authorizationsPath + query);
    if (reply.status != 200)
        qWarning("listing authorizations: %s", reply.describe().constData());
    return reply.json()[u"items"_s].toArray();
}

QJsonObject TestAuthorizations::get(const QString &id)
{
    return m_server->admin("GET", authorizationsPath + u'/' + id).json();
}

QJsonArray TestAuthorizations::audit(const QString &query)
{
    return m_server->admin("GET", u"/api/admin/v1/audit"_s + query).json()[u"items"_s].toArray();
}

void TestAuthorizations::listFiltersByUserConsumerStatusAndQuery()
{
    const QString ana = addUser(u"ana.souza@example.com"_s);
    const QString joao = addUser(u"joao.silva@example.org"_s);
    const QString portal = addConsumer(u"Partner Portal"_s);
    const QString mobile = addConsumer(u"Mobile Inspector"_s);
    QVERIFY(!ana.isEmpty() && !joao.isEmpty() && !portal.isEmpty() && !mobile.isEmpty());
    const QString anaPortal = authorize(ana, portal, 40);
    const QString anaMobile = authorize(ana, mobile, 30);
    const QString joaoPortal = authorize(joao, portal, 20, true);
    const QString joaoMobile = authorize(joao, mobile, 10);

    QJsonArray items = list(QString());
    QCOMPARE(items.size(), 4);
    QCOMPARE(items[0][u"id"_s].toString(), joaoMobile);
    QCOMPARE(items[3][u"id"_s].toString(), anaPortal);
    QCOMPARE(items[0][u"user_email"_s].toString(), u"joao.silva@example.org"_s);
    QCOMPARE(items[0][u"consumer_name"_s].toString(), u"Mobile Inspector"_s);

    QCOMPARE(idsOf(list(u"?user_id="_s + ana)), sorted({anaPortal, anaMobile}));
    QCOMPARE(idsOf(list(u"?consumer_id="_s + portal)), sorted({anaPortal, joaoPortal}));
    QCOMPARE(idsOf(list(u"?status=active"_s)), sorted({anaPortal, anaMobile, joaoMobile}));
    QCOMPARE(idsOf(list(u"?status=revoked"_s)), QStringList{joaoPortal});
    QCOMPARE(idsOf(list(u"?user_id="_s + joao + u"&status=active"_s)), QStringList{joaoMobile});
    QCOMPARE(idsOf(list(u"?consumer_id="_s + mobile + u"&user_id="_s + ana)),
             QStringList{anaMobile});
    QCOMPARE(idsOf(list(u"?user_id=usr_nobody"_s)), QStringList());

    // q matches the user's email or the consumer's name, whatever the case.
    QCOMPARE(idsOf(list(u"?q=JOAO"_s)), sorted({joaoPortal, joaoMobile}));
    QCOMPARE(idsOf(list(u"?q=example.org"_s)), sorted({joaoPortal, joaoMobile}));
    QCOMPARE(idsOf(list(u"?q=inspector"_s)), sorted({anaMobile, joaoMobile}));
    QCOMPARE(idsOf(list(u"?q=portal&status=active"_s)), QStringList{anaPortal});
    QCOMPARE(idsOf(list(u"?q=nobody"_s)), QStringList());
    // LIKE's wildcards are taken literally.
    QCOMPARE(idsOf(list(u"?q=%25"_s)), QStringList());
    QCOMPARE(idsOf(list(u"?q=_"_s)), QStringList());

    Reply reply = m_server->admin("GET", authorizationsPath + u"?limit=1&include_total=true"_s);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json()[u"items"_s].toArray().size(), 1);
    QCOMPARE(reply.json()[u"total"_s].toInteger(), 4);
    QVERIFY(!reply.json()[u"next_cursor"_s].toString().isEmpty());
    reply = m_server->admin("GET",
                            authorizationsPath + u"?include_total=true&status=active&q=portal"_s);
    QCOMPARE(reply.json()[u"total"_s].toInteger(), 1);
    reply = m_server->admin("GET", authorizationsPath);
    QVERIFY2(!reply.json().contains(u"total"_s), "the total is counted only when asked for");
    QVERIFY(reply.json()[u"next_cursor"_s].isNull());

    reply = m_server->admin("GET", authorizationsPath + u"?status=bogus"_s);
    QCOMPARE(reply.status, 422);
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QVERIFY2(hasFieldError(reply, u"status"_s, u"Use active or revoked."_s),
             reply.describe().constData());
    reply = m_server->admin("GET", authorizationsPath + u"?status=disabled"_s);
    QCOMPARE(reply.status, 422);
    reply = m_server->admin("GET", authorizationsPath + u"?limit=1001"_s);
    QCOMPARE(reply.status, 422);
    QVERIFY2(hasFieldError(reply, u"limit"_s, u"from 1 to 1000"_s), reply.describe().constData());
    reply = m_server->admin("GET", authorizationsPath + u"?cursor=%21%21"_s);
    QCOMPARE(reply.status, 422);
    QVERIFY2(hasFieldError(reply, u"cursor"_s, u"Not a cursor"_s), reply.describe().constData());
}

void TestAuthorizations::cursorPagingVisitsEveryAuthorizationOnce()
{
    const QStringList users{addUser(u"a@example.com"_s), addUser(u"b@example.com"_s),
                            addUser(u"c@example.com"_s)};
    const QStringList consumers{addConsumer(u"First"_s), addConsumer(u"Second"_s)};
    QVERIFY(!users.contains(QString()) && !consumers.contains(QString()));

    constexpr int total = 2500;
    QSet<QString> inserted;
    QSet<QString> ofFirst;
    {
        Latchkey::Server::Database::Transaction transaction(m_server->context().database());
        for (int i = 0; i < total; ++i) {
            // 25 authorizations share each second, so ties are broken by id across pages.
            const QString id =
                authorize(users.at(i % 3), consumers.at(i % 2), 10000 - i / 25, i % 10 == 0);
            inserted.insert(id);
            if (i % 2 == 0)
                ofFirst.insert(id);
        }
        transaction.commit();
    }
    QCOMPARE(inserted.size(), total);

    struct Walk
    {
        QStringList seen;
        int pages = 0;
        int outOfOrder = 0;
        int oversized = 0;
        bool failed = false;
    };
    const auto pageThrough = [this](const QString &filter, int limit) {
        Walk walk;
        QString cursor;
        QString previousCreated;
        QString previousId;
        do {
            const Reply reply =
                m_server->admin("GET", authorizationsPath + u"?limit=%1"_s.arg(limit) + filter +
                                           (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            if (reply.status != 200) {
                qWarning("paging: %s", reply.describe().constData());
                walk.failed = true;
                break;
            }
            const QJsonArray items = reply.json()[u"items"_s].toArray();
            if (items.size() > limit)
                ++walk.oversized;
            for (const QJsonValue &item : items) {
                const QString created = item[u"created_at"_s].toString();
                const QString id = item[u"id"_s].toString();
                // Newest first, by (created_at, id).
                if (!previousId.isEmpty() &&
                    (created > previousCreated || (created == previousCreated && id >= previousId)))
                    ++walk.outOfOrder;
                previousCreated = created;
                previousId = id;
                walk.seen.append(id);
            }
            cursor = reply.json()[u"next_cursor"_s].toString();
            ++walk.pages;
        } while (!cursor.isEmpty() && walk.pages < 1000);
        return walk;
    };
    // Every page answered, none too long, and newest first throughout.
    const auto check = [](const Walk &walk) {
        return !walk.failed && walk.outOfOrder == 0 && walk.oversized == 0;
    };

    Walk walk = pageThrough(QString(), 1000);
    QVERIFY(check(walk));
    QCOMPARE(walk.pages, 3);
    QCOMPARE(walk.seen.size(), total);
    QCOMPARE(QSet<QString>(walk.seen.cbegin(), walk.seen.cend()), inserted);

    walk = pageThrough(QString(), 333);
    QVERIFY(check(walk));
    QCOMPARE(walk.pages, 8);
    QCOMPARE(walk.seen.size(), total);
    QCOMPARE(QSet<QString>(walk.seen.cbegin(), walk.seen.cend()), inserted);

    walk = pageThrough(u"&consumer_id="_s + consumers.at(0), 100);
    QVERIFY(check(walk));
    QCOMPARE(walk.pages, 13);
    QCOMPARE(walk.seen.size(), total / 2);
    QCOMPARE(QSet<QString>(walk.seen.cbegin(), walk.seen.cend()), ofFirst);

    walk = pageThrough(u"&status=revoked"_s, 7);
    QVERIFY(check(walk));
    QCOMPARE(walk.seen.size(), total / 10);
    QCOMPARE(walk.pages, (total / 10 + 6) / 7);

    const Reply counted =
        m_server->admin("GET", authorizationsPath + u"?include_total=true&limit=1"_s);
    QCOMPARE(counted.json()[u"total"_s].toInteger(), total);
    const Reply active = m_server->admin(
        "GET", authorizationsPath + u"?include_total=true&status=active&user_id="_s + users.at(0) +
                   u"&limit=1"_s);
    // Users take turns (i % 3 == 0); every tenth is revoked, and i % 30 == 0 falls in both.
    QCOMPARE(active.json()[u"total"_s].toInteger(), 834 - 84);
}

void TestAuthorizations::getShowsOneAuthorization()
{
    const QString user = addUser(u"ana@example.com"_s);
    const QString consumer = addConsumer(u"Partner Portal"_s);
    const QString id = authorize(user, consumer, 60);

    const Reply reply = m_server->admin("GET", authorizationsPath + u'/' + id);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.header("ETag"), "\"1\"");
    const QJsonObject authorization = reply.json();
    QCOMPARE(authorization[u"id"_s].toString(), id);
    QCOMPARE(authorization[u"user_id"_s].toString(), user);
    QCOMPARE(authorization[u"user_email"_s].toString(), u"ana@example.com"_s);
    QCOMPARE(authorization[u"consumer_id"_s].toString(), consumer);
    QCOMPARE(authorization[u"consumer_name"_s].toString(), u"Partner Portal"_s);
    QCOMPARE(authorization[u"scopes"_s].toArray(),
             (QJsonArray{u"assets:read"_s, u"work_orders:read"_s}));
    QCOMPARE(authorization[u"status"_s].toString(), u"active"_s);
    QVERIFY(authorization[u"revoked_at"_s].isNull());
    QVERIFY(authorization[u"revoked_by"_s].isNull());
    QCOMPARE(authorization[u"version"_s].toInt(), 1);
    const QDateTime created = Latchkey::fromRfc3339(authorization[u"created_at"_s].toString());
    QVERIFY(qAbs(created.secsTo(m_server->clock().now()) - 60) <= 2);
}

void TestAuthorizations::revokingOneStopsItsTokensAtOnce()
{
    const QString user = addUser(u"ana@example.com"_s);
    const QString portal = addConsumer(u"Partner Portal"_s);
    const QString mobile = addConsumer(u"Mobile Inspector"_s);
    const QString id = authorize(user, portal);
    const QString other = authorize(user, mobile);
    const QString token = issueToken(portal, id);
    const QString refresh = issueToken(portal, id, Latchkey::Server::TokenRecord::Kind::Refresh);
    const QString otherToken = issueToken(mobile, other);

    Reply reply = whoami(token);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"principal"_s][u"type"_s].toString(), u"user"_s);
    QCOMPARE(reply.json()[u"principal"_s][u"id"_s].toString(), user);
    QCOMPARE(reply.json()[u"principal"_s][u"authorization_id"_s].toString(), id);
    QCOMPARE(whoami(otherToken).status, 200);

    reply = m_server->admin("DELETE", authorizationsPath + u'/' + id);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QString actor =
        u"consumer:"_s + m_server->bootstrap()[u"automation"_s][u"client_id"_s].toString();
    QCOMPARE(reply.json()[u"status"_s].toString(), u"revoked"_s);
    QCOMPARE(reply.json()[u"revoked_by"_s].toString(), actor);
    const QDateTime revokedAt = Latchkey::fromRfc3339(reply.json()[u"revoked_at"_s].toString());
    QVERIFY(revokedAt.isValid());
    QVERIFY(qAbs(revokedAt.secsTo(m_server->clock().now())) <= 1);
    QCOMPARE(reply.json()[u"version"_s].toInt(), 2);
    QCOMPARE(reply.header("ETag"), "\"2\"");
    QCOMPARE(get(id), reply.json());

    reply = whoami(token);
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QVERIFY2(reply.header("WWW-Authenticate").contains("error=\"invalid_token\""),
             reply.header("WWW-Authenticate").constData());
    QCOMPARE(reply.json()[u"detail"_s].toString(), u"The access token was revoked."_s);
    const auto refreshRecord =
        m_server->context().tokens.find(m_server->context().masterKey().digest(refresh));
    QVERIFY(refreshRecord);
    QVERIFY2(refreshRecord->revokedAt.isValid(), "the refresh token is revoked with it");

    // The same user's consent to another consumer is untouched.
    QCOMPARE(whoami(otherToken).status, 200);
    QCOMPARE(get(other)[u"status"_s].toString(), u"active"_s);
    QCOMPARE(get(other)[u"version"_s].toInt(), 1);

    const QJsonArray events = audit(u"?target_id="_s + id);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0][u"action"_s].toString(), u"authorization.revoke"_s);
    QCOMPARE(events[0][u"actor"_s].toString(), actor);
    QCOMPARE(events[0][u"target_type"_s].toString(), u"authorization"_s);
    QCOMPARE(events[0][u"details"_s][u"user_id"_s].toString(), user);
    QCOMPARE(events[0][u"details"_s][u"consumer_id"_s].toString(), portal);
}

void TestAuthorizations::revokingTwiceIsHarmless()
{
    const QString user = addUser(u"ana@example.com"_s);
    const QString consumer = addConsumer(u"Partner Portal"_s);
    const QString id = authorize(user, consumer);
    const QString path = authorizationsPath + u'/' + id;

    Reply reply = m_server->admin("DELETE", path, {}, {{"If-Match", "\"7\""}});
    QCOMPARE(reply.status, 412);
    QCOMPARE(get(id)[u"status"_s].toString(), u"active"_s);

    reply = m_server->admin("DELETE", path, {}, {{"If-Match", "\"1\""}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    const QJsonObject first = reply.json();

    m_server->clock().advance(30);
    reply = m_server->admin("DELETE", path);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json(), first);
    QCOMPARE(reply.json()[u"version"_s].toInt(), 2);
    QCOMPARE(audit(u"?target_id="_s + id).size(), 1);

    reply = m_server->admin("POST", revokePath, {{u"ids"_s, QJsonArray{id}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"revoked"_s].toInt(-1), 0);
    QCOMPARE(get(id), first);
}

void TestAuthorizations::tokenOfARevokedAuthorizationIsRefused()
{
    // A token written after the revocation (a race with the token endpoint) is refused too.
    const QString user = addUser(u"ana@example.com"_s);
    const QString consumer = addConsumer(u"Partner Portal"_s);
    const QString id = authorize(user, consumer);
    QCOMPARE(m_server->admin("DELETE", authorizationsPath + u'/' + id).status, 200);
    const Reply reply = whoami(issueToken(consumer, id));
    QCOMPARE(reply.status, 401);
    QCOMPARE(reply.json()[u"detail"_s].toString(),
             u"The user's authorization of this consumer was revoked."_s);
    QVERIFY(reply.header("WWW-Authenticate").contains("error=\"invalid_token\""));
}

void TestAuthorizations::bulkRevokeByIds()
{
    const QString ana = addUser(u"ana@example.com"_s);
    const QString joao = addUser(u"joao@example.com"_s);
    const QString portal = addConsumer(u"Partner Portal"_s);
    const QString mobile = addConsumer(u"Mobile Inspector"_s);
    const QStringList ids{authorize(ana, portal), authorize(ana, mobile), authorize(joao, portal),
                          authorize(joao, mobile)};
    QStringList tokens;
    tokens.append(issueToken(portal, ids.at(0)));
    tokens.append(issueToken(mobile, ids.at(1)));
    tokens.append(issueToken(portal, ids.at(2)));
    tokens.append(issueToken(mobile, ids.at(3)));

    Reply reply =
        m_server->admin("POST", revokePath, {{u"ids"_s, QJsonArray{ids.at(0), ids.at(3)}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"revoked"_s].toInt(-1), 2);
    QCOMPARE(idsOf(list(u"?status=revoked"_s)), sorted({ids.at(0), ids.at(3)}));
    QCOMPARE(whoami(tokens.at(0)).status, 401);
    QCOMPARE(whoami(tokens.at(1)).status, 200);
    QCOMPARE(whoami(tokens.at(2)).status, 200);
    QCOMPARE(whoami(tokens.at(3)).status, 401);
    QCOMPARE(get(ids.at(1))[u"version"_s].toInt(), 1);

    // Already revoked ones are not counted again; duplicates count once.
    reply = m_server->admin("POST", revokePath,
                            {{u"ids"_s, QJsonArray{ids.at(0), ids.at(1), ids.at(1)}}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"revoked"_s].toInt(-1), 1);
    QCOMPARE(idsOf(list(u"?status=active"_s)), QStringList{ids.at(2)});

    const QJsonArray events = audit(u"?action=authorization.revoke_bulk"_s);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[1][u"details"_s][u"revoked"_s].toInt(), 2);
    QCOMPARE(events[1][u"details"_s][u"ids"_s].toArray(), (QJsonArray{ids.at(0), ids.at(3)}));
    QCOMPARE(events[0][u"details"_s][u"revoked"_s].toInt(), 1);
    QCOMPARE(events[0][u"target_id"_s].toString(), ids.at(1));
}

void TestAuthorizations::bulkRevokeByConsumer()
{
    const QString ana = addUser(u"ana@example.com"_s);
    const QString joao = addUser(u"joao@example.com"_s);
    const QString portal = addConsumer(u"Partner Portal"_s);
    const QString mobile = addConsumer(u"Mobile Inspector"_s);
    const QString anaPortal = authorize(ana, portal);
    const QString joaoPortal = authorize(joao, portal);
    const QString oldPortal = authorize(joao, portal, 3600, true);
    const QString anaMobile = authorize(ana, mobile);
    const QString portalToken = issueToken(portal, joaoPortal);
    const QString mobileToken = issueToken(mobile, anaMobile);
    const QString oldRevokedBy = get(oldPortal)[u"revoked_by"_s].toString();

    const Reply reply = m_server->admin("POST", revokePath, {{u"consumer_id"_s, portal}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"revoked"_s].toInt(-1), 2);
    QCOMPARE(idsOf(list(u"?status=revoked&consumer_id="_s + portal)),
             sorted({anaPortal, joaoPortal, oldPortal}));
    QCOMPARE(idsOf(list(u"?status=active"_s)), QStringList{anaMobile});
    QCOMPARE(get(oldPortal)[u"revoked_by"_s].toString(), oldRevokedBy);
    QCOMPARE(get(oldPortal)[u"version"_s].toInt(), 1);
    QCOMPARE(whoami(portalToken).status, 401);
    QCOMPARE(whoami(mobileToken).status, 200);

    const QJsonArray events = audit(u"?action=authorization.revoke_bulk"_s);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0][u"details"_s][u"consumer_id"_s].toString(), portal);
    QCOMPARE(events[0][u"details"_s][u"revoked"_s].toInt(), 2);
}

void TestAuthorizations::bulkRevokeByUser()
{
    const QString ana = addUser(u"ana@example.com"_s);
    const QString joao = addUser(u"joao@example.com"_s);
    const QString portal = addConsumer(u"Partner Portal"_s);
    const QString mobile = addConsumer(u"Mobile Inspector"_s);
    const QString anaPortal = authorize(ana, portal);
    const QString anaMobile = authorize(ana, mobile);
    const QString joaoPortal = authorize(joao, portal);
    const QString anaToken = issueToken(mobile, anaMobile);
    const QString joaoToken = issueToken(portal, joaoPortal);

    Reply reply = m_server->admin("POST", revokePath, {{u"user_id"_s, ana}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"revoked"_s].toInt(-1), 2);
    QCOMPARE(idsOf(list(u"?status=revoked"_s)), sorted({anaPortal, anaMobile}));
    QCOMPARE(idsOf(list(u"?status=active"_s)), QStringList{joaoPortal});
    QCOMPARE(whoami(anaToken).status, 401);
    QCOMPARE(whoami(joaoToken).status, 200);

    reply = m_server->admin("POST", revokePath, {{u"user_id"_s, ana}});
    QVERIFY2(reply.status == 200, reply.describe().constData());
    QCOMPARE(reply.json()[u"revoked"_s].toInt(-1), 0);

    const QJsonArray events = audit(u"?action=authorization.revoke_bulk"_s);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[1][u"details"_s][u"user_id"_s].toString(), ana);
    QCOMPARE(events[1][u"details"_s][u"revoked"_s].toInt(), 2);
    QCOMPARE(events[0][u"details"_s][u"revoked"_s].toInt(-1), 0);
}

void TestAuthorizations::bulkRevokeRejectsBadInput_data()
{
    // {az}, {consumer} and {user} stand for real ids of the account, filled in by the test.
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("message");

    const QString omission = u"Nothing is revoked by omission."_s;
    QTest::newRow("empty body") << QByteArray() << 422 << u"ids"_s << omission;
    QTest::newRow("empty object") << "{}"_ba << 422 << u"ids"_s << omission;
    QTest::newRow("everything") << R"({"all":true})"_ba << 422 << u"ids"_s << omission;
    QTest::newRow("two selectors") << R"({"ids":["{az}"],"consumer_id":"{consumer}"})"_ba << 422
                                   << u"ids"_s << u"one of them"_s;
    QTest::newRow("three selectors")
        << R"({"ids":["{az}"],"consumer_id":"{consumer}","user_id":"{user}"})"_ba << 422 << u"ids"_s
        << u"one of them"_s;
    QTest::newRow("ids not a list") << R"({"ids":"{az}"})"_ba << 422 << u"ids"_s
                                    << u"Must be a non-empty list of authorization ids."_s;
    QTest::newRow("ids null") << R"({"ids":null})"_ba << 422 << u"ids"_s
                              << u"Must be a non-empty list of authorization ids."_s;
    QTest::newRow("empty ids") << R"({"ids":[]})"_ba << 422 << u"ids"_s
                               << u"Must be a non-empty list of authorization ids."_s;
    QTest::newRow("a number among ids") << R"({"ids":["{az}",7]})"_ba << 422 << u"ids"_s
                                        << u"Must be a non-empty list of authorization ids."_s;
    QTest::newRow("an empty id") << R"({"ids":["{az}",""]})"_ba << 422 << u"ids"_s
                                 << u"Must be a non-empty list of authorization ids."_s;
    QTest::newRow("unknown id among known ones")
        << R"({"ids":["{az}","az_nope"]})"_ba << 422 << u"ids"_s
        << u"Not in this account: az_nope. Nothing was revoked."_s;
    QTest::newRow("unknown field beside a selector")
        << R"({"ids":["{az}"],"everything":true})"_ba << 422 << u"everything"_s
        << u"Unknown or read-only field."_s;
    QTest::newRow("unknown consumer")
        << R"({"consumer_id":"con_nope"})"_ba << 404 << QString()
        << u"There is no consumer with id con_nope in this account."_s;
    QTest::newRow("a user id as consumer")
        << R"({"consumer_id":"{user}"})"_ba << 404 << QString() << u"There is no consumer"_s;
    QTest::newRow("unknown user") << R"({"user_id":"usr_nope"})"_ba << 404 << QString()
                                  << u"There is no user with id usr_nope in this account."_s;
    QTest::newRow("consumer id not a string")
        << R"({"consumer_id":42})"_ba << 422 << u"consumer_id"_s << u"Must be a string."_s;
    QTest::newRow("user id not a string")
        << R"({"user_id":["{user}"]})"_ba << 422 << u"user_id"_s << u"Must be a string."_s;
    QTest::newRow("empty consumer id")
        << R"({"consumer_id":""})"_ba << 422 << u"consumer_id"_s << u"A consumer id is required."_s;
    QTest::newRow("malformed json") << R"({"ids":[)"_ba << 400 << QString() << u"not valid JSON"_s;
    QTest::newRow("array body") << R"(["{az}"])"_ba << 400 << QString() << u"JSON object"_s;
}

void TestAuthorizations::bulkRevokeRejectsBadInput()
{
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    QFETCH(QString, message);

    const QString ana = addUser(u"ana@example.com"_s);
    const QString joao = addUser(u"joao@example.com"_s);
    const QString portal = addConsumer(u"Partner Portal"_s);
    const QString mobile = addConsumer(u"Mobile Inspector"_s);
    const QStringList ids{authorize(ana, portal), authorize(ana, mobile), authorize(joao, portal),
                          authorize(joao, mobile)};
    const QStringList tokens{issueToken(portal, ids.at(0)), issueToken(mobile, ids.at(1)),
                             issueToken(portal, ids.at(2)), issueToken(mobile, ids.at(3))};
    body.replace("{az}", ids.at(0).toLatin1())
        .replace("{consumer}", portal.toLatin1())
        .replace("{user}", ana.toLatin1());

    QList<QPair<QByteArray, QByteArray>> headers{
        {"Authorization", "Bearer " + m_server->adminToken().toLatin1()}};
    if (!body.isEmpty())
        headers.append({"Content-Type"_ba, "application/json"_ba});
    const Reply reply = m_server->request("POST", revokePath, body, headers);
    QVERIFY2(reply.status == status, reply.describe().constData());
    QCOMPARE(reply.header("Content-Type"), "application/problem+json");
    QCOMPARE(reply.json()[u"status"_s].toInt(), status);
    if (field.isEmpty())
        QVERIFY2(reply.json()[u"detail"_s].toString().contains(message),
                 reply.describe().constData());
    else
        QVERIFY2(hasFieldError(reply, field, message), reply.describe().constData());

    // Nothing was revoked, and nothing was audited.
    QCOMPARE(idsOf(list(u"?status=active"_s)), sorted(ids));
    for (const QString &id : ids)
        QCOMPARE(get(id)[u"version"_s].toInt(), 1);
    for (const QString &token : tokens)
        QCOMPARE(whoami(token).status, 200);
    QCOMPARE(audit(u"?action=authorization.revoke_bulk"_s).size(), 0);
}

void TestAuthorizations::deletingAConsumerRemovesItsAuthorizations()
{
    const QString user = addUser(u"ana@example.com"_s);
    const QString portal = addConsumer(u"Partner Portal"_s);
    const QString mobile = addConsumer(u"Mobile Inspector"_s);
    const QString gone = authorize(user, portal);
    const QString kept = authorize(user, mobile);
    const QString token = issueToken(portal, gone);

    QCOMPARE(m_server->admin("DELETE", u"/api/admin/v1/consumers/"_s + portal).status, 204);
    QCOMPARE(m_server->admin("GET", authorizationsPath + u'/' + gone).status, 404);
    QCOMPARE(idsOf(list(QString())), QStringList{kept});
    QCOMPARE(list(u"?consumer_id="_s + portal).size(), 0);
    QCOMPARE(whoami(token).status, 401);
}

void TestAuthorizations::unknownIdsAre404()
{
    for (const QByteArray &method : {"GET"_ba, "DELETE"_ba}) {
        const Reply reply = m_server->admin(method, authorizationsPath + u"/az_nope"_s);
        QCOMPARE(reply.status, 404);
        QCOMPARE(reply.header("Content-Type"), "application/problem+json");
        QCOMPARE(reply.json()[u"detail"_s].toString(),
                 u"There is no authorization with id az_nope in this account."_s);
    }
    QCOMPARE(audit(u"?target_id=az_nope"_s).size(), 0);
}

void TestAuthorizations::auditSearchFindsActorActionTargetAndDetails()
{
    const QString ana = addUser(u"ana@example.com"_s);
    const QString joao = addUser(u"joao@example.com"_s);
    const QString portal = addConsumer(u"Partner Portal"_s);
    const QString anaPortal = authorize(ana, portal);
    authorize(joao, portal);
    Reply reply = m_server->admin("DELETE", authorizationsPath + u'/' + anaPortal);
    QVERIFY2(reply.status == 200, reply.describe().constData());
    reply = m_server->admin("POST", revokePath, {{u"consumer_id"_s, portal}});
    QVERIFY2(reply.status == 200, reply.describe().constData());

    // The target, in any case.
    QJsonArray events = audit(u"?q="_s + anaPortal.toUpper());
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0][u"action"_s].toString(), u"authorization.revoke"_s);
    // The action.
    events = audit(u"?q=Revoke_Bulk"_s);
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0][u"details"_s][u"consumer_id"_s].toString(), portal);
    // The details: Ana was added (target) and her authorization revoked (details).
    events = audit(u"?q="_s + ana);
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0][u"action"_s].toString(), u"authorization.revoke"_s);
    QCOMPARE(events[1][u"action"_s].toString(), u"user.create"_s);
    // The actor, with the other filters.
    const QString actor = events[0][u"actor"_s].toString();
    QVERIFY(!actor.isEmpty());
    QCOMPARE(audit(u"?action=authorization.revoke_bulk&q="_s +
                   QString::fromLatin1(QUrl::toPercentEncoding(actor.mid(2))))
                 .size(),
             1);
    // The remote address.
    QVERIFY(audit(u"?q=127.0.0.1"_s).size() >= 2);
    // LIKE wildcards are text, not patterns.
    QCOMPARE(audit(u"?q=revoke"_s).size(), 2);
    QCOMPARE(audit(u"?q=revoke%25"_s).size(), 0);
    QCOMPARE(audit(u"?q=no-such-thing"_s).size(), 0);
}

QTEST_GUILESS_MAIN(TestAuthorizations)
#include "tst_authorizations.moc"
