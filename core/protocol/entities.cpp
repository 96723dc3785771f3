#include "entities.h"

#include "jsonwriter.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey {

namespace {

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QStringList toStringList(const QJsonValue &value)
{
    QStringList list;
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array)
        list.append(item.toString());
    return list;
}

QDateTime timeFromJson(const QJsonValue &value)
{
    return value.isString() ? fromRfc3339(value.toString()) : QDateTime();
}

} // namespace

QString toRfc3339(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
}

QDateTime fromRfc3339(const QString &text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!time.isValid())
        return {};
    // RFC 3339 always carries an offset; a bare local time is not one.
    if (time.timeSpec() == Qt::LocalTime)
        return {};
    return time.toUTC();
}

QJsonValue timeToJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(toRfc3339(time)) : QJsonValue(QJsonValue::Null);
}

QString toString(EntityStatus status)
{
    return status == EntityStatus::Active ? u"active"_s : u"disabled"_s;
}

std::optional<EntityStatus> entityStatusFromString(QStringView text)
{
    if (text == u"active")
        return EntityStatus::Active;
    if (text == u"disabled")
        return EntityStatus::Disabled;
    return std::nullopt;
}

QString toString(GrantType grant)
{
    return grant == GrantType::ClientCredentials ? u"client_credentials"_s
                                                 : u"authorization_code"_s;
}

std::optional<GrantType> grantTypeFromString(QStringView text)
{
    if (text == u"client_credentials")
        return GrantType::ClientCredentials;
    if (text == u"authorization_code")
        return GrantType::AuthorizationCode;
    return std::nullopt;
}

QString toString(ClientType type)
{
    return type == ClientType::Confidential ? u"confidential"_s : u"public"_s;
}

std::optional<ClientType> clientTypeFromString(QStringView text)
{
    if (text == u"confidential")
        return ClientType::Confidential;
    if (text == u"public")
        return ClientType::Public;
    return std::nullopt;
}

QJsonObject PermissionGroup::toJson() const
{
    return {{u"id"_s, id},
            {u"name"_s, name},
            {u"description"_s, description},
            {u"scopes"_s, toArray(scopes)}};
}

PermissionGroup PermissionGroup::fromJson(const QJsonObject &o)
{
    return {o[u"id"_s].toString(), o[u"name"_s].toString(), o[u"description"_s].toString(),
            toStringList(o[u"scopes"_s])};
}

QJsonObject User::toJson() const
{
    return {{u"id"_s, id},     {u"email"_s, email},       {u"display_name"_s, displayName},
            {u"role"_s, role}, {u"disabled"_s, disabled}, {u"created_at"_s, timeToJson(createdAt)}};
}

User User::fromJson(const QJsonObject &o)
{
    return {o[u"id"_s].toString(),   o[u"email"_s].toString(),  o[u"display_name"_s].toString(),
            o[u"role"_s].toString(), o[u"disabled"_s].toBool(), timeFromJson(o[u"created_at"_s])};
}

QJsonObject ApiKey::toJson() const
{
    QJsonObject o{{u"id"_s, id},
                  {u"name"_s, name},
                  {u"description"_s, description},
                  {u"permission_group_id"_s, permissionGroupId},
                  {u"status"_s, toString(status)},
                  {u"expires_at"_s, timeToJson(expiresAt)},
                  {u"created_at"_s, timeToJson(createdAt)},
                  {u"created_by"_s, createdBy},
                  {u"last_used_at"_s, timeToJson(lastUsedAt)},
                  {u"rotated_at"_s, timeToJson(rotatedAt)},
                  {u"previous_secret_valid_until"_s, timeToJson(previousSecretValidUntil)},
                  {u"version"_s, version}};
    if (!secret.isEmpty())
        o.insert(u"secret"_s, secret);
    return o;
}

