#include "jsonwriter.h"

#include <algorithm>

namespace Latchkey {

namespace {

char hexDigit(uint value)
{
    return char(value < 10 ? '0' + value : 'a' + value - 10);
}

char *writeUnicodeEscape(char *out, char16_t unit)
{
    *out++ = '\\';
    *out++ = 'u';
    *out++ = hexDigit((unit >> 12) & 0xf);
    *out++ = hexDigit((unit >> 8) & 0xf);
    *out++ = hexDigit((unit >> 4) & 0xf);
    *out++ = hexDigit(unit & 0xf);
    return out;
}

// As QJsonDocument escapes: '"', '\\' and control characters; UTF-8 for the rest, and \uXXXX
// for a lone surrogate. Written through a pointer into room made first (at most 6 bytes a UTF-16
// unit): appending byte by byte costs more than the rest of a token answer.
void appendEscaped(QByteArray &bytes, QStringView text)
{
    const qsizetype start = bytes.size();
    bytes.resize(start + 6 * text.size() + 2);
    char *out = bytes.data() + start;
    *out++ = '"';
    const char16_t *it = text.utf16();
    const char16_t *const end = it + text.size();
    while (it != end) {
        const char16_t unit = *it++;
        if (unit < 0x80) {
            if (unit >= 0x20 && unit != u'"' && unit != u'\\') {
                *out++ = char(unit);
                continue;
            }
            char named = 0;
            switch (unit) {
            case u'"':
                named = '"';
                break;
            case u'\\':
                named = '\\';
                break;
            case u'\b':
                named = 'b';
                break;
            case u'\f':
                named = 'f';
                break;
            case u'\n':
                named = 'n';
                break;
            case u'\r':
                named = 'r';
                break;
            case u'\t':
                named = 't';
                break;
            default:
                break;
            }
            if (named) {
                *out++ = '\\';
                *out++ = named;
            } else {
                out = writeUnicodeEscape(out, unit);
            }
        } else if (unit < 0x800) {
            *out++ = char(0xc0 | (unit >> 6));
            *out++ = char(0x80 | (unit & 0x3f));
        } else if (!QChar::isSurrogate(unit)) {
            *out++ = char(0xe0 | (unit >> 12));
            *out++ = char(0x80 | ((unit >> 6) & 0x3f));
            *out++ = char(0x80 | (unit & 0x3f));
        } else if (QChar::isHighSurrogate(unit) && it != end && QChar::isLowSurrogate(*it)) {
            const char32_t point = QChar::surrogateToUcs4(unit, *it++);
            *out++ = char(0xf0 | (point >> 18));
            *out++ = char(0x80 | ((point >> 12) & 0x3f));
            *out++ = char(0x80 | ((point >> 6) & 0x3f));
            *out++ = char(0x80 | (point & 0x3f));
        } else {
            out = writeUnicodeEscape(out, unit);
        }
    }
    *out++ = '"';
    bytes.truncate(out - bytes.constData());
}

} // namespace

void JsonWriter::separate()
{
    if (!m_first)
        m_out.append(',');
    m_first = false;
}

JsonWriter &JsonWriter::open(char bracket)
{
    separate();
    m_out.append(bracket);
    m_first = true;
    return *this;
}

JsonWriter &JsonWriter::close(char bracket)
{
    m_out.append(bracket);
    m_first = false;
    return *this;
}

JsonWriter &JsonWriter::key(QByteArrayView name)
{
    separate();
    const qsizetype at = m_out.size();
    m_out.resize(at + name.size() + 3);
    char *out = m_out.data() + at;
    *out++ = '"';
    out = std::copy(name.begin(), name.end(), out);
    *out++ = '"';
    *out = ':';
    m_first = true; // the value that follows takes no comma
    return *this;
}

JsonWriter &JsonWriter::value(QStringView text)
{
    separate();
    appendEscaped(m_out, text);
    return *this;
}

JsonWriter &JsonWriter::value(QLatin1StringView text)
{
    return value(QStringView(QString(text)));
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    return *this;
}

JsonWriter &JsonWriter::value(bool boolean)
{
    separate();
    m_out.append(boolean ? "true" : "false");
    return *this;
}

JsonWriter &JsonWriter::nullValue()
{
    separate();
    m_out.append("null");
    return *this;
}

JsonWriter &JsonWriter::value(const QStringList &texts)
{
    beginArray();
    for (const QString &text : texts)
        value(QStringView(text));
    return endArray();
}

} // namespace Latchkey
