#include "principal.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

QString Principal::actor() const
{
    switch (kind) {
    case Kind::ApiKey:
        return u"key:"_s + id;
    case Kind::Consumer:
        return u"consumer:"_s + id;
    case Kind::User:
        return u"user:"_s + name;
    }
    return {};
}

} // namespace Latchkey::Server
