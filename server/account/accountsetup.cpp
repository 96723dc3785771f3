#include "accountsetup.h"

#include "security/passwordhasher.h"
#include "servercontext.h"

#include <protocol/random.h>

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Latchkey::Server::AccountSetup {

namespace {

QString groupId(ServerContext &context, const QString &tenantId, const QString &name)
{
    return context.accounts.permissionGroupByName(tenantId, name)->id;
}

ConsumerRecord newConsumer(ServerContext &context, const QString &tenantId, const QString &name,
                           const QString &description, const QString &group, GrantType grant,
                           ClientType type, const QStringList &redirects, QString *secret)
{
    ConsumerRecord record;
    Consumer &c = record.consumer;
    c.id = Random::id(u"con_");
    c.clientId = Random::id(u"ck_");
    if (name == u"latchkey-desktop")
        c.clientId = context.consumers.findByClientId(name) ? name + u'-' + tenantId : name;
    c.name = name;
    c.description = description;
    c.permissionGroupId = groupId(context, tenantId, group);
    c.grantType = grant;
    c.clientType = type;
    c.redirectUris = redirects;
    c.createdAt = context.now();
    c.createdBy = u"system:bootstrap"_s;
    record.tenantId = tenantId;
    if (type == ClientType::Confidential) {
        *secret = Random::secret();
        record.secretDigest = context.masterKey().digest(*secret);
    }
    context.consumers.insert(record);
    return record;
}

void auditSystem(ServerContext &context, const QString &tenantId, const QString &action,
                 const QString &type, const QString &id)
{
    AuditEvent event;
    event.at = context.now();
    event.actor = u"system:bootstrap"_s;
    event.action = action;
    event.targetType = type;
    event.targetId = id;
    context.audit.append(tenantId, event);
}

} // namespace

std::optional<QString> emailProblem(const QString &email)
{
    static const QRegularExpression pattern(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s);
    if (!pattern.match(email).hasMatch())
        return u"%1 is not an email address."_s.arg(email);
    return std::nullopt;
}

std::optional<QString> addUser(ServerContext &context, const NewUser &user, QString *userId)
{
    if (auto problem = emailProblem(user.email))
        return problem;
    if (user.role != u"member" && user.role != u"super_admin")
        return u"The role must be member or super_admin."_s;
    if (user.password.size() < 12)
        return u"The password must have at least 12 characters."_s;
    if (!context.accounts.tenant(user.tenantId))
        return u"There is no tenant %1."_s.arg(user.tenantId);
    if (context.accounts.userByEmail(user.tenantId, user.email))
        return u"%1 is already a user of this tenant."_s.arg(user.email);
    UserRecord record;
    record.user.id = Random::id(u"usr_");
    record.tenantId = user.tenantId;
    record.user.email = user.email.toLower();
    record.user.displayName =
        user.displayName.isEmpty() ? user.email.section(u'@', 0, 0) : user.displayName;
    record.user.role = user.role;
    record.user.createdAt = context.now();
    record.passwordHash = PasswordHasher::hash(user.password);
    Database::Transaction transaction(context.database());
    context.accounts.insertUser(record);
    auditSystem(context, user.tenantId, u"user.create"_s, u"user"_s, record.user.id);
    transaction.commit();
    if (userId)
        *userId = record.user.id;
    return std::nullopt;
}

QJsonObject bootstrap(ServerContext &context, const BootstrapOptions &options)
{
    Database::Transaction transaction(context.database());
    const Tenant tenant = context.accounts.createTenant(options.tenantName, context.now());
    context.accounts.seedPermissionGroups(tenant.id);

    const QString password = Random::secret(128);
    QString adminId;
    if (auto problem = addUser(
            context, {tenant.id, options.adminEmail, u"Super admin"_s, u"super_admin"_s, password},
            &adminId))
        qFatal("bootstrap: %s", qPrintable(*problem));

    QString automationSecret;
    const ConsumerRecord automation =
        newConsumer(context, tenant.id, u"Automation"_s,
                    u"Scripts and latchkeyctl; created by bootstrap."_s, u"Administration"_s,
                    GrantType::ClientCredentials, ClientType::Confidential, {}, &automationSecret);
    auditSystem(context, tenant.id, u"consumer.create"_s, u"consumer"_s, automation.consumer.id);

    // The desktop app signs super admins in as this public client (PKCE, loopback redirect,
    // RFC 8252). The first tenant of a server gets the well-known id; later ones a unique one.
    QString noSecret;
    ConsumerRecord desktop =
        newConsumer(context, tenant.id, u"latchkey-desktop"_s,
                    u"The Latchkey desktop app; super admins sign in with it."_s,
                    u"Administration"_s, GrantType::AuthorizationCode, ClientType::Public,
                    {u"http://127.0.0.1/callback"_s}, &noSecret);
    auditSystem(context, tenant.id, u"consumer.create"_s, u"consumer"_s, desktop.consumer.id);

    QJsonObject result{{u"tenant"_s, QJsonObject{{u"id"_s, tenant.id}, {u"name"_s, tenant.name}}},
                       {u"admin"_s, QJsonObject{{u"email"_s, options.adminEmail.toLower()},
                                                {u"password"_s, password}}},
                       {u"automation"_s, QJsonObject{{u"client_id"_s, automation.consumer.clientId},
                                                     {u"client_secret"_s, automationSecret}}},
                       {u"desktop"_s, QJsonObject{{u"client_id"_s, desktop.consumer.clientId}}}};
    if (options.sandbox)
        result.insert(u"sandbox_users"_s, seedSandbox(context, tenant.id));
    transaction.commit();
    return result;
}

QJsonArray seedSandbox(ServerContext &context, const QString &tenantId)
{
    Database::Transaction transaction(context.database());
    const QDateTime now = context.now();

    struct DemoUser
    {
        QString email;
        QString name;
    };
    const QList<DemoUser> demoUsers = {{u"ana.souza@example.com"_s, u"Ana Souza"_s},
                                       {u"joao.silva@example.com"_s, u"João Silva"_s},
                                       {u"lucia.gomez@example.com"_s, u"Lucía Gómez"_s},
                                       {u"wei.chen@example.com"_s, u"Wei Chen"_s}};
    QJsonArray credentials;
    QStringList userIds;
    for (const DemoUser &demo : demoUsers) {
        const QString password = Random::secret(96);
        QString id;
        if (auto problem =
                addUser(context, {tenantId, demo.email, demo.name, u"member"_s, password}, &id))
            qFatal("sandbox: %s", qPrintable(*problem));
        userIds.append(id);
        credentials.append(QJsonObject{{u"email"_s, demo.email}, {u"password"_s, password}});
    }

    struct DemoKey
    {
        QString name;
        QString description;
        QString group;
        EntityStatus status;
        int expiresInDays;
    };
    const QList<DemoKey> demoKeys = {
        {u"ERP Sync"_s, u"Nightly sync of assets with the ERP."_s, u"Maintenance"_s,
         EntityStatus::Active, 0},
        {u"Data Warehouse"_s, u"Read-only export to the warehouse."_s, u"Read only"_s,
         EntityStatus::Active, 365},
        {u"Legacy importer"_s, u"Replaced by ERP Sync; kept disabled for audit."_s,
         u"Maintenance"_s, EntityStatus::Disabled, 0},
    };
    int offset = 0;
    for (const DemoKey &demo : demoKeys) {
        KeyRecord record;
        record.key.id = Random::id(u"lk_");
        record.key.name = demo.name;
        record.key.description = demo.description;
        record.key.permissionGroupId = groupId(context, tenantId, demo.group);
        record.key.status = demo.status;
        if (demo.expiresInDays > 0)
            record.key.expiresAt = now.addDays(demo.expiresInDays);
        record.key.createdAt = now.addSecs(-3600 * (++offset));
        record.key.createdBy = u"system:sandbox"_s;
        record.tenantId = tenantId;
        record.sealedSecret = context.masterKey().seal(Random::secret(), record.key.id);
        context.keys.insert(record);
    }

    QString unused;
    const QList<ConsumerRecord> consumers = {
        newConsumer(context, tenantId, u"ERP Sync"_s, u"Server-to-server sync."_s, u"Maintenance"_s,
                    GrantType::ClientCredentials, ClientType::Confidential, {}, &unused),
        newConsumer(
            context, tenantId, u"Mobile Inspector"_s, u"Field inspections app for phones."_s,
            u"Maintenance"_s, GrantType::AuthorizationCode, ClientType::Public,
            {u"com.example.inspector:/oauth/callback"_s, u"http://127.0.0.1/callback"_s}, &unused),
        newConsumer(context, tenantId, u"Partner Portal"_s,
                    u"Suppliers see the work orders assigned to them."_s, u"Read only"_s,
                    GrantType::AuthorizationCode, ClientType::Confidential,
                    {u"https://partners.example.com/oauth/callback"_s}, &unused),
    };

    int n = 0;
    for (const ConsumerRecord &consumer : consumers) {
        if (consumer.consumer.grantType != GrantType::AuthorizationCode)
            continue;
        for (const QString &userId : std::as_const(userIds)) {
            Authorization authorization;
            authorization.id = Random::id(u"az_");
            authorization.userId = userId;
            authorization.consumerId = consumer.consumer.id;
            authorization.scopes = {u"assets:read"_s, u"work_orders:read"_s};
            authorization.createdAt = now.addSecs(-86400 * (++n));
            if (n % 4 == 0) {
                authorization.revokedAt = now.addSecs(-3600 * n);
                authorization.revokedBy = u"user:"_s + demoUsers.at(0).email;
            }
            context.authorizations.insert(tenantId, authorization);
        }
    }
    transaction.commit();
    return credentials;
}

} // namespace Latchkey::Server::AccountSetup
