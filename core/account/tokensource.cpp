#include "tokensource.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrlQuery>

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

namespace {

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

// Parses a token response; the expiry is stored a minute early to allow for clock skew.
Result<QPair<QString, QDateTime>> tokenFrom(const Result<HttpExchange> &result,
                                            QString *refreshToken = nullptr)
{
    if (!result)
        return result.error();
    const HttpExchange &exchange = result.value();
    if (exchange.status != 200)
        return HttpClient::errorFrom(exchange);
    const QJsonObject body = QJsonDocument::fromJson(exchange.responseBody).object();
    const QString token = body.value(u"access_token"_s).toString();
    if (token.isEmpty())
        return Error{Error::Kind::Protocol,
                     200,
                     QObject::tr("The token endpoint answered without an access_token."),
                     {},
                     {},
                     {}};
    if (refreshToken && body.contains(u"refresh_token"_s))
        *refreshToken = body.value(u"refresh_token"_s).toString();
    const int expiresIn = body.value(u"expires_in"_s).toInt(300);
    return QPair<QString, QDateTime>{
        token, QDateTime::currentDateTimeUtc().addSecs(qMax(0, expiresIn - 60))};
}

} // namespace

ClientCredentialsTokens::ClientCredentialsTokens(HttpClient &http, QUrl tokenEndpoint,
                                                 QString clientId, QString clientSecret,
                                                 QObject *parent)
    : TokenSource(parent)
    , m_http(http)
    , m_tokenEndpoint(std::move(tokenEndpoint))
    , m_clientId(std::move(clientId))
    , m_clientSecret(std::move(clientSecret))
{
}

Task<QString> ClientCredentialsTokens::accessToken(bool renew)
{
    if (!renew && !m_token.isEmpty() && QDateTime::currentDateTimeUtc() < m_expiresAt)
        return readyTask<QString>(m_token);
    HttpCall call;
    call.method = "POST";
    call.url = m_tokenEndpoint;
    const QByteArray basic =
        QUrl::toPercentEncoding(m_clientId) + ':' + QUrl::toPercentEncoding(m_clientSecret);
    call.headers = {{"Authorization", "Basic " + basic.toBase64()},
                    {"Content-Type", "application/x-www-form-urlencoded"},
                    {"Accept", "application/json"}};
    call.body = "grant_type=client_credentials";
    return m_http.send(call).then(
        QtFuture::Launch::Sync,
        Core::guarded(this, [this](Result<HttpExchange> result) -> Result<QString> {
            auto token = tokenFrom(result);
            if (!token) {
                Error error = token.error();
                if (error.kind == Error::Kind::Authentication ||
                    error.oauthError == u"invalid_client")
                    error.hint = tr("Check the automation consumer's client id and secret "
                                    "(LATCHKEY_CLIENT_ID, LATCHKEY_CLIENT_SECRET).");
                return error;
            }
            m_token = token.value().first;
            m_expiresAt = token.value().second;
            return m_token;
        }));
}

RefreshTokens::RefreshTokens(HttpClient &http, QUrl tokenEndpoint, QString clientId,
                             QString refreshToken, QObject *parent)
    : TokenSource(parent)
    , m_http(http)
    , m_tokenEndpoint(std::move(tokenEndpoint))
    , m_clientId(std::move(clientId))
    , m_refreshToken(std::move(refreshToken))
{
}

void RefreshTokens::setAccessToken(const QString &token, int expiresIn)
{
    m_token = token;
    m_expiresAt = QDateTime::currentDateTimeUtc().addSecs(qMax(0, expiresIn - 60));
}

Task<QString> RefreshTokens::accessToken(bool renew)
{
    if (!renew && !m_token.isEmpty() && QDateTime::currentDateTimeUtc() < m_expiresAt)
        return readyTask<QString>(m_token);
    if (m_refreshToken.isEmpty())
        return readyTask<QString>(Error{Error::Kind::Authentication,
                                        0,
                                        tr("You are signed out of this account."),
                                        tr("Sign in again."),
                                        {},
                                        {}});
    HttpCall call;
    call.method = "POST";
    call.url = m_tokenEndpoint;
    call.headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                    {"Accept", "application/json"}};
    call.body = formEncode({{u"grant_type"_s, u"refresh_token"_s},
                            {u"refresh_token"_s, m_refreshToken},
                            {u"client_id"_s, m_clientId}});
    return m_http.send(call).then(
        QtFuture::Launch::Sync,
        Core::guarded(this, [this](Result<HttpExchange> result) -> Result<QString> {
            QString rotatedToken;
            auto token = tokenFrom(result, &rotatedToken);
            if (!token) {
                Error error = token.error();
                if (error.oauthError == u"invalid_grant") {
                    m_refreshToken.clear();
                    error.kind = Error::Kind::Authentication;
                    error.message = tr("Your session with this account ended.");
                    error.hint = tr("Sign in again.");
                }
                return error;
            }
            m_token = token.value().first;
            m_expiresAt = token.value().second;
            if (!rotatedToken.isEmpty() && rotatedToken != m_refreshToken) {
                m_refreshToken = rotatedToken;
                Q_EMIT rotated(rotatedToken);
            }
            return m_token;
        }));
}

} // namespace Latchkey::Core
