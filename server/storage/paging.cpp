#include "paging.h"

#include <protocol/base64url.h>

using namespace Qt::StringLiterals;

namespace Latchkey::Server {

QString Cursor::encode() const
{
    return QString::fromLatin1(
        Base64Url::encode(QByteArray(QByteArray::number(createdAt) + ':' + id.toUtf8())));
}

std::optional<Cursor> Cursor::decode(const QString &text)
{
    const auto bytes = Base64Url::decode(text.toLatin1());
    if (!bytes)
        return std::nullopt;
    const qsizetype colon = bytes->indexOf(':');
    if (colon <= 0)
        return std::nullopt;
    bool ok = false;
    const qint64 createdAt = bytes->left(colon).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    return Cursor{createdAt, QString::fromUtf8(bytes->mid(colon + 1))};
}

void appendKeyset(QString &sql, QVariantList &values, const PageRequest &page, QStringView alias)
{
    if (page.after) {
        const QString prefix = alias.isEmpty() ? QString() : alias.toString() + u'.';
        sql += u" AND ("_s + prefix + u"created_at < ? OR ("_s + prefix + u"created_at = ? AND "_s +
               prefix + u"id < ?))"_s;
        values << page.after->createdAt << page.after->createdAt << page.after->id;
    }
    sql += u" ORDER BY "_s + (alias.isEmpty() ? QString() : alias.toString() + u'.') +
           u"created_at DESC, "_s + (alias.isEmpty() ? QString() : alias.toString() + u'.') +
           u"id DESC LIMIT ?"_s;
    values << page.limit + 1;
}

QString containsPattern(const QString &text)
{
    QString escaped = foldForSearch(text);
    escaped.replace(u'\\', u"\\\\"_s).replace(u'%', u"\\%"_s).replace(u'_', u"\\_"_s);
    return u'%' + escaped + u'%';
}

} // namespace Latchkey::Server
