#include "ctlcommand.h"
#include "ctlkeychain.h"

#include <oauth/hawksigner.h>
#include <oauth/oauthclient.h>
#include <secrets/secretstore.h>

#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Ctl {

namespace {

using Core::Error;
using Core::Result;
using Core::Task;

QString tr(const char *text)
{
    return QCoreApplication::translate("latchkeyctl", text);
}

const QCommandLineOption issuerOption{
    u"issuer"_s, u"The provider's issuer URL; its endpoints are discovered (RFC 8414)."_s,
    u"URL"_s};
const QCommandLineOption clientIdOption{u"client-id"_s, u"The client id (the consumer's Key)."_s,
                                        u"ID"_s};
const QCommandLineOption clientSecretEnvOption{
    u"client-secret-env"_s,
    u"The environment variable that holds the client secret (never give it on the command "
    "line)."_s,
    u"VAR"_s, u"LATCHKEY_CLIENT_SECRET"_s};
const QCommandLineOption authOption{
    u"auth"_s, u"How the client authenticates: basic (client_secret_basic) or post."_s, u"METHOD"_s,
    u"basic"_s};
const QCommandLineOption scopeOption{u"scope"_s,
                                     u"Scopes to ask for (repeat, or space-separated)."_s, u"S"_s};

// The OAuth client a token command works with: the issuer to discover and the credentials.
struct TokenSetup
{
    QUrl issuer;
    Core::OAuthClientCredentials credentials;
};

// Reads --issuer, --client-id, the secret's variable and --auth; prints the usage error itself.
// `secretRequired`: revocation also works for a public client, with no secret.
std::optional<TokenSetup> tokenSetup(const Invocation &inv, const QString &command,
                                     bool secretRequired)
{
    const QCommandLineParser &p = inv.parser;
    if (!p.isSet(u"issuer"_s) || !p.isSet(u"client-id"_s)) {
        printError(tr("%1 needs --issuer URL and --client-id ID. Run with --help.").arg(command));
        return std::nullopt;
    }
    const QUrl issuer(p.value(u"issuer"_s), QUrl::StrictMode);
    if (!issuer.isValid() || (issuer.scheme() != u"http" && issuer.scheme() != u"https")) {
        printError(tr("--issuer must be an http(s) URL, such as https://login.example.com; got "
                      "%1.")
                       .arg(p.value(u"issuer"_s)));
        return std::nullopt;
    }
    TokenSetup setup{issuer, {p.value(u"client-id"_s), {}, Core::ClientAuth::Basic}};
    const QString auth = p.value(u"auth"_s);
    if (auth == u"post")
        setup.credentials.auth = Core::ClientAuth::Post;
    else if (auth != u"basic") {
        printError(tr("--auth must be basic or post, not %1.").arg(auth));
        return std::nullopt;
    }
    const QString variable = p.value(u"client-secret-env"_s);
    setup.credentials.clientSecret = inv.environment().value(variable);
    if (setup.credentials.clientSecret.isEmpty()) {
        if (secretRequired || p.isSet(u"client-secret-env"_s)) {
            printError(tr("The client secret is not in the environment: set %1 to it (or name "
                          "another variable with --client-secret-env VAR).")
                           .arg(variable));
            return std::nullopt;
        }
        setup.credentials.auth = Core::ClientAuth::None;
    }
    return setup;
}

// Discovers the provider, then runs `operation` with the client set up.
template<typename T, typename Operation>
Task<T> afterDiscovery(Core::OAuthClient &client, const TokenSetup &setup, Operation operation)
{
    client.setCredentials(setup.credentials);
    return Core::chain(client.discover(setup.issuer), QCoreApplication::instance(),
                       [&client, operation](Result<Core::ProviderMetadata> metadata) -> Task<T> {
                           if (!metadata)
                               return Core::readyTask<T>(metadata.error());
                           return operation(client);
                       });
}

QString jsonText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble())
        return QString::number(value.toInteger());
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    return u"-"_s;
}

QStringList scopesFrom(const QCommandLineParser &parser)
{
    QStringList scopes;
    for (const QString &value : parser.values(u"scope"_s))
        scopes += value.split(u' ', Qt::SkipEmptyParts);
    return scopes;
}

QUrl whoamiUrl(QUrl base)
{
    QString path = base.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    base.setPath(path + u"/api/v2/whoami"_s);
    base.setQuery(QString());
    base.setFragment(QString());
    return base;
}

