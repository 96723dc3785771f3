#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

namespace Latchkey {

// Compact JSON written straight into bytes, exactly as QJsonDocument::Compact writes the same
// object (same escapes, integers as integers), for what the server sends often or in bulk: a
// whoami, a token, a page of 1,000 entities, where building QJsonObjects and serializing them
// costs more than all the rest. Members come out in the order written; write them sorted by key,
// as a QJsonObject holds them.
class JsonWriter final
{
public:
    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }
    // The name of the next member; `name` is plain ASCII needing no escape.
    JsonWriter &key(QByteArrayView name);

    JsonWriter &value(QStringView text);
    JsonWriter &value(QLatin1StringView text);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool boolean);
    JsonWriter &nullValue();
    JsonWriter &value(const QStringList &texts);

    QByteArray take() { return std::move(m_out); }

private:
    void separate();
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);

    QByteArray m_out;
    bool m_first = true; // no member or element written yet at this level
};

} // namespace Latchkey
