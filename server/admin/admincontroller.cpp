#include "admincontroller.h"

#include "http/requestsupport.h"
#include "http/router.h"
#include "oauth/redirecturi.h"
#include "security/authenticator.h"
#include "servercontext.h"

#include <protocol/jsonwriter.h>
#include <protocol/random.h>

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

namespace {

constexpr int maxNameLength = 200;
constexpr int maxDescriptionLength = 2000;

using FieldErrors = QList<Problem::FieldError>;

// Reads the string field `name` of `body` into `out` when present.
bool readString(const QJsonObject &body, const QString &name, QString &out, FieldErrors &errors)
{
    const auto it = body.constFind(name);
    if (it == body.constEnd())
        return false;
    if (!it->isString() && !it->isNull()) {
        errors.append({name, u"Must be a string."_s});
        return false;
    }
    out = it->toString().trimmed();
    return true;
}

void checkName(const QString &name, FieldErrors &errors)
{
    if (name.isEmpty())
        errors.append({u"name"_s, u"A name is required."_s});
    else if (name.size() > maxNameLength)
        errors.append({u"name"_s, u"At most %1 characters."_s.arg(maxNameLength)});
}

void checkDescription(const QString &description, FieldErrors &errors)
{
    if (description.size() > maxDescriptionLength)
        errors.append({u"description"_s, u"At most %1 characters."_s.arg(maxDescriptionLength)});
}

void rejectUnknownFields(const QJsonObject &body, const QStringList &known, FieldErrors &errors)
{
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (!known.contains(it.key()))
            errors.append({it.key(), u"Unknown or read-only field."_s});
    }
}

std::optional<int> readBoundedInt(const QJsonObject &body, const QString &name, int min, int max,
                                  FieldErrors &errors)
{
    const auto it = body.constFind(name);
    if (it == body.constEnd())
        return std::nullopt;
    const double value = it->toDouble(-1);
    // The range first: casting a double beyond qint64 is undefined behaviour.
    if (!it->isDouble() || value < min || value > max || value != double(qint64(value))) {
        errors.append({name, u"Must be a whole number from %1 to %2."_s.arg(min).arg(max)});
        return std::nullopt;
    }
    return int(value);
}

// The id a bulk revocation names in `field`; a number or an empty id is an error, not a 404.
QString readRequiredId(const QJsonObject &body, const QString &field, const QString &what,
                       FieldErrors &errors)
{
    QString id;
    readString(body, field, id, errors);
    if (id.isEmpty() && errors.isEmpty())
        errors.append({field, u"A %1 id is required."_s.arg(what)});
    return id;
}

void readStatus(const QJsonObject &body, EntityStatus &status, FieldErrors &errors,
                QJsonObject &changed)
{
    QString text;
    if (!readString(body, u"status"_s, text, errors))
        return;
    if (auto parsed = entityStatusFromString(text)) {
        status = *parsed;
        changed.insert(u"status"_s, text);
    } else {
        errors.append({u"status"_s, u"Use active or disabled."_s});
    }
}

QJsonObject pageJson(const QJsonArray &items, const QString &nextCursor)
{
    return {{u"items"_s, items},
            {u"next_cursor"_s, nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor)}};
}

HttpResponse entityResponse(int status, const QJsonObject &object, int version)
{
    HttpResponse response = HttpResponse::json(status, object);
    response.setHeader("ETag", etag(version));
    return response;
}

std::optional<EntityStatus> readStatusFilter(const HttpRequest &request, FieldErrors &errors)
{
    const QString status = request.queryValue(u"status"_s);
    if (status.isEmpty())
        return std::nullopt;
    const auto parsed = entityStatusFromString(status);
    if (!parsed)
        errors.append({u"status"_s, u"Use active or disabled."_s});
    return parsed;
}

// grace_seconds of a rotate request.
std::variant<int, HttpResponse> graceSeconds(const HttpRequest &request)
{
    auto body = jsonObjectBody(request);
    if (auto *error = std::get_if<HttpResponse>(&body))
        return *error;
    const QJsonObject object = std::get<QJsonObject>(body);
    FieldErrors errors;
    rejectUnknownFields(object, {u"grace_seconds"_s}, errors);
    const int grace =
        readBoundedInt(object, u"grace_seconds"_s, 0, AdminController::maxGraceSeconds, errors)
            .value_or(0);
    if (!errors.isEmpty())
        return validationProblem(errors);
    return grace;
}

} // namespace

