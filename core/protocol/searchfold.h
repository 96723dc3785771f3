#pragma once

#include <QString>

namespace Latchkey {

// Search text without case and accents ("João" and "joao" match): the server's list search and
// the desktop's search-as-you-type fold the same way.
QString foldForSearch(const QString &text);

} // namespace Latchkey
