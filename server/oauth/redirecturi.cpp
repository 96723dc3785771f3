#include "redirecturi.h"

#include <protocol/redirecturi.h>

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Latchkey::Server::RedirectUri {

std::optional<QString> registrationProblem(const QString &uri)
{
    const auto problem = redirectUriProblem(uri);
    if (!problem)
        return std::nullopt;
    switch (*problem) {
    case RedirectUriProblem::Empty:
        return u"must not be empty or have surrounding spaces"_s;
    case RedirectUriProblem::NotAbsolute:
        return u"is not an absolute URI"_s;
    case RedirectUriProblem::Fragment:
        return u"must not have a fragment (#…)"_s;
    case RedirectUriProblem::UserInfo:
        return u"must not carry a user name or password"_s;
    case RedirectUriProblem::NoHost:
        return u"needs a host"_s;
    case RedirectUriProblem::HttpNotLoopback:
        return u"http is only allowed on a loopback host (127.0.0.1, [::1], localhost); use "
               "https"_s;
    case RedirectUriProblem::Scheme:
        break;
    }
    return u"must use https, http on a loopback host, or a reverse-domain private scheme"_s;
}

bool isLoopbackHttp(const QString &uri)
{
    const QUrl url(uri);
    return url.scheme() == u"http" && isLoopbackHost(url.host());
}

bool matches(const QString &registered, const QString &requested)
{
    if (registered == requested)
        return true;
    // Exact text but for the port: no case folding, no path or query normalisation.
    static const QRegularExpression loopback(
        u"^(http://(?:127\\.0\\.0\\.1|\\[::1\\]|localhost))(?::[0-9]{1,5})?([/?].*)?$"_s);
    const QRegularExpressionMatch a = loopback.match(registered);
    const QRegularExpressionMatch b = loopback.match(requested);
    return a.hasMatch() && b.hasMatch() && a.captured(1) == b.captured(1) &&
           a.captured(2) == b.captured(2);
}

} // namespace Latchkey::Server::RedirectUri
