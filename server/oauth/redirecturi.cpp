#include "redirecturi.h"

#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace Latchkey::Server::RedirectUri {

namespace {

bool isLoopbackHost(const QString &host)
{
    return host == u"127.0.0.1" || host == u"::1" || host == u"localhost";
}

} // namespace

std::optional<QString> registrationProblem(const QString &uri)
{
    if (uri.trimmed() != uri || uri.isEmpty())
        return u"must not be empty or have surrounding spaces"_s;
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return u"is not an absolute URI"_s;
    if (url.hasFragment() || uri.contains(u'#'))
        return u"must not have a fragment (#…)"_s;
    if (!url.userInfo().isEmpty())
        return u"must not carry a user name or password"_s;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https") {
        if (url.host().isEmpty())
            return u"needs a host"_s;
        return std::nullopt;
    }
    if (scheme == u"http") {
        if (!isLoopbackHost(url.host()))
            return u"http is only allowed on a loopback host (127.0.0.1, [::1], localhost); use "
                   "https"_s;
        return std::nullopt;
    }
    if (scheme.contains(u'.') && scheme != u"javascript" && scheme != u"data")
        return std::nullopt; // private-use scheme of a native app, e.g. com.example.app:/cb
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