AdminController::AdminController(ServerContext &context, Authenticator &authenticator)
    : m_context(context)
    , m_authenticator(authenticator)
{
}

void AdminController::route(Router &router, QByteArrayView method, const QString &path,
                            AdminHandler handler)
{
    router.add(method, path, [this, handler](HttpRequest &request) {
        AuthResult auth = m_authenticator.authenticateBearer(request);
        if (!auth.principal)
            return auth.error;
        if (!auth.principal->hasScope(u"admin"_s)) {
            return HttpResponse::problem(
                403, u"Forbidden"_s,
                u"This token lacks the admin scope. Use a token of a super admin, or of a "
                "consumer in a permission group that carries admin."_s);
        }
        return (this->*handler)(request, *auth.principal);
    });
}

void AdminController::registerRoutes(Router &router)
{
    const QString base = u"/api/admin/v1"_s;
    route(router, "GET", base + u"/keys", &AdminController::listKeys);
    route(router, "POST", base + u"/keys", &AdminController::createKey);
    route(router, "GET", base + u"/keys/{id}", &AdminController::getKey);
    route(router, "PATCH", base + u"/keys/{id}", &AdminController::updateKey);
    route(router, "DELETE", base + u"/keys/{id}", &AdminController::deleteKey);
    route(router, "POST", base + u"/keys/{id}/rotate", &AdminController::rotateKey);

    route(router, "GET", base + u"/consumers", &AdminController::listConsumers);
    route(router, "POST", base + u"/consumers", &AdminController::createConsumer);
    route(router, "GET", base + u"/consumers/{id}", &AdminController::getConsumer);
    route(router, "PATCH", base + u"/consumers/{id}", &AdminController::updateConsumer);
    route(router, "DELETE", base + u"/consumers/{id}", &AdminController::deleteConsumer);
    route(router, "POST", base + u"/consumers/{id}/rotate-secret",
          &AdminController::rotateConsumerSecret);

    route(router, "GET", base + u"/authorizations", &AdminController::listAuthorizations);
    route(router, "POST", base + u"/authorizations/revoke", &AdminController::revokeAuthorizations);
    route(router, "GET", base + u"/authorizations/{id}", &AdminController::getAuthorization);
    route(router, "DELETE", base + u"/authorizations/{id}", &AdminController::revokeAuthorization);

    route(router, "GET", base + u"/permission-groups", &AdminController::listPermissionGroups);
    route(router, "GET", base + u"/users", &AdminController::listUsers);
    route(router, "GET", base + u"/audit", &AdminController::listAudit);
}

std::optional<QString> AdminController::resolveGroup(const QString &tenantId,
                                                     const QString &idOrName)
{
    if (auto group = m_context.accounts.permissionGroup(tenantId, idOrName))
        return group->id;
    if (auto group = m_context.accounts.permissionGroupByName(tenantId, idOrName))
        return group->id;
    return std::nullopt;
}

bool AdminController::readGroup(const QJsonObject &body, const QString &tenantId, bool required,
                                QString &groupId, QList<Problem::FieldError> &errors,
                                QJsonObject &changed)
{
    QString given;
    const bool present = readString(body, u"permission_group_id"_s, given, errors);
    if (!present && !required)
        return false;
    if (given.isEmpty()) {
        errors.append({u"permission_group_id"_s, u"A permission group is required."_s});
    } else if (auto id = resolveGroup(tenantId, given)) {
        groupId = *id;
        changed.insert(u"permission_group_id"_s, *id);
    } else {
        errors.append({u"permission_group_id"_s,
                       u"No permission group %1 in this account; list them with GET "
                       "/api/admin/v1/permission-groups."_s.arg(given)});
    }
    return present;
}

void AdminController::recordAudit(const Principal &admin, const HttpRequest &request,
                                  const QString &action, const QString &targetType,
                                  const QString &targetId, const QJsonObject &details)
{
    AuditEvent event;
    event.at = m_context.now();
    event.actor = admin.actor();
    event.action = action;
    event.targetType = targetType;
    event.targetId = targetId;
    event.details = details;
    event.remoteAddress = request.remoteAddress.toString();
    m_context.audit.append(admin.tenantId, event);
}

// --- API keys

