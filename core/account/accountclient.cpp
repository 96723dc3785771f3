#include "accountclient.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

const QString adminBase = u"/api/admin/v1"_s;

QUrlQuery toUrlQuery(const ListQuery &query)
{
    QUrlQuery result;
    if (!query.search.isEmpty())
        result.addQueryItem(u"q"_s, QString::fromLatin1(QUrl::toPercentEncoding(query.search)));
    if (!query.status.isEmpty())
        result.addQueryItem(u"status"_s, query.status);
    if (query.limit > 0)
        result.addQueryItem(u"limit"_s, QString::number(query.limit));
    if (!query.cursor.isEmpty())
        result.addQueryItem(u"cursor"_s, query.cursor);
    for (const auto &[name, value] : query.filters)
        result.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    return result;
}

QString encoded(const QString &id)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(id));
}

} // namespace

AccountClient::AccountClient(HttpClient &http, QUrl baseUrl, TokenSource &tokens, QObject *parent)
    : QObject(parent)
    , m_http(http)
    , m_baseUrl(std::move(baseUrl))
    , m_tokens(tokens)
{
}

QUrl AccountClient::tokenEndpoint() const
{
    return m_baseUrl.resolved(QUrl(u"/oauth/token"_s));
}

Task<QJsonObject> AccountClient::call(const QByteArray &method, const QString &path,
                                      const QUrlQuery &query, const QJsonObject &body,
                                      std::optional<int> version)
{
    return send(method, path, query, body, version, false);
}

Task<QJsonObject> AccountClient::send(const QByteArray &method, const QString &path,
                                      const QUrlQuery &query, const QJsonObject &body,
                                      std::optional<int> version, bool renewed)
{
    return chain(
        m_tokens.accessToken(renewed), this,
        [this, method, path, query, body, version,
         renewed](Result<QString> token) -> Task<QJsonObject> {
            if (!token)
                return readyTask<QJsonObject>(token.error());
            HttpCall call;
            call.method = method;
            QUrl url = m_baseUrl;
            url.setPath(m_baseUrl.path(QUrl::FullyEncoded)
                                .chopped(m_baseUrl.path().endsWith(u'/') ? 1 : 0) +
                            path,
                        QUrl::StrictMode);
            if (!query.isEmpty())
                url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
            call.url = url;
            call.headers = {{"Authorization", "Bearer " + token.value().toLatin1()},
                            {"Accept", "application/json"}};
            if (!body.isEmpty() || method == "POST" || method == "PATCH") {
                call.headers.append(qMakePair("Content-Type"_ba, "application/json"_ba));
                call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            }
            if (version)
                call.headers.append(qMakePair(
                    QByteArray("If-Match"), QByteArray('"' + QByteArray::number(*version) + '"')));
            return chain(
                m_http.send(call), this,
                [this, method, path, query, body, version,
                 renewed](Result<HttpExchange> result) -> Task<QJsonObject> {
                    if (!result)
                        return readyTask<QJsonObject>(result.error());
                    const HttpExchange &exchange = result.value();
                    if (exchange.status == 401 && !renewed)
                        return send(method, path, query, body, version, true);
                    if (exchange.status < 200 || exchange.status > 299)
                        return readyTask<QJsonObject>(HttpClient::errorFrom(exchange));
                    if (exchange.status == 204 || exchange.responseBody.isEmpty())
                        return readyTask<QJsonObject>(QJsonObject());
                    const QJsonDocument document = QJsonDocument::fromJson(exchange.responseBody);
                    if (!document.isObject())
                        return readyTask<QJsonObject>(
                            Error{Error::Kind::Protocol,
                                  exchange.status,
                                  tr("The server answered something that is not JSON."),
                                  tr("Is %1 a Latchkey account server?").arg(m_baseUrl.toString()),
                                  {},
                                  {}});
                    return readyTask<QJsonObject>(document.object());
                });
        });
}

template<typename T>
Task<ListPage<T>> AccountClient::list(const QString &path, const ListQuery &query)
{
    return call("GET", path, toUrlQuery(query))
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [](Result<QJsonObject> result) -> Result<ListPage<T>> {
                  if (!result)
                      return result.error();
                  ListPage<T> page;
                  const QJsonArray items = result.value().value(u"items"_s).toArray();
                  page.items.reserve(items.size());
                  for (const QJsonValue &item : items)
                      page.items.append(T::fromJson(item.toObject()));
                  page.nextCursor = result.value().value(u"next_cursor"_s).toString();
                  if (result.value().contains(u"total"_s))
                      page.total = result.value().value(u"total"_s).toInteger();
                  return page;
              }));
}

template<typename T>
Task<T> AccountClient::entity(const QByteArray &method, const QString &path,
                              const QJsonObject &body, std::optional<int> version)
{
    return call(method, path, {}, body, version)
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [](Result<QJsonObject> result) -> Result<T> {
                  if (!result)
                      return result.error();
                  return T::fromJson(result.value());
              }));
}

namespace {

Task<Nothing> toNothing(QObject *context, Task<QJsonObject> task)
{
    return task.then(QtFuture::Launch::Sync,
                     Core::guarded(context, [](Result<QJsonObject> result) -> Result<Nothing> {
                         if (!result)
                             return result.error();
                         return Nothing{};
                     }));
}

} // namespace

