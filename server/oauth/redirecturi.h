#pragma once

#include <QString>

#include <optional>

namespace Latchkey::Server::RedirectUri {

// Why a redirect URI cannot be registered, or nullopt when it can: absolute https, http on a
// loopback host (RFC 8252 §7.3), or a private-use scheme in reverse-domain form (§7.1); never a
// fragment, never userinfo.
std::optional<QString> registrationProblem(const QString &uri);

bool isLoopbackHttp(const QString &uri);

// Whether a redirect_uri sent to /oauth/authorize matches a registered one: character for
// character, except that the port of an http loopback URI is ignored (RFC 8252 §7.3), since
// native apps listen on whatever port is free.
bool matches(const QString &registered, const QString &requested);

} // namespace Latchkey::Server::RedirectUri
