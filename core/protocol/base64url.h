#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>

namespace Latchkey::Base64Url {

// RFC 4648 §5 alphabet, no padding.
QByteArray encode(QByteArrayView data);
// Strict: rejects padding, whitespace and characters outside the URL-safe alphabet.
std::optional<QByteArray> decode(QByteArrayView text);

} // namespace Latchkey::Base64Url
