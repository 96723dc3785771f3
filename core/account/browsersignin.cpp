#include "browsersignin.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

BrowserSignIn::BrowserSignIn(HttpClient &http, QUrl accountUrl, QString clientId, QObject *parent)
    : QObject(parent)
    , m_oauth(http)
    , m_accountUrl(std::move(accountUrl))
    , m_clientId(std::move(clientId))
{
    m_oauth.setCredentials({m_clientId, {}, ClientAuth::None});
}

Task<SignedIn> BrowserSignIn::start(const QStringList &scopes, int timeoutMs)
{
    return chain(m_oauth.discover(m_accountUrl), this,
                 [this, scopes, timeoutMs](Result<ProviderMetadata> metadata) -> Task<SignedIn> {
                     if (!metadata)
                         return readyTask<SignedIn>(metadata.error());
                     const auto redirect = m_receiver.listen();
                     if (!redirect)
                         return readyTask<SignedIn>(redirect.error());
                     AuthorizationOptions options;
                     options.redirectUri = redirect.value().toString();
                     options.scopes = scopes;
                     auto request = m_oauth.buildAuthorizationRequest(options);
                     if (!request)
                         return readyTask<SignedIn>(request.error());
                     m_request = request.value();
                     Task<QUrlQuery> redirected = m_receiver.waitForRedirect(timeoutMs);
                     Q_EMIT openBrowser(m_request.url);
                     return chain(redirected, this,
                                  [this](Result<QUrlQuery> query) { return afterRedirect(query); });
                 });
}

Task<SignedIn> BrowserSignIn::afterRedirect(const Result<QUrlQuery> &query)
{
    if (!query)
        return readyTask<SignedIn>(query.error());
    const auto response =
        OAuthClient::parseRedirect(query.value(), m_request.state, m_oauth.provider());
    if (!response) {
        // Whatever the provider answered (denied, invalid scope...), the sign-in did not happen.
        Error error = response.error();
        error.kind = Error::Kind::Authentication;
        return readyTask<SignedIn>(error);
    }
    return m_oauth.exchangeCode(response.value().code, m_request)
        .then(QtFuture::Launch::Sync,
              Core::guarded(this, [this](Result<TokenResponse> tokens) -> Result<SignedIn> {
                  if (!tokens)
                      return tokens.error();
                  if (tokens.value().refreshToken.isEmpty())
                      return Error{
                          Error::Kind::Protocol,
                          0,
                          tr("The account answered without a refresh token."),
                          tr("Is %1 a Latchkey account server?").arg(m_accountUrl.toString()),
                          {},
                          {}};
                  return SignedIn{tokens.value(), m_oauth.provider(), m_clientId};
              }));
}

} // namespace Latchkey::Core
