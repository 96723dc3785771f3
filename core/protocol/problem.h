#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace Latchkey {

// RFC 9457 problem details, as the admin API answers its errors.
struct Problem
{
    struct FieldError
    {
        QString field;
        QString message;
        bool operator==(const FieldError &) const = default;
    };

    QString type = QStringLiteral("about:blank");
    QString title;
    int status = 0;
    QString detail;
    QList<FieldError> errors;

    QJsonObject toJson() const;
    QByteArray toJsonBytes() const;
    static Problem fromJson(const QJsonObject &object);
};

inline constexpr char problemJsonContentType[] = "application/problem+json";

} // namespace Latchkey