ApiKey ApiKey::fromJson(const QJsonObject &o)
{
    ApiKey key;
    key.id = o[u"id"_s].toString();
    key.name = o[u"name"_s].toString();
    key.description = o[u"description"_s].toString();
    key.permissionGroupId = o[u"permission_group_id"_s].toString();
    key.status = entityStatusFromString(o[u"status"_s].toString()).value_or(EntityStatus::Disabled);
    key.expiresAt = timeFromJson(o[u"expires_at"_s]);
    key.createdAt = timeFromJson(o[u"created_at"_s]);
    key.createdBy = o[u"created_by"_s].toString();
    key.lastUsedAt = timeFromJson(o[u"last_used_at"_s]);
    key.rotatedAt = timeFromJson(o[u"rotated_at"_s]);
    key.previousSecretValidUntil = timeFromJson(o[u"previous_secret_valid_until"_s]);
    key.version = o[u"version"_s].toInt(1);
    key.secret = o[u"secret"_s].toString();
    return key;
}

QJsonObject Consumer::toJson() const
{
    QJsonObject o{{u"id"_s, id},
                  {u"client_id"_s, clientId},
                  {u"name"_s, name},
                  {u"description"_s, description},
                  {u"permission_group_id"_s, permissionGroupId},
                  {u"grant_type"_s, toString(grantType)},
                  {u"client_type"_s, toString(clientType)},
                  {u"redirect_uris"_s, toArray(redirectUris)},
                  {u"require_pkce"_s, requirePkce},
                  {u"access_token_ttl"_s, accessTokenTtl},
                  {u"refresh_token_ttl"_s, refreshTokenTtl},
                  {u"status"_s, toString(status)},
                  {u"created_at"_s, timeToJson(createdAt)},
                  {u"created_by"_s, createdBy},
                  {u"last_used_at"_s, timeToJson(lastUsedAt)},
                  {u"rotated_at"_s, timeToJson(rotatedAt)},
                  {u"previous_secret_valid_until"_s, timeToJson(previousSecretValidUntil)},
                  {u"version"_s, version}};
    if (!clientSecret.isEmpty())
        o.insert(u"client_secret"_s, clientSecret);
    return o;
}

Consumer Consumer::fromJson(const QJsonObject &o)
{
    Consumer c;
    c.id = o[u"id"_s].toString();
    c.clientId = o[u"client_id"_s].toString();
    c.name = o[u"name"_s].toString();
    c.description = o[u"description"_s].toString();
    c.permissionGroupId = o[u"permission_group_id"_s].toString();
    c.grantType =
        grantTypeFromString(o[u"grant_type"_s].toString()).value_or(GrantType::ClientCredentials);
    c.clientType =
        clientTypeFromString(o[u"client_type"_s].toString()).value_or(ClientType::Confidential);
    c.redirectUris = toStringList(o[u"redirect_uris"_s]);
    c.requirePkce = o[u"require_pkce"_s].toBool(true);
    c.accessTokenTtl = o[u"access_token_ttl"_s].toInt(7200);
    c.refreshTokenTtl = o[u"refresh_token_ttl"_s].toInt(c.refreshTokenTtl);
    c.status = entityStatusFromString(o[u"status"_s].toString()).value_or(EntityStatus::Disabled);
    c.createdAt = timeFromJson(o[u"created_at"_s]);
    c.createdBy = o[u"created_by"_s].toString();
    c.lastUsedAt = timeFromJson(o[u"last_used_at"_s]);
    c.rotatedAt = timeFromJson(o[u"rotated_at"_s]);
    c.previousSecretValidUntil = timeFromJson(o[u"previous_secret_valid_until"_s]);
    c.version = o[u"version"_s].toInt(1);
    c.clientSecret = o[u"client_secret"_s].toString();
    return c;
}

QJsonObject Authorization::toJson() const
{
    return {{u"id"_s, id},
            {u"user_id"_s, userId},
            {u"user_email"_s, userEmail},
            {u"consumer_id"_s, consumerId},
            {u"consumer_name"_s, consumerName},
            {u"scopes"_s, toArray(scopes)},
            {u"status"_s, isActive() ? u"active"_s : u"revoked"_s},
            {u"created_at"_s, timeToJson(createdAt)},
            {u"last_used_at"_s, timeToJson(lastUsedAt)},
            {u"revoked_at"_s, timeToJson(revokedAt)},
            {u"revoked_by"_s, revokedBy.isEmpty() ? QJsonValue() : QJsonValue(revokedBy)},
            {u"version"_s, version}};
}

