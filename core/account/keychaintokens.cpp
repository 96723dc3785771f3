#include "keychaintokens.h"

#include "secrets/secret.h"
#include "secrets/secretstore.h"

namespace Latchkey::Core {

namespace {

Error authenticationError(const QString &message, const QString &hint)
{
    return Error{Error::Kind::Authentication, 0, message, hint, {}, {}};
}

} // namespace

KeychainClientCredentials::KeychainClientCredentials(HttpClient &http, SecretStore &secrets,
                                                     QUrl tokenEndpoint, QString clientId,
                                                     QString key, SignInHints hints,
                                                     QObject *parent)
    : TokenSource(parent)
    , m_http(http)
    , m_secrets(secrets)
    , m_endpoint(std::move(tokenEndpoint))
    , m_clientId(std::move(clientId))
    , m_key(std::move(key))
    , m_hints(std::move(hints))
{
}

KeychainClientCredentials::~KeychainClientCredentials() = default;

Task<QString> KeychainClientCredentials::accessToken(bool renew)
{
    if (m_inner)
        return m_inner->accessToken(renew);
    return chain(m_secrets.read(m_key), this,
                 [this, renew](Result<std::optional<QString>> secret) -> Task<QString> {
                     if (!secret)
                         return readyTask<QString>(secret.error());
                     if (!secret.value())
                         return readyTask<QString>(authenticationError(
                             tr("The automation secret of this profile is not in the keychain."),
                             m_hints.missingSecret));
                     m_inner = std::make_unique<ClientCredentialsTokens>(
                         m_http, m_endpoint, m_clientId, *secret.value());
                     return m_inner->accessToken(renew);
                 });
}

KeychainRefreshTokens::KeychainRefreshTokens(HttpClient &http, SecretStore &secrets,
                                             QUrl tokenEndpoint, QString clientId, QString key,
                                             SignInHints hints, QObject *parent)
    : TokenSource(parent)
    , m_http(http)
    , m_secrets(secrets)
    , m_endpoint(std::move(tokenEndpoint))
    , m_clientId(std::move(clientId))
    , m_key(std::move(key))
    , m_hints(std::move(hints))
{
}

KeychainRefreshTokens::~KeychainRefreshTokens() = default;

Task<QString> KeychainRefreshTokens::accessToken(bool renew)
{
    if (m_inner)
        return withRotationSaved(m_inner->accessToken(renew));
    return chain(
        m_secrets.read(m_key), this,
        [this, renew](Result<std::optional<QString>> token) -> Task<QString> {
            if (!token)
                return readyTask<QString>(token.error());
            if (!token.value())
                return readyTask<QString>(authenticationError(
                    tr("You are signed out of this profile."), m_hints.signedOut));
            m_inner =
                std::make_unique<RefreshTokens>(m_http, m_endpoint, m_clientId, *token.value());
            connect(m_inner.get(), &RefreshTokens::rotated, this, [this](const QString &rotated) {
                m_saving = m_secrets.write(m_key, Secret(rotated));
            });
            return withRotationSaved(m_inner->accessToken(renew));
        });
}

Task<QString> KeychainRefreshTokens::withRotationSaved(Task<QString> token)
{
    return chain(token, this, [this](Result<QString> result) -> Task<QString> {
        if (!result && result.error().kind == Error::Kind::Authentication) {
            Error error = result.error();
            error.hint = m_hints.signedOut;
            return readyTask<QString>(error);
        }
        if (!result || !m_saving.isValid())
            return readyTask<QString>(result);
        Task<Nothing> saving = m_saving;
        m_saving = {};
        return saving.then(QtFuture::Launch::Sync,
                           Core::guarded(this, [result](Result<Nothing> saved) -> Result<QString> {
                               if (!saved)
                                   return saved.error();
                               return result;
                           }));
    });
}

} // namespace Latchkey::Core