QString clockText(qint64 offset)
{
    if (offset > 0)
        return tr("server clock is %1 s ahead").arg(offset);
    return tr("server clock is %1 s behind").arg(-offset);
}

// A Hawk-signed GET /api/v2/whoami as the key, and what the server said, clock included.
QFuture<int> testKey(Invocation &inv, const QString &id, const QString &secret,
                     const QString &variable)
{
    const auto base = inv.baseUrl();
    if (!base)
        return done(reportError(base.error(), inv.json));
    auto signer = std::make_shared<Core::HawkSigner>(id, secret);
    const bool json = inv.json;
    return signer->send(inv.http(), "GET", whoamiUrl(base.value()))
        .then(QCoreApplication::instance(),
              [signer, json, id, variable](Result<Core::HttpExchange> result) -> int {
                  if (!result)
                      return reportError(result.error(), json);
                  const Core::HttpExchange &exchange = result.value();
                  const qint64 offset = signer->offsetSeconds();
                  if (exchange.status != 200) {
                      Error error = Core::HttpClient::errorFrom(exchange);
                      if (exchange.status == 401) {
                          const QByteArray challenge = exchange.responseHeader("www-authenticate");
                          error.kind = Error::Kind::Authentication;
                          error.message = tr("The server refused API key %1 (%2).")
                                              .arg(id, QString::fromUtf8(challenge).trimmed());
                          error.hint = tr("Check the id, and that %1 holds the key's "
                                          "current secret; rotate the key to get a new "
                                          "one.")
                                           .arg(variable);
                      }
                      return reportError(error, json);
                  }
                  const QJsonObject who = QJsonDocument::fromJson(exchange.responseBody).object();
                  if (json) {
                      QJsonObject out = who;
                      out.insert(u"clock_offset_seconds"_s, offset);
                      printJson(out);
                      return Ok;
                  }
                  const QJsonObject principal = who.value(u"principal"_s).toObject();
                  const QJsonObject group = who.value(u"permission_group"_s).toObject();
                  QStringList scopes;
                  for (const QJsonValue &s : who.value(u"scopes"_s).toArray())
                      scopes.append(s.toString());
                  printLine(tr("API key %1 works.").arg(id));
                  printFields(
                      {{u"Principal"_s, principal.value(u"name"_s).toString()},
                       {u"Tenant"_s, who.value(u"tenant"_s).toObject().value(u"name"_s).toString()},
                       {u"Permission group"_s, group.value(u"name"_s).toString()},
                       {u"Scopes"_s, orDash(scopes.join(u' '))},
                       {u"Clock"_s,
                        offset == 0 ? tr("in step with the server") : clockText(offset)}});
                  return Ok;
              });
}

} // namespace

