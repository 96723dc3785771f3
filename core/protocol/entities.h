#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

// The JSON shapes of the admin API, shared by the server that writes them and the clients that
// read them, so the two cannot drift. Timestamps are RFC 3339 UTC; absent ones are null.
namespace Latchkey {

class JsonWriter;

QString toRfc3339(const QDateTime &time);     // null QDateTime -> empty string
QDateTime fromRfc3339(const QString &text);   // invalid -> null QDateTime
QJsonValue timeToJson(const QDateTime &time); // null QDateTime -> JSON null

enum class EntityStatus { Active, Disabled };
QString toString(EntityStatus status);
std::optional<EntityStatus> entityStatusFromString(QStringView text);

enum class GrantType { ClientCredentials, AuthorizationCode };
QString toString(GrantType grant);
std::optional<GrantType> grantTypeFromString(QStringView text);

enum class ClientType { Confidential, Public };
QString toString(ClientType type);
std::optional<ClientType> clientTypeFromString(QStringView text);

struct PermissionGroup
{
    QString id;
    QString name;
    QString description;
    QStringList scopes;

    QJsonObject toJson() const;
    static PermissionGroup fromJson(const QJsonObject &object);
};

struct User
{
    QString id;
    QString email;
    QString displayName;
    QString role; // "super_admin" or "member"
    bool disabled = false;
    QDateTime createdAt;

    QJsonObject toJson() const;
    static User fromJson(const QJsonObject &object);
};

struct ApiKey
{
    QString id; // the public "API Key"
    QString name;
    QString description;
    QString permissionGroupId;
    EntityStatus status = EntityStatus::Active;
    QDateTime expiresAt;
    QDateTime createdAt;
    QString createdBy;
    QDateTime lastUsedAt;
    QDateTime rotatedAt;
    QDateTime previousSecretValidUntil;
    int version = 1;
    QString secret; // only in the responses that create or rotate it

    QJsonObject toJson() const;
    static ApiKey fromJson(const QJsonObject &object);
};

struct Consumer
{
    QString id;
    QString clientId; // the "Key"
    QString name;
    QString description;
    QString permissionGroupId;
    GrantType grantType = GrantType::ClientCredentials;
    ClientType clientType = ClientType::Confidential;
    QStringList redirectUris;
    bool requirePkce = true;
    int accessTokenTtl = 7200;
    int refreshTokenTtl = 30 * 24 * 3600;
    EntityStatus status = EntityStatus::Active;
    QDateTime createdAt;
    QString createdBy;
    QDateTime lastUsedAt;
    QDateTime rotatedAt;
    QDateTime previousSecretValidUntil;
    int version = 1;
    QString clientSecret; // only in the responses that create or rotate it

    QJsonObject toJson() const;
    static Consumer fromJson(const QJsonObject &object);
};

struct Authorization
{
    QString id;
    QString userId;
    QString userEmail;
    QString consumerId;
    QString consumerName;
    QStringList scopes;
    QDateTime createdAt;
    QDateTime lastUsedAt;
    QDateTime revokedAt;
    QString revokedBy;
    int version = 1;

    bool isActive() const { return revokedAt.isNull(); }
    QJsonObject toJson() const;
    // The bytes QJsonDocument would make of toJson(), written straight (a page holds 1,000).
    void writeJson(JsonWriter &writer) const;
    static Authorization fromJson(const QJsonObject &object);
};

struct AuditEvent
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;
    QString targetType;
    QString targetId;
    QJsonObject details;
    QString remoteAddress;

    QJsonObject toJson() const;
    static AuditEvent fromJson(const QJsonObject &object);
};

} // namespace Latchkey