namespace {

// toRfc3339() into a writer, without QDateTime::toString for the years it is always asked about.
void writeTime(JsonWriter &writer, const QDateTime &time)
{
    if (!time.isValid()) {
        writer.nullValue();
        return;
    }
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (date.year() < 1000 || date.year() > 9999) {
        writer.value(toRfc3339(time));
        return;
    }
    struct Field
    {
        int at;
        int value;
        int digits;
    };
    const Field fields[] = {{0, date.year(), 4},     {5, date.month(), 2},
                            {8, date.day(), 2},      {11, clock.hour(), 2},
                            {14, clock.minute(), 2}, {17, clock.second(), 2}};
    char16_t text[] = u"0000-00-00T00:00:00Z";
    for (const Field &field : fields) {
        int value = field.value;
        for (int i = field.digits - 1; i >= 0; --i, value /= 10)
            text[field.at + i] = char16_t(u'0' + value % 10);
    }
    writer.value(QStringView(text, 20));
}

} // namespace

void Authorization::writeJson(JsonWriter &writer) const
{
    const auto time = [&writer](const QDateTime &value) { writeTime(writer, value); };
    // toJson()'s members in key order, as the QJsonObject holds them.
    writer.beginObject()
        .key("consumer_id")
        .value(consumerId)
        .key("consumer_name")
        .value(consumerName);
    writer.key("created_at");
    time(createdAt);
    writer.key("id").value(id).key("last_used_at");
    time(lastUsedAt);
    writer.key("revoked_at");
    time(revokedAt);
    writer.key("revoked_by");
    if (revokedBy.isEmpty())
        writer.nullValue();
    else
        writer.value(revokedBy);
    writer.key("scopes")
        .value(scopes)
        .key("status")
        .value(isActive() ? "active"_L1 : "revoked"_L1)
        .key("user_email")
        .value(userEmail)
        .key("user_id")
        .value(userId)
        .key("version")
        .value(version)
        .endObject();
}

Authorization Authorization::fromJson(const QJsonObject &o)
{
    Authorization a;
    a.id = o[u"id"_s].toString();
    a.userId = o[u"user_id"_s].toString();
    a.userEmail = o[u"user_email"_s].toString();
    a.consumerId = o[u"consumer_id"_s].toString();
    a.consumerName = o[u"consumer_name"_s].toString();
    a.scopes = toStringList(o[u"scopes"_s]);
    a.createdAt = timeFromJson(o[u"created_at"_s]);
    a.lastUsedAt = timeFromJson(o[u"last_used_at"_s]);
    a.revokedAt = timeFromJson(o[u"revoked_at"_s]);
    a.revokedBy = o[u"revoked_by"_s].toString();
    a.version = o[u"version"_s].toInt(1);
    return a;
}

QJsonObject AuditEvent::toJson() const
{
    return {
        {u"id"_s, id},           {u"at"_s, timeToJson(at)},           {u"actor"_s, actor},
        {u"action"_s, action},   {u"target_type"_s, targetType},      {u"target_id"_s, targetId},
        {u"details"_s, details}, {u"remote_address"_s, remoteAddress}};
}

AuditEvent AuditEvent::fromJson(const QJsonObject &o)
{
    AuditEvent e;
    e.id = o[u"id"_s].toInteger();
    e.at = timeFromJson(o[u"at"_s]);
    e.actor = o[u"actor"_s].toString();
    e.action = o[u"action"_s].toString();
    e.targetType = o[u"target_type"_s].toString();
    e.targetId = o[u"target_id"_s].toString();
    e.details = o[u"details"_s].toObject();
    e.remoteAddress = o[u"remote_address"_s].toString();
    return e;
}

} // namespace Latchkey
