#pragma once

#include <QString>

namespace Latchkey::Server {

// argon2id with m = 19 MiB, t = 2, p = 1 (OWASP's recommendation), encoded PHC string.
namespace PasswordHasher {
QString hash(QStringView password);
bool verify(QStringView encoded, QStringView password);
} // namespace PasswordHasher

} // namespace Latchkey::Server
