#include "testserver.h"

#include <account/accountsetup.h>

#include <protocol/hawk.h>
#include <protocol/random.h>

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace Latchkey::Test {

QJsonObject Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QByteArray Reply::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QByteArray Reply::describe() const
{
    return QByteArray::number(status) + ' ' + body;
}

TestServer::TestServer()
    : m_clock(std::make_unique<ManualClock>())
{
    Server::ServerOptions options;
    options.dataDir = m_dir.path();
    ManualClock *clock = m_clock.get();
    options.clock = [clock] { return clock->now(); };
    QString error;
    m_server = Server::AccountServer::open(options, &error);
    if (!m_server)
        qFatal("TestServer: %s", qPrintable(error));
    if (!m_server->listen(QHostAddress::LocalHost, 0, &error))
        qFatal("TestServer: %s", qPrintable(error));
    m_bootstrap = bootstrapTenant(u"Test account"_s);
}

TestServer::~TestServer() = default;

QString TestServer::tenantId() const
{
    return m_bootstrap[u"tenant"_s][u"id"_s].toString();
}

QJsonObject TestServer::bootstrapTenant(const QString &name)
{
    Server::AccountSetup::BootstrapOptions options;
    options.tenantName = name;
    options.adminEmail = u"admin@"_s + name.toLower().remove(u' ') + u".example"_s;
    return Server::AccountSetup::bootstrap(context(), options);
}

Reply TestServer::request(const QByteArray &method, const QString &pathAndQuery,
                          const QByteArray &body,
                          const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest request(QUrl(url().toString() + pathAndQuery, QUrl::StrictMode));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    const auto pairs = reply->rawHeaderPairs();
    for (const auto &[name, value] : pairs)
        result.headers.append({name, value});
    reply->deleteLater();
    return result;
}

Reply TestServer::withToken(const QString &token, const QByteArray &method,
                            const QString &pathAndQuery, const QJsonObject &body,
                            const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QList<QPair<QByteArray, QByteArray>> all = headers;
    all.append({"Authorization"_ba, "Bearer "_ba + token.toLatin1()});
    QByteArray payload;
    if (!body.isEmpty()) {
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        all.append({"Content-Type"_ba, "application/json"_ba});
    }
    return request(method, pathAndQuery, payload, all);
}

Reply TestServer::admin(const QByteArray &method, const QString &pathAndQuery,
                        const QJsonObject &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return withToken(adminToken(), method, pathAndQuery, body, headers);
}

QString TestServer::token(const QString &clientId, const QString &clientSecret,
                          const QString &scope)
{
    QByteArray form = "grant_type=client_credentials";
    if (!scope.isEmpty())
        form += "&scope=" + QUrl::toPercentEncoding(scope);
    const Reply reply =
        request("POST", u"/oauth/token"_s, form,
                {{"Content-Type", "application/x-www-form-urlencoded"},
                 {"Authorization", "Basic " + QByteArray(QUrl::toPercentEncoding(clientId) + ':' +
                                                         QUrl::toPercentEncoding(clientSecret))
                                                  .toBase64()}});
    return reply.json().value(u"access_token"_s).toString();
}

QString TestServer::adminToken()
{
    if (m_adminToken.isEmpty()) {
        const QJsonObject automation = m_bootstrap[u"automation"_s].toObject();
        m_adminToken =
            token(automation[u"client_id"_s].toString(), automation[u"client_secret"_s].toString());
    }
    return m_adminToken;
}

Reply TestServer::hawk(const QString &id, const QString &key, const QByteArray &method,
                       const QString &pathAndQuery, const QByteArray &contentType,
                       const QByteArray &payload, qint64 tsOffset)
{
    Hawk::Request signing;
    signing.method = method;
    signing.resource = pathAndQuery.toUtf8();
    signing.host = url().host().toLatin1();
    signing.port = quint16(url().port());
    signing.hasPayload = !contentType.isEmpty();
    signing.contentType = contentType;
    signing.payload = payload;
    const QByteArray header =
        Hawk::sign(id.toUtf8(), key.toUtf8(), signing, m_clock->now().toSecsSinceEpoch() + tsOffset,
                   Random::secret(64).toLatin1());
    QList<QPair<QByteArray, QByteArray>> headers{{"Authorization", header}};
    if (!contentType.isEmpty())
        headers.append({"Content-Type", contentType});
    return request(method, pathAndQuery, payload, headers);
}

QString TestServer::groupId(const QString &name)
{
    const auto group = context().accounts.permissionGroupByName(tenantId(), name);
    return group ? group->id : QString();
}

QJsonObject TestServer::createKey(const QString &name, const QString &group)
{
    const Reply reply = admin("POST", u"/api/admin/v1/keys"_s,
                              {{u"name"_s, name}, {u"permission_group_id"_s, groupId(group)}});
    return reply.status == 201 ? reply.json() : QJsonObject();
}

QJsonObject TestServer::createConsumer(const QJsonObject &fields)
{
    QJsonObject body = fields;
    if (!body.contains(u"permission_group_id"_s))
        body.insert(u"permission_group_id"_s, groupId(u"Maintenance"_s));
    const Reply reply = admin("POST", u"/api/admin/v1/consumers"_s, body);
    return reply.status == 201 ? reply.json() : QJsonObject();
}

} // namespace Latchkey::Test
