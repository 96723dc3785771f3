#pragma once

#include <QByteArray>
#include <QString>
#include <QStringView>

namespace Latchkey::Random {

// Bytes from OpenSSL's CSPRNG. Aborts the process if the CSPRNG fails: nothing may go on
// with predictable secrets.
QByteArray bytes(qsizetype count);

// A base64url secret or token of `bits` bits of entropy (rounded up to whole bytes).
QString secret(int bits = 256);

// An identifier: prefix + base64url of `bits` random bits, e.g. id(u"key_") -> "key_Xk3...".
QString id(QStringView prefix, int bits = 96);

} // namespace Latchkey::Random