HttpResponse AdminController::listKeys(HttpRequest &request, const Principal &admin)
{
    auto page = pageRequest(request);
    if (auto *error = std::get_if<HttpResponse>(&page))
        return *error;
    FieldErrors errors;
    KeyFilter filter{request.queryValue(u"q"_s), readStatusFilter(request, errors)};
    if (!errors.isEmpty())
        return validationProblem(errors);
    const Page<ApiKey> result =
        m_context.keys.list(admin.tenantId, filter, std::get<PageRequest>(page));
    QJsonArray items;
    for (const ApiKey &key : result.items)
        items.append(key.toJson());
    return HttpResponse::json(200, pageJson(items, result.nextCursor));
}

HttpResponse AdminController::createKey(HttpRequest &request, const Principal &admin)
{
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    const QDateTime now = m_context.now();

    FieldErrors errors;
    rejectUnknownFields(
        body, {u"name"_s, u"description"_s, u"permission_group_id"_s, u"expires_at"_s}, errors);
    KeyRecord record;
    ApiKey &key = record.key;
    readString(body, u"name"_s, key.name, errors);
    checkName(key.name, errors);
    readString(body, u"description"_s, key.description, errors);
    checkDescription(key.description, errors);
    QJsonObject changed;
    readGroup(body, admin.tenantId, true, key.permissionGroupId, errors, changed);
    QString expires;
    if (readString(body, u"expires_at"_s, expires, errors) && !expires.isEmpty()) {
        key.expiresAt = fromRfc3339(expires);
        if (!key.expiresAt.isValid())
            errors.append(
                {u"expires_at"_s, u"Use an RFC 3339 time such as 2027-01-31T00:00:00Z."_s});
        else if (key.expiresAt <= now)
            errors.append({u"expires_at"_s, u"Must be in the future."_s});
    }
    if (!errors.isEmpty())
        return validationProblem(errors);

    key.id = Random::id(u"lk_");
    key.status = EntityStatus::Active;
    key.createdAt = now;
    key.createdBy = admin.actor();
    const QString secret = Random::secret();
    record.tenantId = admin.tenantId;
    record.sealedSecret = m_context.masterKey().seal(secret, key.id);

    Database::Transaction transaction(m_context.database());
    m_context.keys.insert(record);
    recordAudit(admin, request, u"key.create"_s, u"api_key"_s, key.id, {{u"name"_s, key.name}});
    transaction.commit();

    key.secret = secret;
    HttpResponse response = entityResponse(201, key.toJson(), key.version);
    response.setHeader("Location", "/api/admin/v1/keys/" + key.id.toUtf8());
    return noStore(response);
}

HttpResponse AdminController::getKey(HttpRequest &request, const Principal &admin)
{
    const QString id = request.pathParameters.value(u"id"_s);
    const auto record = m_context.keys.find(admin.tenantId, id);
    if (!record)
        return notFound(u"API key"_s, id);
    return entityResponse(200, record->key.toJson(), record->key.version);
}

HttpResponse AdminController::updateKey(HttpRequest &request, const Principal &admin)
{
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    const QString id = request.pathParameters.value(u"id"_s);

    Database::Transaction transaction(m_context.database());
    auto record = m_context.keys.find(admin.tenantId, id);
    if (!record)
        return notFound(u"API key"_s, id);
    if (auto failed = checkIfMatch(request, record->key.version))
        return *failed;

    FieldErrors errors;
    rejectUnknownFields(
        body, {u"name"_s, u"description"_s, u"permission_group_id"_s, u"status"_s, u"expires_at"_s},
        errors);
    ApiKey &key = record->key;
    QJsonObject changed;
    if (readString(body, u"name"_s, key.name, errors)) {
        checkName(key.name, errors);
        changed.insert(u"name"_s, key.name);
    }
    if (readString(body, u"description"_s, key.description, errors)) {
        checkDescription(key.description, errors);
        changed.insert(u"description"_s, key.description);
    }
    readGroup(body, admin.tenantId, false, key.permissionGroupId, errors, changed);
    readStatus(body, key.status, errors, changed);
    QString text;
    if (body.contains(u"expires_at"_s)) {
        if (body.value(u"expires_at"_s).isNull()) {
            key.expiresAt = {};
            changed.insert(u"expires_at"_s, QJsonValue());
        } else if (readString(body, u"expires_at"_s, text, errors)) {
            key.expiresAt = fromRfc3339(text);
            if (!key.expiresAt.isValid())
                errors.append({u"expires_at"_s,
                               u"Use an RFC 3339 time such as 2027-01-31T00:00:00Z, or null."_s});
            changed.insert(u"expires_at"_s, text);
        }
    }
    if (!errors.isEmpty())
        return validationProblem(errors);
    if (!m_context.keys.update(*record))
        return *checkIfMatch(request, record->key.version + 1);

    const QString action =
        changed.size() == 1 && changed.contains(u"status"_s)
            ? (key.status == EntityStatus::Active ? u"key.enable"_s : u"key.disable"_s)
            : u"key.update"_s;
    recordAudit(admin, request, action, u"api_key"_s, key.id, changed);
    transaction.commit();
    return entityResponse(200, key.toJson(), key.version);
}

