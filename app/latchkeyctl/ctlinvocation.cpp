#include "ctlcommand.h"

#include <oauth/oauthclient.h>
#include <protocol/entities.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Ctl {

namespace {

using Core::Error;

QString tr(const char *text)
{
    return QCoreApplication::translate("latchkeyctl", text);
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

Core::Result<QUrl> Invocation::baseUrl()
{
    const QString url = m_environment.value(u"LATCHKEY_URL"_s);
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

Core::Result<Core::AccountClient *> Invocation::account()
{
    if (m_client)
        return m_client.get();
    if (!environmentComplete()) {
        return Error{Error::Kind::Authentication,
                     0,
                     tr("Not signed in to any account."),
                     tr("Set LATCHKEY_URL, LATCHKEY_CLIENT_ID and LATCHKEY_CLIENT_SECRET to an "
                        "automation consumer's credentials."),
                     {},
                     {}};
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
