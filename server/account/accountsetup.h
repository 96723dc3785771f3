#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Latchkey::Server {

class ServerContext;

// Creating accounts from the command line: bootstrap, user add, and the sandbox's demo data.
namespace AccountSetup {

struct BootstrapOptions
{
    QString tenantName = QStringLiteral("My account");
    QString adminEmail = QStringLiteral("admin@example.com");
    bool sandbox = false; // also seed demo users, keys, consumers and authorizations
};

// Creates a tenant with its permission groups, a super admin with a generated password and an
// automation consumer in Administration. Returns what DESIGN.md's bootstrap prints (the only
// time these secrets exist in clear).
QJsonObject bootstrap(ServerContext &context, const BootstrapOptions &options);

struct NewUser
{
    QString tenantId;
    QString email;
    QString displayName;
    QString role = QStringLiteral("member");
    QString password;
};
// Adds a user; returns the error a person can act on, or nullopt.
std::optional<QString> addUser(ServerContext &context, const NewUser &user, QString *userId);

// Demo data for the local sandbox; returns the demo users' credentials.
QJsonArray seedSandbox(ServerContext &context, const QString &tenantId);

std::optional<QString> emailProblem(const QString &email);

} // namespace AccountSetup
} // namespace Latchkey::Server
