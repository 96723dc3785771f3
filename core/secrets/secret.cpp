#include "secret.h"

#include <QDebug>

#include <cstring>
#include <ostream>

namespace Latchkey::Core {

namespace {

constexpr char maskedText[] = "Secret(\u2022\u2022\u2022)";

} // namespace

QDebug operator<<(QDebug debug, const Secret &)
{
    QDebugStateSaver saver(debug);
    debug.nospace().noquote() << QString::fromUtf8(maskedText);
    return debug;
}

std::ostream &operator<<(std::ostream &stream, const Secret &)
{
    return stream << maskedText;
}

char *toString(const Secret &)
{
    // QTest frees it with delete[].
    char *text = new char[sizeof maskedText];
    std::memcpy(text, maskedText, sizeof maskedText);
    return text;
}

} // namespace Latchkey::Core