QList<Command> tokenCommands()
{
    QList<Command> list;
    list.append(
        {u"token"_s,
         u"client-credentials"_s,
         u"Get an access token with the client credentials grant; prints it."_s,
         u"LATCHKEY_CLIENT_SECRET=… latchkeyctl token client-credentials --issuer "
         "https://login.example.com --client-id ck_… --scope assets:read"_s,
         {issuerOption, clientIdOption, clientSecretEnvOption, scopeOption, authOption},
         {},
         [](Invocation &inv) {
             const auto setup = tokenSetup(inv, u"token client-credentials"_s, true);
             if (!setup)
                 return done(Usage);
             const QStringList scopes = scopesFrom(inv.parser);
             auto &client = inv.oauth();
             const bool json = inv.json;
             return finish(
                 inv,
                 afterDiscovery<Core::TokenResponse>(
                     client, *setup,
                     [scopes](Core::OAuthClient &c) { return c.clientCredentials(scopes); }),
                 [json](const Core::TokenResponse &token) {
                     if (json) {
                         printJson(token.raw);
                         return;
                     }
                     printFields({{u"Access token"_s, token.accessToken},
                                  {u"Token type"_s, token.tokenType},
                                  {u"Expires in"_s,
                                   token.expiresIn ? u"%1 s"_s.arg(*token.expiresIn) : u"-"_s},
                                  {u"Scope"_s, orDash(token.scope)}});
                 });
         }});
    list.append(
        {u"token"_s,
         u"introspect"_s,
         u"Ask the provider whether a token is active, and what it grants (RFC 7662)."_s,
         u"latchkeyctl token introspect --issuer https://login.example.com --client-id ck_… "
         "\"$TOKEN\""_s,
         {issuerOption, clientIdOption, clientSecretEnvOption, authOption},
         u"TOKEN"_s,
         [](Invocation &inv) {
             const QStringList tokens = inv.parser.positionalArguments();
             const auto setup = tokenSetup(inv, u"token introspect"_s, true);
             if (!setup)
                 return done(Usage);
             if (tokens.size() != 1)
                 return usageError(tr("Give the one token to introspect. Run with --help."));
             auto &client = inv.oauth();
             const bool json = inv.json;
             return finish(
                 inv,
                 afterDiscovery<QJsonObject>(client, *setup,
                                             [token = tokens.first()](Core::OAuthClient &c) {
                                                 return c.introspect(token);
                                             }),
                 [json](const QJsonObject &answer) {
                     if (json) {
                         printJson(answer);
                         return;
                     }
                     QList<QPair<QString, QString>> fields{
                         {u"active"_s, jsonText(answer.value(u"active"_s))}};
                     for (auto it = answer.begin(); it != answer.end(); ++it) {
                         if (it.key() != u"active")
                             fields.append({it.key(), jsonText(it.value())});
                     }
                     printFields(fields);
                 });
         }});
    list.append({u"token"_s,
                 u"revoke"_s,
                 u"Revoke a token (RFC 7009): it stops working at once."_s,
                 u"latchkeyctl token revoke --issuer https://login.example.com --client-id ck_… "
                 "\"$TOKEN\""_s,
                 {issuerOption, clientIdOption, clientSecretEnvOption, authOption},
                 u"TOKEN"_s,
                 [](Invocation &inv) {
                     const QStringList tokens = inv.parser.positionalArguments();
                     const auto setup = tokenSetup(inv, u"token revoke"_s, false);
                     if (!setup)
                         return done(Usage);
                     if (tokens.size() != 1)
                         return usageError(tr("Give the one token to revoke. Run with --help."));
                     auto &client = inv.oauth();
                     const bool json = inv.json;
                     return finish(inv,
                                   afterDiscovery<Core::Nothing>(
                                       client, *setup,
                                       [token = tokens.first()](Core::OAuthClient &c) {
                                           return c.revoke(token);
                                       }),
                                   [json](const Core::Nothing &) {
                                       if (json)
                                           printJson(QJsonObject{{u"revoked"_s, true}});
                                       else
                                           printLine(tr("Revoked."));
                                   });
                 }});

    list.append(
        {u"keys"_s,
         u"test"_s,
         u"Try an API key: a Hawk-signed GET /api/v2/whoami with its secret, from "
         "LATCHKEY_API_SECRET or else the profile's keychain."_s,
         u"LATCHKEY_API_SECRET=… latchkeyctl keys test lk_…"_s,
         {{u"secret-env"_s,
           u"The environment variable that holds the API secret (never give it on the command "
           "line)."_s,
           u"VAR"_s, u"LATCHKEY_API_SECRET"_s}},
         u"ID"_s,
         [](Invocation &inv) {
             const QStringList ids = inv.parser.positionalArguments();
             if (ids.size() != 1)
                 return usageError(tr("Give one API key id. Run with --help."));
             const QString variable = inv.parser.value(u"secret-env"_s);
             const QString secret = inv.environment().value(variable);
             const QString id = ids.first();
             if (!secret.isEmpty())
                 return testKey(inv, id, secret, variable);
             // A profile's own keys: the secret latchkeyctl kept when it made or imported it.
             const auto missing = [variable] {
                 return usageError(tr("The API secret is not in the environment: set %1 to it "
                                      "(or name another variable with --secret-env VAR).")
                                       .arg(variable));
             };
             if (inv.parser.isSet(u"secret-env"_s) || inv.usesEnvironment())
                 return missing();
             const auto keychain = profileKeychain(inv);
             if (!keychain || !keychain.value().isOn())
                 return missing();
             const QString profileName = keychain.value().profile.name;
             const bool json = inv.json;
             return Core::chain(
                 keychain.value().store->read(apiSecretEntry(keychain.value().profile.id, id)),
                 QCoreApplication::instance(),
                 [&inv, id, variable, profileName,
                  json](Result<std::optional<QString>> kept) -> QFuture<int> {
                     if (!kept)
                         return done(reportError(kept.error(), json));
                     if (!kept.value())
                         return usageError(
                             tr("The API secret of %1 is neither in %2 nor in the "
                                "keychain of profile %3. Set %2 to it, or rotate the key "
                                "(latchkeyctl keys rotate %1) to get a new one.")
                                 .arg(id, variable, profileName));
                     return testKey(inv, id, *kept.value(), variable);
                 });
         }});
    return list;
}

} // namespace Latchkey::Ctl
