#pragma once

#include <QString>

#include <iosfwd>
#include <utility>

class QDebug;

namespace Latchkey::Core {

// A secret value (client secret, refresh token, API secret) as it travels through the core. It
// never prints: QDebug, std::ostream and QTest show "Secret(•••)". The value comes out only
// through reveal(), so every place that uses it is easy to find.
class Secret final
{
public:
    Secret() = default;
    explicit Secret(QString value)
        : m_value(std::move(value))
    {
    }

    const QString &reveal() const { return m_value; }
    bool isEmpty() const { return m_value.isEmpty(); }

    friend bool operator==(const Secret &, const Secret &) = default;

private:
    QString m_value;
};

QDebug operator<<(QDebug debug, const Secret &secret);
std::ostream &operator<<(std::ostream &stream, const Secret &secret);

// For QCOMPARE failures: compared values are printed, a Secret must stay masked there too.
char *toString(const Secret &secret);

} // namespace Latchkey::Core