HttpResponse AdminController::rotateKey(HttpRequest &request, const Principal &admin)
{
    auto grace = graceSeconds(request);
    if (auto *error = std::get_if<HttpResponse>(&grace))
        return *error;
    const QString id = request.pathParameters.value(u"id"_s);
    const QDateTime now = m_context.now();

    Database::Transaction transaction(m_context.database());
    auto record = m_context.keys.find(admin.tenantId, id);
    if (!record)
        return notFound(u"API key"_s, id);
    if (auto failed = checkIfMatch(request, record->key.version))
        return *failed;

    const int graceSeconds = std::get<int>(grace);
    const QString secret = Random::secret();
    record->previousSealedSecret = graceSeconds > 0 ? record->sealedSecret : QString();
    record->key.previousSecretValidUntil =
        graceSeconds > 0 ? now.addSecs(graceSeconds) : QDateTime();
    record->sealedSecret = m_context.masterKey().seal(secret, record->key.id);
    record->key.rotatedAt = now;
    if (!m_context.keys.update(*record))
        return *checkIfMatch(request, record->key.version + 1);
    recordAudit(admin, request, u"key.rotate"_s, u"api_key"_s, record->key.id,
                {{u"grace_seconds"_s, graceSeconds}});
    transaction.commit();

    record->key.secret = secret;
    HttpResponse response = entityResponse(200, record->key.toJson(), record->key.version);
    return noStore(response);
}

HttpResponse AdminController::deleteKey(HttpRequest &request, const Principal &admin)
{
    const QString id = request.pathParameters.value(u"id"_s);
    Database::Transaction transaction(m_context.database());
    const auto record = m_context.keys.find(admin.tenantId, id);
    if (!record)
        return notFound(u"API key"_s, id);
    if (auto failed = checkIfMatch(request, record->key.version))
        return *failed;
    m_context.keys.remove(admin.tenantId, id);
    recordAudit(admin, request, u"key.delete"_s, u"api_key"_s, id, {{u"name"_s, record->key.name}});
    transaction.commit();
    return HttpResponse::noContent();
}

// --- OAuth consumers

HttpResponse AdminController::listConsumers(HttpRequest &request, const Principal &admin)
{
    auto page = pageRequest(request);
    if (auto *error = std::get_if<HttpResponse>(&page))
        return *error;
    FieldErrors errors;
    ConsumerFilter filter{request.queryValue(u"q"_s), readStatusFilter(request, errors), {}};
    const QString grant = request.queryValue(u"grant_type"_s);
    if (!grant.isEmpty()) {
        filter.grantType = grantTypeFromString(grant);
        if (!filter.grantType)
            errors.append({u"grant_type"_s, u"Use client_credentials or authorization_code."_s});
    }
    if (!errors.isEmpty())
        return validationProblem(errors);
    const Page<Consumer> result =
        m_context.consumers.list(admin.tenantId, filter, std::get<PageRequest>(page));
    QJsonArray items;
    for (const Consumer &consumer : result.items)
        items.append(consumer.toJson());
    return HttpResponse::json(200, pageJson(items, result.nextCursor));
}