Task<ListPage<ApiKey>> AccountClient::keys(const ListQuery &query)
{
    return list<ApiKey>(adminBase + u"/keys"_s, query);
}

Task<ApiKey> AccountClient::key(const QString &id)
{
    return entity<ApiKey>("GET", adminBase + u"/keys/"_s + encoded(id));
}

Task<ApiKey> AccountClient::createKey(const QJsonObject &fields)
{
    return entity<ApiKey>("POST", adminBase + u"/keys"_s, fields);
}

Task<ApiKey> AccountClient::updateKey(const QString &id, const QJsonObject &changes,
                                      std::optional<int> version)
{
    return entity<ApiKey>("PATCH", adminBase + u"/keys/"_s + encoded(id), changes, version);
}

Task<ApiKey> AccountClient::rotateKey(const QString &id, int graceSeconds)
{
    return entity<ApiKey>("POST", adminBase + u"/keys/"_s + encoded(id) + u"/rotate"_s,
                          {{u"grace_seconds"_s, graceSeconds}});
}

Task<Nothing> AccountClient::deleteKey(const QString &id, std::optional<int> version)
{
    return toNothing(this, call("DELETE", adminBase + u"/keys/"_s + encoded(id), {}, {}, version));
}

Task<ListPage<Consumer>> AccountClient::consumers(const ListQuery &query)
{
    return list<Consumer>(adminBase + u"/consumers"_s, query);
}

Task<Consumer> AccountClient::consumer(const QString &id)
{
    return entity<Consumer>("GET", adminBase + u"/consumers/"_s + encoded(id));
}

Task<Consumer> AccountClient::createConsumer(const QJsonObject &fields)
{
    return entity<Consumer>("POST", adminBase + u"/consumers"_s, fields);
}

Task<Consumer> AccountClient::updateConsumer(const QString &id, const QJsonObject &changes,
                                             std::optional<int> version)
{
    return entity<Consumer>("PATCH", adminBase + u"/consumers/"_s + encoded(id), changes, version);
}

Task<Consumer> AccountClient::rotateConsumerSecret(const QString &id, int graceSeconds)
{
    return entity<Consumer>("POST",
                            adminBase + u"/consumers/"_s + encoded(id) + u"/rotate-secret"_s,
                            {{u"grace_seconds"_s, graceSeconds}});
}

Task<Nothing> AccountClient::deleteConsumer(const QString &id, std::optional<int> version)
{
    return toNothing(this,
                     call("DELETE", adminBase + u"/consumers/"_s + encoded(id), {}, {}, version));
}

Task<ListPage<Authorization>> AccountClient::authorizations(const ListQuery &query)
{
    return list<Authorization>(adminBase + u"/authorizations"_s, query);
}

Task<Authorization> AccountClient::authorization(const QString &id)
{
    return entity<Authorization>("GET", adminBase + u"/authorizations/"_s + encoded(id));
}

Task<Authorization> AccountClient::revokeAuthorization(const QString &id)
{
    return entity<Authorization>("DELETE", adminBase + u"/authorizations/"_s + encoded(id));
}

Task<qint64> AccountClient::revokeAuthorizations(const RevokeSelector &selector)
{
    QJsonObject body;
    if (!selector.ids.isEmpty())
        body.insert(u"ids"_s, QJsonArray::fromStringList(selector.ids));
    if (!selector.consumerId.isEmpty())
        body.insert(u"consumer_id"_s, selector.consumerId);
    if (!selector.userId.isEmpty())
        body.insert(u"user_id"_s, selector.userId);
    if (body.size() != 1)
        return readyTask<qint64>(Error{Error::Kind::Usage,
                                       0,
                                       tr("Say which authorizations to revoke: ids, one consumer "
                                          "or one user."),
                                       {},
                                       {},
                                       {}});
    return call("POST", adminBase + u"/authorizations/revoke"_s, {}, body)
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [](Result<QJsonObject> result) -> Result<qint64> {
                  if (!result)
                      return result.error();
                  return result.value().value(u"revoked"_s).toInteger();
              }));
}

Task<QList<PermissionGroup>> AccountClient::permissionGroups()
{
    return list<PermissionGroup>(adminBase + u"/permission-groups"_s, {})
        .then(QtFuture::Launch::Sync,
              Core::guarded(
                  this,
                  [](Result<ListPage<PermissionGroup>> result) -> Result<QList<PermissionGroup>> {
                      if (!result)
                          return result.error();
                      return result.value().items;
                  }));
}

Task<QList<User>> AccountClient::users()
{
    return list<User>(adminBase + u"/users"_s, {})
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [](Result<ListPage<User>> result) -> Result<QList<User>> {
                  if (!result)
                      return result.error();
                  return result.value().items;
              }));
}

Task<ListPage<AuditEvent>> AccountClient::audit(const ListQuery &query)
{
    return list<AuditEvent>(adminBase + u"/audit"_s, query);
}

Task<QJsonObject> AccountClient::whoami()
{
    return call("GET", u"/api/v2/whoami"_s);
}

} // namespace Latchkey::Core
