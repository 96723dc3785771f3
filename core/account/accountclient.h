#pragma once

#include "net/httpclient.h"
#include "tokensource.h"

#include <protocol/entities.h>

#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

namespace Latchkey::Core {

template<typename T>
struct ListPage
{
    QList<T> items;
    QString nextCursor; // empty on the last page
    std::optional<qint64> total;
};

struct ListQuery
{
    QString search; // q
    QString status;
    int limit = 100;
    QString cursor;
    QList<QPair<QString, QString>> filters; // user_id, consumer_id, since, action, include_total…
};

// Which authorizations a bulk revoke hits; exactly one is set. There is no "all".
struct RevokeSelector
{
    QStringList ids;
    QString consumerId;
    QString userId;
};

// The admin API of one account (DESIGN.md), typed. Every call takes a token from its
// TokenSource, renews it once on a 401, and reports failures as Error values built from
// problem+json. Updates carry If-Match when given a version: a conflict comes back as an Error
// of kind Conflict, never as a silent overwrite.
class AccountClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountClient)

public:
    AccountClient(HttpClient &http, QUrl baseUrl, TokenSource &tokens, QObject *parent = nullptr);

    QUrl baseUrl() const { return m_baseUrl; }
    QUrl tokenEndpoint() const;

    Task<ListPage<ApiKey>> keys(const ListQuery &query = {});
    Task<ApiKey> key(const QString &id);
    Task<ApiKey> createKey(const QJsonObject &fields);
    Task<ApiKey> updateKey(const QString &id, const QJsonObject &changes,
                           std::optional<int> version = {});
    Task<ApiKey> rotateKey(const QString &id, int graceSeconds = 0);
    Task<Nothing> deleteKey(const QString &id, std::optional<int> version = {});

    Task<ListPage<Consumer>> consumers(const ListQuery &query = {});
    Task<Consumer> consumer(const QString &id);
    Task<Consumer> createConsumer(const QJsonObject &fields);
    Task<Consumer> updateConsumer(const QString &id, const QJsonObject &changes,
                                  std::optional<int> version = {});
    Task<Consumer> rotateConsumerSecret(const QString &id, int graceSeconds = 0);
    Task<Nothing> deleteConsumer(const QString &id, std::optional<int> version = {});

    Task<ListPage<Authorization>> authorizations(const ListQuery &query = {});
    Task<Authorization> authorization(const QString &id);
    Task<Authorization> revokeAuthorization(const QString &id);
    Task<qint64> revokeAuthorizations(const RevokeSelector &selector);

    Task<QList<PermissionGroup>> permissionGroups();
    Task<QList<User>> users();
    Task<ListPage<AuditEvent>> audit(const ListQuery &query = {});
    Task<QJsonObject> whoami();

    // Any admin API call: path relative to the base URL; answers the JSON body (empty for 204).
    Task<QJsonObject> call(const QByteArray &method, const QString &path,
                           const QUrlQuery &query = {}, const QJsonObject &body = {},
                           std::optional<int> version = {});

private:
    Task<QJsonObject> send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                           const QJsonObject &body, std::optional<int> version, bool renewed);
    template<typename T>
    Task<ListPage<T>> list(const QString &path, const ListQuery &query);
    template<typename T>
    Task<T> entity(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                   std::optional<int> version = {});

    HttpClient &m_http;
    QUrl m_baseUrl;
    TokenSource &m_tokens;
};

} // namespace Latchkey::Core