namespace {

// The fields create and update share; `creating` makes the required ones required.
void readConsumerFields(const QJsonObject &body, Consumer &c, bool creating, FieldErrors &errors,
                        QJsonObject &changed)
{
    if (readString(body, u"name"_s, c.name, errors) || creating) {
        checkName(c.name, errors);
        changed.insert(u"name"_s, c.name);
    }
    if (readString(body, u"description"_s, c.description, errors)) {
        checkDescription(c.description, errors);
        changed.insert(u"description"_s, c.description);
    }
    if (body.contains(u"redirect_uris"_s)) {
        const QJsonValue value = body.value(u"redirect_uris"_s);
        c.redirectUris.clear();
        if (!value.isArray()) {
            errors.append({u"redirect_uris"_s, u"Must be a list of URIs."_s});
        } else {
            const QJsonArray uris = value.toArray();
            for (qsizetype i = 0; i < uris.size(); ++i) {
                const QString uri = uris.at(i).toString();
                if (auto problem = RedirectUri::registrationProblem(uri))
                    errors.append({u"redirect_uris[%1]"_s.arg(i), uri + u" "_s + *problem});
                else if (!c.redirectUris.contains(uri))
                    c.redirectUris.append(uri);
            }
        }
        changed.insert(u"redirect_uris"_s, QJsonArray::fromStringList(c.redirectUris));
    }
    if (body.contains(u"require_pkce"_s)) {
        if (!body.value(u"require_pkce"_s).isBool())
            errors.append({u"require_pkce"_s, u"Must be true or false."_s});
        c.requirePkce = body.value(u"require_pkce"_s).toBool(true);
        changed.insert(u"require_pkce"_s, c.requirePkce);
        if (c.clientType == ClientType::Public && !c.requirePkce)
            errors.append(
                {u"require_pkce"_s, u"A public client must use PKCE (RFC 9700 §2.1.1)."_s});
    }
    if (auto ttl = readBoundedInt(body, u"access_token_ttl"_s, 60, 24 * 3600, errors)) {
        c.accessTokenTtl = *ttl;
        changed.insert(u"access_token_ttl"_s, *ttl);
    }
    if (auto ttl = readBoundedInt(body, u"refresh_token_ttl"_s, 3600, 365 * 24 * 3600, errors)) {
        c.refreshTokenTtl = *ttl;
        changed.insert(u"refresh_token_ttl"_s, *ttl);
    }
    const bool urisInvalid = std::any_of(errors.cbegin(), errors.cend(), [](const auto &error) {
        return error.field.startsWith(u"redirect_uris"_s);
    });
    if (c.grantType == GrantType::AuthorizationCode && c.redirectUris.isEmpty() && !urisInvalid)
        errors.append(
            {u"redirect_uris"_s, u"Authorization code needs at least one redirect URI."_s});
    if (c.grantType == GrantType::ClientCredentials && !c.redirectUris.isEmpty())
        errors.append({u"redirect_uris"_s,
                       u"Client credentials has no redirect; leave redirect_uris empty."_s});
}

} // namespace

HttpResponse AdminController::createConsumer(HttpRequest &request, const Principal &admin)
{
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    const QDateTime now = m_context.now();

    FieldErrors errors;
    rejectUnknownFields(body,
                        {u"name"_s, u"description"_s, u"permission_group_id"_s, u"grant_type"_s,
                         u"client_type"_s, u"redirect_uris"_s, u"require_pkce"_s,
                         u"access_token_ttl"_s, u"refresh_token_ttl"_s},
                        errors);
    ConsumerRecord record;
    Consumer &c = record.consumer;
    QString text;
    readString(body, u"grant_type"_s, text, errors);
    if (text.isEmpty()) {
        errors.append({u"grant_type"_s, u"Choose client_credentials or authorization_code."_s});
    } else if (auto grant = grantTypeFromString(text)) {
        c.grantType = *grant;
    } else {
        errors.append({u"grant_type"_s, u"Unknown grant type %1; use client_credentials or "
                                        "authorization_code."_s.arg(text)});
    }
    text.clear();
    if (readString(body, u"client_type"_s, text, errors)) {
        if (auto type = clientTypeFromString(text))
            c.clientType = *type;
        else
            errors.append({u"client_type"_s, u"Use confidential or public."_s});
    }
    if (c.clientType == ClientType::Public && c.grantType == GrantType::ClientCredentials)
        errors.append({u"client_type"_s, u"A public client has no secret, so it cannot use "
                                         "client credentials; use authorization_code."_s});
    QJsonObject changed;
    readGroup(body, admin.tenantId, true, c.permissionGroupId, errors, changed);
    readConsumerFields(body, c, true, errors, changed);
    if (!errors.isEmpty())
        return validationProblem(errors);

    c.id = Random::id(u"con_");
    c.clientId = Random::id(u"ck_");
    c.status = EntityStatus::Active;
    c.createdAt = now;
    c.createdBy = admin.actor();
    record.tenantId = admin.tenantId;
    QString secret;
    if (c.clientType == ClientType::Confidential) {
        secret = Random::secret();
        record.secretDigest = m_context.masterKey().digest(secret);
    }

    Database::Transaction transaction(m_context.database());
    m_context.consumers.insert(record);
    recordAudit(admin, request, u"consumer.create"_s, u"consumer"_s, c.id,
                {{u"name"_s, c.name}, {u"grant_type"_s, toString(c.grantType)}});
    transaction.commit();

    c.clientSecret = secret;
    HttpResponse response = entityResponse(201, c.toJson(), c.version);
    response.setHeader("Location", "/api/admin/v1/consumers/" + c.id.toUtf8());
    return noStore(response);
}

