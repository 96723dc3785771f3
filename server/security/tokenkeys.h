#pragma once

#include "masterkey.h"

#include <QString>
#include <QStringView>

namespace Latchkey::Server::TokenKeys {

// Access and refresh tokens are "<selector>.<secret>": a 15-character selector, then 256 random
// bits in base64url. The selector is the time of issue in milliseconds and a counter, in
// lowercase base32hex, which sorts by time in ASCII and in any collation. It is not secret and
// carries no authority; it only decides where the token is stored.
QString generate(qint64 issuedAtMSecs);

// The key the tokens table stores for `token`: its selector, a dot, and the HMAC digest of the
// whole token. New tokens are therefore appended at the end of the table's B-tree instead of on
// a random page of it, and the oldest sit at its start, where a purge finds them. A token
// without a selector (issued before selectors existed) is stored under its digest alone.
QString storedKey(const MasterKey &key, QStringView token);

} // namespace Latchkey::Server::TokenKeys
