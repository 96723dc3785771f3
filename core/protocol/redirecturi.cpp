#include "redirecturi.h"

#include <QUrl>

using namespace Qt::StringLiterals;

namespace Latchkey {

bool isLoopbackHost(QStringView host)
{
    return host == u"127.0.0.1" || host == u"::1" || host == u"localhost";
}

std::optional<RedirectUriProblem> redirectUriProblem(const QString &uri)
{
    if (uri.trimmed() != uri || uri.isEmpty())
        return RedirectUriProblem::Empty;
    const QUrl url(uri, QUrl::StrictMode);
    if (!url.isValid() || url.scheme().isEmpty())
        return RedirectUriProblem::NotAbsolute;
    if (url.hasFragment() || uri.contains(u'#'))
        return RedirectUriProblem::Fragment;
    if (!url.userInfo().isEmpty())
        return RedirectUriProblem::UserInfo;
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https")
        return url.host().isEmpty() ? std::optional(RedirectUriProblem::NoHost) : std::nullopt;
    if (scheme == u"http")
        return isLoopbackHost(url.host()) ? std::nullopt
                                          : std::optional(RedirectUriProblem::HttpNotLoopback);
    if (scheme.contains(u'.') && scheme != u"javascript" && scheme != u"data")
        return std::nullopt; // private-use scheme of a native app, e.g. com.example.app:/cb
    return RedirectUriProblem::Scheme;
}

} // namespace Latchkey