HttpResponse AdminController::getConsumer(HttpRequest &request, const Principal &admin)
{
    const QString id = request.pathParameters.value(u"id"_s);
    const auto record = m_context.consumers.find(admin.tenantId, id);
    if (!record)
        return notFound(u"consumer"_s, id);
    return entityResponse(200, record->consumer.toJson(), record->consumer.version);
}

HttpResponse AdminController::updateConsumer(HttpRequest &request, const Principal &admin)
{
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    const QString id = request.pathParameters.value(u"id"_s);

    Database::Transaction transaction(m_context.database());
    auto record = m_context.consumers.find(admin.tenantId, id);
    if (!record)
        return notFound(u"consumer"_s, id);
    if (auto failed = checkIfMatch(request, record->consumer.version))
        return *failed;

    FieldErrors errors;
    rejectUnknownFields(body,
                        {u"name"_s, u"description"_s, u"permission_group_id"_s, u"status"_s,
                         u"redirect_uris"_s, u"require_pkce"_s, u"access_token_ttl"_s,
                         u"refresh_token_ttl"_s},
                        errors);
    Consumer &c = record->consumer;
    QJsonObject changed;
    readConsumerFields(body, c, false, errors, changed);
    readGroup(body, admin.tenantId, false, c.permissionGroupId, errors, changed);
    readStatus(body, c.status, errors, changed);
    if (!errors.isEmpty())
        return validationProblem(errors);
    if (!m_context.consumers.update(*record))
        return *checkIfMatch(request, record->consumer.version + 1);

    const QString action =
        changed.size() == 1 && changed.contains(u"status"_s)
            ? (c.status == EntityStatus::Active ? u"consumer.enable"_s : u"consumer.disable"_s)
            : u"consumer.update"_s;
    recordAudit(admin, request, action, u"consumer"_s, c.id, changed);
    transaction.commit();
    return entityResponse(200, c.toJson(), c.version);
}

HttpResponse AdminController::rotateConsumerSecret(HttpRequest &request, const Principal &admin)
{
    auto grace = graceSeconds(request);
    if (auto *error = std::get_if<HttpResponse>(&grace))
        return *error;
    const QString id = request.pathParameters.value(u"id"_s);
    const QDateTime now = m_context.now();

    Database::Transaction transaction(m_context.database());
    auto record = m_context.consumers.find(admin.tenantId, id);
    if (!record)
        return notFound(u"consumer"_s, id);
    if (auto failed = checkIfMatch(request, record->consumer.version))
        return *failed;
    if (record->consumer.clientType == ClientType::Public)
        return HttpResponse::problem(
            409, u"No secret to rotate"_s,
            u"%1 is a public client: it has no secret."_s.arg(record->consumer.name));

    const int graceSeconds = std::get<int>(grace);
    const QString secret = Random::secret();
    record->previousDigest = graceSeconds > 0 ? record->secretDigest : QString();
    record->consumer.previousSecretValidUntil =
        graceSeconds > 0 ? now.addSecs(graceSeconds) : QDateTime();
    record->secretDigest = m_context.masterKey().digest(secret);
    record->consumer.rotatedAt = now;
    if (!m_context.consumers.update(*record))
        return *checkIfMatch(request, record->consumer.version + 1);
    recordAudit(admin, request, u"consumer.rotate_secret"_s, u"consumer"_s, record->consumer.id,
                {{u"grace_seconds"_s, graceSeconds}});
    transaction.commit();

    record->consumer.clientSecret = secret;
    HttpResponse response =
        entityResponse(200, record->consumer.toJson(), record->consumer.version);
    return noStore(response);
}

HttpResponse AdminController::deleteConsumer(HttpRequest &request, const Principal &admin)
{
    const QString id = request.pathParameters.value(u"id"_s);
    Database::Transaction transaction(m_context.database());
    const auto record = m_context.consumers.find(admin.tenantId, id);
    if (!record)
        return notFound(u"consumer"_s, id);
    if (auto failed = checkIfMatch(request, record->consumer.version))
        return *failed;
    if (record->consumer.id == admin.consumerId && admin.kind == Principal::Kind::Consumer)
        return HttpResponse::problem(409, u"Cannot delete yourself"_s,
                                     u"This request is made with %1's own token; delete it with "
                                     "another admin credential."_s.arg(record->consumer.name));
    m_context.consumers.remove(admin.tenantId, id);
    recordAudit(admin, request, u"consumer.delete"_s, u"consumer"_s, id,
                {{u"name"_s, record->consumer.name}});
    transaction.commit();
    return HttpResponse::noContent();
}

