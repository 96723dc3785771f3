#include "exportsyntax.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace Latchkey::Core::ExportSyntax {

namespace {

bool endsALine(QChar c)
{
    const QChar::Category category = c.category();
    return category == QChar::Other_Control || category == QChar::Separator_Line ||
           category == QChar::Separator_Paragraph;
}

} // namespace

QString quoted(QStringView text)
{
    QString out;
    out.reserve(text.size() + 2);
    out.append(u'"');
    for (const QChar c : text) {
        if (c == u'"' || c == u'\\') {
            out.append(u'\\');
            out.append(c);
        } else if (endsALine(c)) {
            out.append(u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0'));
        } else {
            out.append(c);
        }
    }
    out.append(u'"');
    return out;
}

std::optional<QString> unquoted(QStringView quotedText)
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(u"["_s.append(quotedText).append(u']').toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || document.array().size() != 1 ||
        !document.array().at(0).isString())
        return std::nullopt;
    return document.array().at(0).toString();
}

QString commentText(QStringView text)
{
    QString out = text.toString();
    for (QChar &c : out) {
        if (endsALine(c))
            c = u' ';
    }
    return out;
}

} // namespace Latchkey::Core::ExportSyntax
