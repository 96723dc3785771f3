#include "result.h"

#include <QCoreApplication>

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

Error cancelledError()
{
    Error error;
    error.kind = Error::Kind::Cancelled;
    error.message = QCoreApplication::translate("Latchkey::Core", "The request was cancelled.");
    return error;
}

} // namespace Latchkey::Core