// --- Authorizations

HttpResponse AdminController::listAuthorizations(HttpRequest &request, const Principal &admin)
{
    auto page = pageRequest(request);
    if (auto *error = std::get_if<HttpResponse>(&page))
        return *error;
    AuthorizationFilter filter;
    filter.userId = request.queryValue(u"user_id"_s);
    filter.consumerId = request.queryValue(u"consumer_id"_s);
    filter.query = request.queryValue(u"q"_s);
    const QString status = request.queryValue(u"status"_s);
    if (status == u"active")
        filter.active = true;
    else if (status == u"revoked")
        filter.active = false;
    else if (!status.isEmpty())
        return validationProblem({{u"status"_s, u"Use active or revoked."_s}});

    const Page<Authorization> result =
        m_context.authorizations.list(admin.tenantId, filter, std::get<PageRequest>(page));
    // pageJson's bytes, written straight: QJsonObjects for 1,000 rows cost more than the query.
    JsonWriter body;
    body.beginObject().key("items").beginArray();
    for (const Authorization &authorization : result.items)
        authorization.writeJson(body);
    body.endArray().key("next_cursor");
    if (result.nextCursor.isEmpty())
        body.nullValue();
    else
        body.value(result.nextCursor);
    if (request.queryValue(u"include_total"_s) == u"true")
        body.key("total").value(m_context.authorizations.count(admin.tenantId, filter));
    return HttpResponse::jsonBody(200, body.endObject().take());
}

HttpResponse AdminController::getAuthorization(HttpRequest &request, const Principal &admin)
{
    const QString id = request.pathParameters.value(u"id"_s);
    const auto authorization = m_context.authorizations.find(admin.tenantId, id);
    if (!authorization)
        return notFound(u"authorization"_s, id);
    return entityResponse(200, authorization->toJson(), authorization->version);
}

HttpResponse AdminController::revokeAuthorization(HttpRequest &request, const Principal &admin)
{
    const QString id = request.pathParameters.value(u"id"_s);
    Database::Transaction transaction(m_context.database());
    const auto authorization = m_context.authorizations.find(admin.tenantId, id);
    if (!authorization)
        return notFound(u"authorization"_s, id);
    if (auto failed = checkIfMatch(request, authorization->version))
        return *failed;
    if (authorization->isActive()) {
        m_context.authorizations.revoke(admin.tenantId, {id}, admin.actor(), m_context.now());
        recordAudit(
            admin, request, u"authorization.revoke"_s, u"authorization"_s, id,
            {{u"user_id"_s, authorization->userId}, {u"consumer_id"_s, authorization->consumerId}});
    }
    transaction.commit();
    const auto revoked = m_context.authorizations.find(admin.tenantId, id);
    return entityResponse(200, revoked->toJson(), revoked->version);
}

