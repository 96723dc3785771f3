#include "base64url.h"

#include <array>

namespace Latchkey::Base64Url {

namespace {

constexpr char Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// -1 marks every byte outside the URL-safe alphabet, so '+', '/', '=' and whitespace fail.
constexpr std::array<signed char, 256> decodeTable()
{
    std::array<signed char, 256> table{};
    for (auto &entry : table)
        entry = -1;
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(Alphabet[i])] = static_cast<signed char>(i);
    return table;
}

constexpr auto DecodeTable = decodeTable();

} // namespace

QByteArray encode(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64UrlEncoding |
                                       QByteArray::OmitTrailingEquals);
}

std::optional<QByteArray> decode(QByteArrayView text)
{
    // A lone trailing character carries only 6 bits: no byte can have produced it.
    if (text.size() % 4 == 1)
        return std::nullopt;

    QByteArray out;
    out.reserve(text.size() * 3 / 4);
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int value = DecodeTable[static_cast<unsigned char>(c)];
        if (value < 0)
            return std::nullopt;
        buffer = (buffer << 6) | static_cast<quint32>(value);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out.append(static_cast<char>((buffer >> bits) & 0xff));
            buffer &= (1u << bits) - 1;
        }
    }
    // Non-zero leftover bits mean a non-canonical encoding; accepting it would let two strings
    // decode to the same bytes.
    if (buffer != 0)
        return std::nullopt;
    return out;
}

} // namespace Latchkey::Base64Url
