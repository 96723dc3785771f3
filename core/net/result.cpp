#include "result.h"

using namespace Qt::StringLiterals;

namespace Latchkey::Core {

QString Error::toText() const
{
    QString text = message;
    for (const Problem::FieldError &field : problem.errors)
        text += u"\n  "_s + field.field + u": "_s + field.message;
    if (!hint.isEmpty())
        text += u"\n"_s + hint;
    return text;
}

} // namespace Latchkey::Core