HttpResponse AdminController::revokeAuthorizations(HttpRequest &request, const Principal &admin)
{
    auto parsed = jsonObjectBody(request);
    if (auto *error = std::get_if<HttpResponse>(&parsed))
        return *error;
    const QJsonObject body = std::get<QJsonObject>(parsed);
    FieldErrors errors;
    rejectUnknownFields(body, {u"ids"_s, u"consumer_id"_s, u"user_id"_s}, errors);
    const int selectors = int(body.contains(u"ids"_s)) + int(body.contains(u"consumer_id"_s)) +
                          int(body.contains(u"user_id"_s));
    if (selectors != 1) {
        errors.append({u"ids"_s, u"Say exactly which to revoke: ids, consumer_id or user_id "
                                 "(one of them). Nothing is revoked by omission."_s});
        return validationProblem(errors);
    }
    if (!errors.isEmpty())
        return validationProblem(errors);

    const QDateTime now = m_context.now();
    QStringList revoked;
    QJsonObject details;
    Database::Transaction transaction(m_context.database());
    if (body.contains(u"ids"_s)) {
        const QJsonArray array = body.value(u"ids"_s).toArray();
        QStringList ids;
        for (const QJsonValue &value : array) {
            if (value.isString() && !value.toString().isEmpty())
                ids.append(value.toString());
        }
        if (ids.isEmpty() || !body.value(u"ids"_s).isArray() || ids.size() != array.size())
            return validationProblem(
                {{u"ids"_s, u"Must be a non-empty list of authorization ids."_s}});
        QStringList unknown;
        for (const QString &id : std::as_const(ids)) {
            if (!m_context.authorizations.find(admin.tenantId, id))
                unknown.append(id);
        }
        if (!unknown.isEmpty())
            return validationProblem(
                {{u"ids"_s,
                  u"Not in this account: %1. Nothing was revoked."_s.arg(unknown.join(u", "_s))}});
        revoked = m_context.authorizations.revoke(admin.tenantId, ids, admin.actor(), now);
        details.insert(u"ids"_s, QJsonArray::fromStringList(ids));
    } else if (body.contains(u"consumer_id"_s)) {
        const QString consumerId = readRequiredId(body, u"consumer_id"_s, u"consumer"_s, errors);
        if (!errors.isEmpty())
            return validationProblem(errors);
        if (!m_context.consumers.find(admin.tenantId, consumerId))
            return notFound(u"consumer"_s, consumerId);
        revoked = m_context.authorizations.revokeAllOfConsumer(admin.tenantId, consumerId,
                                                               admin.actor(), now);
        details.insert(u"consumer_id"_s, consumerId);
    } else {
        const QString userId = readRequiredId(body, u"user_id"_s, u"user"_s, errors);
        if (!errors.isEmpty())
            return validationProblem(errors);
        if (!m_context.accounts.user(admin.tenantId, userId))
            return notFound(u"user"_s, userId);
        revoked =
            m_context.authorizations.revokeAllOfUser(admin.tenantId, userId, admin.actor(), now);
        details.insert(u"user_id"_s, userId);
    }
    details.insert(u"revoked"_s, revoked.size());
    recordAudit(admin, request, u"authorization.revoke_bulk"_s, u"authorization"_s,
                revoked.size() == 1 ? revoked.first() : QString(), details);
    transaction.commit();
    return HttpResponse::json(200, {{u"revoked"_s, revoked.size()}});
}

// --- Read-only lists

HttpResponse AdminController::listPermissionGroups(HttpRequest &, const Principal &admin)
{
    QJsonArray items;
    for (const PermissionGroup &group : m_context.accounts.permissionGroups(admin.tenantId))
        items.append(group.toJson());
    return HttpResponse::json(200, pageJson(items, {}));
}

HttpResponse AdminController::listUsers(HttpRequest &, const Principal &admin)
{
    QJsonArray items;
    for (const User &user : m_context.accounts.users(admin.tenantId))
        items.append(user.toJson());
    return HttpResponse::json(200, pageJson(items, {}));
}

HttpResponse AdminController::listAudit(HttpRequest &request, const Principal &admin)
{
    FieldErrors errors;
    AuditFilter filter;
    const QString since = request.queryValue(u"since"_s);
    if (!since.isEmpty()) {
        filter.since = fromRfc3339(since);
        if (!filter.since.isValid())
            errors.append({u"since"_s, u"Use an RFC 3339 time such as 2026-11-01T00:00:00Z."_s});
    }
    filter.action = request.queryValue(u"action"_s);
    filter.actor = request.queryValue(u"actor"_s);
    filter.targetId = request.queryValue(u"target_id"_s);
    filter.query = request.queryValue(u"q"_s);
    int limit = 100;
    if (const QString text = request.queryValue(u"limit"_s); !text.isEmpty()) {
        bool ok = false;
        limit = text.toInt(&ok);
        if (!ok || limit < 1 || limit > 1000)
            errors.append({u"limit"_s, u"Must be a whole number from 1 to 1000."_s});
    }
    qint64 after = 0;
    if (const QString text = request.queryValue(u"cursor"_s); !text.isEmpty()) {
        bool ok = false;
        after = text.toLongLong(&ok);
        if (!ok || after <= 0)
            errors.append({u"cursor"_s, u"Not a cursor this server gave out."_s});
    }
    if (!errors.isEmpty())
        return validationProblem(errors);
    const Page<AuditEvent> result = m_context.audit.list(admin.tenantId, filter, limit, after);
    QJsonArray items;
    for (const AuditEvent &event : result.items)
        items.append(event.toJson());
    return HttpResponse::json(200, pageJson(items, result.nextCursor));
}

} // namespace Latchkey::Server
