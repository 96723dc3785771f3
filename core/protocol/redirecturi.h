#pragma once

#include <QString>
#include <QStringView>

#include <optional>

// The rule for registering an OAuth redirect URI, shared by the server that enforces it and the
// desktop app that checks it as the admin types, so the two cannot drift.
namespace Latchkey {

enum class RedirectUriProblem {
    Empty,           // empty, or surrounded by spaces
    NotAbsolute,     // no scheme, or not a URI at all
    Fragment,        // has a #fragment
    UserInfo,        // carries a user name or password
    NoHost,          // https without a host
    HttpNotLoopback, // http on anything but 127.0.0.1, [::1] or localhost
    Scheme,          // neither https, loopback http, nor a reverse-domain private scheme
};

// Why `uri` cannot be registered, or nullopt when it can: absolute https, http on a loopback
// host (RFC 8252 §7.3), or a private-use scheme in reverse-domain form such as
// com.example.app:/cb (§7.1); never a fragment, never userinfo.
std::optional<RedirectUriProblem> redirectUriProblem(const QString &uri);

bool isLoopbackHost(QStringView host);

} // namespace Latchkey
