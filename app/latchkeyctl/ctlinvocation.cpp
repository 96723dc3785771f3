#include "ctlcommand.h"

#include <account/keychaintokens.h>
#include <cache/cachedatabase.h>
#include <oauth/oauthclient.h>
#include <profiles/profilestore.h>
#include <protocol/entities.h>
#include <secrets/secretstore.h>

#include <QDir>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Latchkey::Ctl {

namespace {

using Core::Error;

QString tr(const char *text)
{
    return QCoreApplication::translate("latchkeyctl", text);
}

Core::SignInHints cliHints()
{
    return {tr("Run latchkeyctl login to sign in again."),
            tr("Run latchkeyctl login --client-id ID --client-secret-env VAR.")};
}

} // namespace

Invocation::Invocation()
    : m_environment(QProcessEnvironment::systemEnvironment())
{
}

Invocation::~Invocation() = default;

Core::HttpClient &Invocation::http()
{
    if (!m_http)
        m_http = std::make_unique<Core::HttpClient>();
    return *m_http;
}

bool Invocation::environmentComplete() const
{
    return !m_environment.value(u"LATCHKEY_URL"_s).isEmpty() &&
           !m_environment.value(u"LATCHKEY_CLIENT_ID"_s).isEmpty() &&
           !m_environment.value(u"LATCHKEY_CLIENT_SECRET"_s).isEmpty();
}

QString Invocation::environmentClientId() const
{
    return environmentComplete() ? m_environment.value(u"LATCHKEY_CLIENT_ID"_s) : QString();
}

QString Invocation::environmentClientSecret() const
{
    return environmentComplete() ? m_environment.value(u"LATCHKEY_CLIENT_SECRET"_s) : QString();
}

Core::OAuthClient &Invocation::oauth()
{
    if (!m_oauth)
        m_oauth = std::make_unique<Core::OAuthClient>(http());
    return *m_oauth;
}

Core::Result<Core::ProfileStore *> Invocation::profiles()
{
    if (m_profiles)
        return m_profiles.get();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    auto cache = Core::CacheDatabase::open(dir + u"/Latchkey/cache.sqlite"_s);
    if (!cache)
        return cache.error();
    m_cache = std::move(cache).value();
    m_profiles = std::make_unique<Core::ProfileStore>(*m_cache);
    return m_profiles.get();
}

Core::SecretStore &Invocation::secrets()
{
    if (!m_secrets)
        m_secrets = std::make_unique<Core::SecretStore>();
    return *m_secrets;
}

Core::Result<Core::Profile> Invocation::profile()
{
    auto store = profiles();
    if (!store)
        return store.error();
    if (parser.isSet(u"profile"_s)) {
        auto named = store.value()->profileNamed(parser.value(u"profile"_s));
        if (!named)
            return Error{Error::Kind::Usage,
                         0,
                         tr("There is no profile named %1.").arg(parser.value(u"profile"_s)),
                         tr("See latchkeyctl profile list."),
                         {},
                         {}};
        return named;
    }
    auto current = store.value()->current();
    if (!current)
        return current.error();
    if (!current.value())
        return Error{Error::Kind::Authentication,
                     0,
                     tr("Not signed in to any account."),
                     tr("Set LATCHKEY_URL, LATCHKEY_CLIENT_ID and LATCHKEY_CLIENT_SECRET to an "
                        "automation consumer's credentials, or add a profile and log in: "
                        "latchkeyctl profile add NAME --url URL, then latchkeyctl login."),
                     {},
                     {}};
    return *current.value();
}

Core::Result<QUrl> Invocation::baseUrl()
{
    const QString url = m_environment.value(u"LATCHKEY_URL"_s);
    if (url.isEmpty() && !environmentComplete()) {
        auto chosen = profile();
        if (!chosen)
            return chosen.error();
        return chosen.value().serverUrl;
    }
    if (url.isEmpty())
        return Error{Error::Kind::Authentication,
                     0,
                     tr("No account chosen."),
                     tr("Set LATCHKEY_URL to the account server's URL."),
                     {},
                     {}};
    const QUrl base(url, QUrl::StrictMode);
    if (!base.isValid() || (base.scheme() != u"http" && base.scheme() != u"https"))
        return Error{Error::Kind::Usage,
                     0,
                     tr("LATCHKEY_URL is not an http(s) URL: %1").arg(url),
                     {},
                     {},
                     {}};
    return base;
}

Core::Result<Core::AccountClient *> Invocation::accountFor(const Core::Profile &p)
{
    const QUrl endpoint = p.serverUrl.resolved(QUrl(u"/oauth/token"_s));
    std::unique_ptr<Core::TokenSource> tokens;
    if (p.signInMethod == Core::SignInMethod::SystemBrowser && !p.clientId.isEmpty())
        tokens = std::make_unique<Core::KeychainRefreshTokens>(
            http(), secrets(), endpoint, p.clientId,
            Core::profileSecretKey(p.id, Core::SecretKind::refreshToken, p.clientId), cliHints());
    else if (p.signInMethod == Core::SignInMethod::Automation && !p.clientId.isEmpty())
        tokens = std::make_unique<Core::KeychainClientCredentials>(
            http(), secrets(), endpoint, p.clientId,
            Core::profileSecretKey(p.id, Core::SecretKind::automationSecret, p.clientId),
            cliHints());
    else
        return Error{Error::Kind::Authentication,
                     0,
                     tr("Profile %1 is not signed in.").arg(p.name),
                     tr("Run latchkeyctl login --profile %1 (browser sign-in), or add "
                        "--client-id ID --client-secret-env VAR for an automation consumer.")
                         .arg(p.name),
                     {},
                     {}};
    m_otherClients.push_back(std::make_unique<Core::AccountClient>(http(), p.serverUrl, *tokens));
    m_otherTokens.push_back(std::move(tokens));
    return m_otherClients.back().get();
}

Core::Result<Core::AccountClient *> Invocation::account()
{
    if (m_client)
        return m_client.get();
    if (!environmentComplete()) {
        if (m_profileClient)
            return m_profileClient;
        auto chosen = profile();
        if (!chosen)
            return chosen.error();
        auto client = accountFor(chosen.value());
        if (client)
            m_profileClient = client.value();
        return client;
    }
    auto base = baseUrl();
    if (!base)
        return base.error();
    m_tokens = std::make_unique<Core::ClientCredentialsTokens>(
        http(), base.value().resolved(QUrl(u"/oauth/token"_s)),
        m_environment.value(u"LATCHKEY_CLIENT_ID"_s),
        m_environment.value(u"LATCHKEY_CLIENT_SECRET"_s));
    m_client = std::make_unique<Core::AccountClient>(http(), base.value(), *m_tokens);
    return m_client.get();
}

QStringList listValues(const QCommandLineParser &parser, const QString &name)
{
    QStringList values;
    for (const QString &value : parser.values(name)) {
        for (const QString &part : value.split(u',', Qt::SkipEmptyParts)) {
            const QString trimmed = part.trimmed();
            if (!trimmed.isEmpty() && !values.contains(trimmed))
                values.append(trimmed);
        }
    }
    return values;
}

QString orDash(const QString &text)
{
    return text.isEmpty() ? u"-"_s : text;
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? toRfc3339(time) : u"-"_s;
}

} // namespace Latchkey::Ctl
