#include "problem.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Latchkey {

QJsonObject Problem::toJson() const
{
    QJsonObject object{{QStringLiteral("type"), type},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("status"), status}};
    if (!detail.isEmpty())
        object.insert(QStringLiteral("detail"), detail);
    if (!errors.isEmpty()) {
        QJsonArray list;
        for (const FieldError &error : errors)
            list.append(QJsonObject{{QStringLiteral("field"), error.field},
                                    {QStringLiteral("message"), error.message}});
        object.insert(QStringLiteral("errors"), list);
    }
    return object;
}

QByteArray Problem::toJsonBytes() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

Problem Problem::fromJson(const QJsonObject &object)
{
    Problem problem;
    problem.type = object.value(QStringLiteral("type")).toString(QStringLiteral("about:blank"));
    problem.title = object.value(QStringLiteral("title")).toString();
    problem.status = object.value(QStringLiteral("status")).toInt();
    problem.detail = object.value(QStringLiteral("detail")).toString();
    const QJsonArray errors = object.value(QStringLiteral("errors")).toArray();
    for (const QJsonValue &value : errors) {
        const QJsonObject error = value.toObject();
        problem.errors.append({error.value(QStringLiteral("field")).toString(),
                               error.value(QStringLiteral("message")).toString()});
    }
    return problem;
}

} // namespace Latchkey
