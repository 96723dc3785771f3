#include "age.h"

#include "crypto.h"
#include "random.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QtGlobal>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <memory>

namespace Latchkey::Age {

namespace {

constexpr char VersionPrefix[] = "age-encryption.org/";
constexpr char VersionLine[] = "age-encryption.org/v1";
constexpr char ScryptLabel[] = "age-encryption.org/v1/scrypt";
constexpr char ArmorBegin[] = "-----BEGIN AGE ENCRYPTED FILE-----";
constexpr char ArmorEnd[] = "-----END AGE ENCRYPTED FILE-----";

constexpr qsizetype FileKeySize = 16;
constexpr qsizetype KeySize = 32;
constexpr qsizetype TagSize = 16;
constexpr qsizetype SaltSize = 16;
constexpr qsizetype StanzaBodySize = FileKeySize + TagSize;
constexpr qsizetype MacSize = 32;
constexpr qsizetype MacTextSize = 43; // unpadded base64 of 32 bytes
constexpr qsizetype PayloadNonceSize = 16;
constexpr qsizetype ChunkSize = 64 * 1024;
constexpr qsizetype SealedChunkSize = ChunkSize + TagSize;
constexpr qsizetype HeaderColumns = 64;
constexpr qsizetype ArmorColumns = 64;
constexpr qsizetype ArmorBytesPerLine = ArmorColumns / 4 * 3;
constexpr int ScryptR = 8;
// 2^30 would need a TiB; no honest file asks for more.
constexpr int HardMaxWorkFactor = 30;

using AeadNonce = std::array<unsigned char, 12>;

// Wiped on every path out, so no key outlives its use. Not copyable: a copy would be a secret
// nobody wipes.
template<std::size_t Size>
class Secret final
{
public:
    Secret() = default;
    ~Secret() { OPENSSL_cleanse(m_bytes.data(), m_bytes.size()); }
    Q_DISABLE_COPY_MOVE(Secret)

    unsigned char *data() { return m_bytes.data(); }
    const unsigned char *data() const { return m_bytes.data(); }
    QByteArrayView view() const { return {m_bytes.data(), qsizetype(Size)}; }

private:
    std::array<unsigned char, Size> m_bytes{};
};

using FileKey = Secret<FileKeySize>;
using Key = Secret<KeySize>;

// OpenSSL may read through the pointer even for a zero length; an empty view has none.
const unsigned char *bytesOf(QByteArrayView view)
{
    static const unsigned char empty = 0;
    return view.isEmpty() ? &empty : reinterpret_cast<const unsigned char *>(view.data());
}

enum class Problem {
    NotAgeFile,
    UnsupportedVersion,
    MalformedHeader,
    MalformedArmor,
    NotPassphrase,
    MixedStanzas,
    WrongPassphrase,
    BadHeaderMac,
    Truncated,
    Damaged,
    EmptyFinalChunk,
    TrailingData,
};

QString message(Problem problem)
{
    switch (problem) {
    case Problem::NotAgeFile:
        return QCoreApplication::translate(
            "Latchkey::Age", "This is not an age-encrypted file. Choose a file made by an "
                             "encrypted export or by \"age -p\".");
    case Problem::UnsupportedVersion:
        return QCoreApplication::translate(
            "Latchkey::Age", "This file uses an age format version other than v1, which cannot "
                             "be read here. Decrypt it with the tool that made it.");
    case Problem::MalformedHeader:
        return QCoreApplication::translate(
            "Latchkey::Age", "The age header of this file is malformed: the file is damaged or "
                             "was not written by age. Get a fresh copy of the file.");
    case Problem::MalformedArmor:
        return QCoreApplication::translate(
            "Latchkey::Age", "The armored age text is malformed: its BEGIN or END line, its line "
                             "lengths or its base64 were changed. Get a fresh copy of the file "
                             "and do not edit it by hand.");
    case Problem::NotPassphrase:
        return QCoreApplication::translate(
            "Latchkey::Age", "This file was encrypted to an age key, not with a passphrase. "
                             "Decrypt it with \"age -d -i\" and the matching identity file.");
    case Problem::MixedStanzas:
        return QCoreApplication::translate(
            "Latchkey::Age", "The header of this file mixes a passphrase with other recipients, "
                             "which the age format forbids: the file was tampered with or made "
                             "by a faulty tool. Get a fresh copy of the file.");
    case Problem::WrongPassphrase:
        return QCoreApplication::translate(
            "Latchkey::Age", "Wrong passphrase: the file could not be unlocked with it. Check "
                             "the passphrase, including upper and lower case, and try again.");
    case Problem::BadHeaderMac:
        return QCoreApplication::translate(
            "Latchkey::Age", "The header of this file failed its integrity check: the file was "
                             "damaged or altered after it was encrypted. Get a fresh copy of the "
                             "file.");
    case Problem::Truncated:
        return QCoreApplication::translate(
            "Latchkey::Age", "The file is truncated: the encrypted data ends too early. Copy the "
                             "whole file again.");
    case Problem::Damaged:
        return QCoreApplication::translate(
            "Latchkey::Age", "The encrypted data is damaged or was altered after encryption, so "
                             "none of it can be trusted. Get a fresh copy of the file.");
    case Problem::EmptyFinalChunk:
        return QCoreApplication::translate(
            "Latchkey::Age", "The encrypted data ends with an empty chunk, which the age format "
                             "forbids: the file was altered or made by a faulty tool. Get a "
                             "fresh copy of the file.");
    case Problem::TrailingData:
        return QCoreApplication::translate(
            "Latchkey::Age", "The file has extra data after the end of its encrypted content, so "
                             "it was altered. Get a fresh copy of the file.");
    }
    Q_UNREACHABLE();
}

DecryptResult failure(Problem problem)
{
    return {std::nullopt, message(problem)};
}

// 2^(workFactor + 10) bytes: scrypt's 128·r·N with r = 8.
QString memoryFor(int workFactor)
{
    workFactor = std::max(workFactor, 0);
    if (workFactor > 52)
        return QCoreApplication::translate("Latchkey::Age", "more memory than any computer has");
    return QLocale().formattedDataSize(qint64(1) << (workFactor + 10), 0,
                                       QLocale::DataSizeIecFormat);
}

DecryptResult tooMuchMemory(QByteArrayView workFactorText, int workFactor, int limit)
{
    // The text comes from the file: keep a hostile one from filling the message.
    constexpr qsizetype Shown = 20;
    const QString shown = workFactorText.size() > Shown
                              ? QString::fromLatin1(workFactorText.first(Shown)) + u'\u2026'
                              : QString::fromLatin1(workFactorText);
    return {std::nullopt,
            QCoreApplication::translate(
                "Latchkey::Age",
                "This file needs too much memory to decrypt: its passphrase work factor is %1, "
                "which takes %2, above the limit of %3 (%4). Ask for a copy encrypted with a "
                "lower work factor, or decrypt it with the age tool on a computer with enough "
                "memory.")
                .arg(shown, memoryFor(workFactor), QString::number(limit), memoryFor(limit))};
}

DecryptResult outOfMemory(int workFactor)
{
    return {std::nullopt,
            QCoreApplication::translate(
                "Latchkey::Age", "There was not enough memory to check the passphrase (the file "
                                 "needs %1). Close other programs and try again.")
                .arg(memoryFor(workFactor))};
}

// Standard base64 (RFC 4648 §4), as the age header uses it: no padding, canonical.

constexpr char Base64Alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

constexpr std::array<signed char, 256> base64DecodeTable()
{
    std::array<signed char, 256> table{};
    for (auto &entry : table)
        entry = -1;
    for (int i = 0; i < 64; ++i)
        table[static_cast<unsigned char>(Base64Alphabet[i])] = static_cast<signed char>(i);
    return table;
}

constexpr auto Base64DecodeTable = base64DecodeTable();

bool isBase64Char(char c)
{
    return Base64DecodeTable[static_cast<unsigned char>(c)] >= 0;
}

QByteArray encodeBase64(QByteArrayView data)
{
    return data.toByteArray().toBase64(QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals);
}

// Rejects padding, characters outside the alphabet and non-zero leftover bits: the spec wants
// exactly one encoding per value, so that the header cannot be altered without breaking the MAC.
std::optional<QByteArray> decodeBase64(QByteArrayView text)
{
    if (text.size() % 4 == 1)
        return std::nullopt;
    QByteArray out;
    out.reserve(text.size() * 3 / 4);
    quint32 buffer = 0;
    int bits = 0;
    for (const char c : text) {
        const int value = Base64DecodeTable[static_cast<unsigned char>(c)];
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
    if (buffer != 0)
        return std::nullopt;
    return out;
}

// The armor's base64 carries '=' padding, which must be exactly what the length calls for.
std::optional<QByteArray> decodePaddedBase64(QByteArrayView text)
{
    if (text.size() % 4 != 0)
        return std::nullopt;
    qsizetype padding = 0;
    while (padding < 2 && padding < text.size() && text[text.size() - 1 - padding] == '=')
        ++padding;
    const QByteArrayView unpadded = text.chopped(padding);
    if ((padding == 0 && unpadded.size() % 4 != 0) || (padding == 1 && unpadded.size() % 4 != 3) ||
        (padding == 2 && unpadded.size() % 4 != 2))
        return std::nullopt;
    return decodeBase64(unpadded);
}

// OpenSSL primitives. Failures of encryption-side calls abort: carrying on would lose the
// plaintext or write a file nobody can open.

struct KdfDeleter
{
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
};
struct KdfCtxDeleter
{
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
};
struct CipherCtxDeleter
{
    void operator()(EVP_CIPHER_CTX *ctx) const { EVP_CIPHER_CTX_free(ctx); }
};

// HKDF-SHA-256 with a 32-byte output. An empty salt is left out, which RFC 5869 defines as the
// same thing (HashLen zero bytes).
void hkdfSha256(QByteArrayView ikm, QByteArrayView salt, const char *info, Key &out)
{
    const std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, "HKDF", nullptr));
    const std::unique_ptr<EVP_KDF_CTX, KdfCtxDeleter> ctx(kdf ? EVP_KDF_CTX_new(kdf.get())
                                                              : nullptr);
    char digest[] = "SHA256";
    std::array<OSSL_PARAM, 5> params{};
    std::size_t n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[n++] = OSSL_PARAM_construct_octet_string(
        OSSL_KDF_PARAM_KEY, const_cast<unsigned char *>(bytesOf(ikm)), std::size_t(ikm.size()));
    if (!salt.isEmpty())
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
                                                        const_cast<unsigned char *>(bytesOf(salt)),
                                                        std::size_t(salt.size()));
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char *>(info),
                                                    std::strlen(info));
    params[n] = OSSL_PARAM_construct_end();
    if (!ctx || EVP_KDF_derive(ctx.get(), out.data(), std::size_t(KeySize), params.data()) != 1)
        qFatal("OpenSSL HKDF-SHA256 failed");
}

// scrypt(N = 2^workFactor, r = 8, p = 1) keyed with "age-encryption.org/v1/scrypt" || salt.
// False when OpenSSL cannot get the memory.
bool scryptKey(QByteArrayView passphrase, QByteArrayView salt, int workFactor, Key &out)
{
    const QByteArray fullSalt = QByteArray(ScryptLabel) + salt.toByteArray();
    const std::uint64_t n = std::uint64_t(1) << workFactor;
    // OpenSSL refuses to use more than maxmem, 32 MiB by default, yet age's default work factor
    // needs 128·r·N = 256 MiB. Twice the need leaves room for OpenSSL's own bookkeeping.
    const std::uint64_t maxMemory = std::uint64_t(128) * ScryptR * (n + 2) * 2;
    return EVP_PBE_scrypt(reinterpret_cast<const char *>(bytesOf(passphrase)),
                          std::size_t(passphrase.size()), bytesOf(fullSalt),
                          std::size_t(fullSalt.size()), n, ScryptR, 1, maxMemory, out.data(),
                          std::size_t(KeySize)) == 1;
}

// ChaCha20-Poly1305 (RFC 7539) under one key, sealing or opening one message per nonce.
class ChaCha20Poly1305 final
{
public:
    enum class Direction { Seal, Open };

    ChaCha20Poly1305(const Key &key, Direction direction)
        : m_ctx(EVP_CIPHER_CTX_new())
    {
        if (!m_ctx || EVP_CipherInit_ex(m_ctx.get(), EVP_chacha20_poly1305(), nullptr, key.data(),
                                        nullptr, direction == Direction::Seal ? 1 : 0) != 1)
            qFatal("OpenSSL ChaCha20-Poly1305 initialisation failed");
    }

    // Writes plaintext.size() + TagSize bytes to `out`.
    void seal(const AeadNonce &nonce, QByteArrayView plaintext, unsigned char *out)
    {
        int length = 0;
        int finalLength = 0;
        if (EVP_CipherInit_ex(m_ctx.get(), nullptr, nullptr, nullptr, nonce.data(), 1) != 1 ||
            EVP_CipherUpdate(m_ctx.get(), out, &length, bytesOf(plaintext),
                             int(plaintext.size())) != 1 ||
            EVP_CipherFinal_ex(m_ctx.get(), out + length, &finalLength) != 1 ||
            length + finalLength != plaintext.size() ||
            EVP_CIPHER_CTX_ctrl(m_ctx.get(), EVP_CTRL_AEAD_GET_TAG, int(TagSize),
                                out + plaintext.size()) != 1)
            qFatal("OpenSSL ChaCha20-Poly1305 encryption failed");
    }

    // Writes sealed.size() - TagSize bytes to `out`; false if the tag does not verify.
    [[nodiscard]] bool open(const AeadNonce &nonce, QByteArrayView sealed, unsigned char *out)
    {
        if (sealed.size() < TagSize)
            return false;
        const QByteArrayView ciphertext = sealed.chopped(TagSize);
        std::array<unsigned char, TagSize> tag{};
        std::copy_n(bytesOf(sealed.last(TagSize)), TagSize, tag.begin());
        int length = 0;
        int finalLength = 0;
        return EVP_CipherInit_ex(m_ctx.get(), nullptr, nullptr, nullptr, nonce.data(), 0) == 1 &&
               EVP_CipherUpdate(m_ctx.get(), out, &length, bytesOf(ciphertext),
                                int(ciphertext.size())) == 1 &&
               EVP_CIPHER_CTX_ctrl(m_ctx.get(), EVP_CTRL_AEAD_SET_TAG, int(TagSize), tag.data()) ==
                   1 &&
               EVP_CipherFinal_ex(m_ctx.get(), out + length, &finalLength) == 1 &&
               length + finalLength == ciphertext.size();
    }

private:
    std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter> m_ctx;
};

// STREAM nonce: an 11-byte big-endian chunk counter, then 0x01 for the final chunk.
AeadNonce chunkNonce(qsizetype counter, bool last)
{
    AeadNonce nonce{};
    auto value = static_cast<std::uint64_t>(counter);
    for (int i = 10; i >= 0 && value != 0; --i, value >>= 8)
        nonce[std::size_t(i)] = static_cast<unsigned char>(value & 0xff);
    nonce[11] = last ? 1 : 0;
    return nonce;
}

// The header MAC: HMAC-SHA-256 under HKDF(file key, "", "header") over everything up to and
// including "---".
QByteArray headerMac(const FileKey &fileKey, QByteArrayView header)
{
    Key macKey;
    hkdfSha256(fileKey.view(), {}, "header", macKey);
    return Crypto::hmacSha256(macKey.view(), header);
}

// A stanza body in base64, wrapped at 64 columns; the last line is always shorter, so a body
// whose encoding fills whole lines ends with an empty one.
QByteArray wrappedBody(QByteArrayView body)
{
    const QByteArray text = encodeBase64(body);
    QByteArray out;
    for (qsizetype at = 0;; at += HeaderColumns) {
        const QByteArrayView line =
            QByteArrayView(text).sliced(at, std::min<qsizetype>(HeaderColumns, text.size() - at));
        out += line.toByteArray() + '\n';
        if (line.size() < HeaderColumns)
            break;
    }
    return out;
}

QByteArray armored(QByteArrayView binary)
{
    QByteArray out = QByteArray(ArmorBegin) + '\n';
    for (qsizetype at = 0; at < binary.size(); at += ArmorBytesPerLine)
        out += binary.sliced(at, std::min<qsizetype>(ArmorBytesPerLine, binary.size() - at))
                   .toByteArray()
                   .toBase64() +
               '\n';
    out += QByteArray(ArmorEnd) + '\n';
    return out;
}

// Strict PEM (RFC 7468 §3, figure 3) as the age spec asks: only whitespace around the block, LF
// or CRLF line ends, full 64-column lines but the last, canonical padded base64.
std::optional<QByteArray> dearmored(QByteArrayView text)
{
    QList<QByteArrayView> lines;
    const QByteArrayView block = text.trimmed();
    for (qsizetype at = 0; at <= block.size();) {
        qsizetype end = block.indexOf('\n', at);
        if (end < 0)
            end = block.size();
        QByteArrayView line = block.sliced(at, end - at);
        if (line.endsWith('\r'))
            line.chop(1);
        lines.append(line);
        at = end + 1;
    }
    if (lines.size() < 3 || lines.first() != QByteArrayView(ArmorBegin) ||
        lines.last() != QByteArrayView(ArmorEnd))
        return std::nullopt;

    QByteArray base64;
    for (qsizetype i = 1; i < lines.size() - 1; ++i) {
        const bool last = i == lines.size() - 2;
        const QByteArrayView line = lines[i];
        if (last ? (line.isEmpty() || line.size() > ArmorColumns || line.size() % 4 != 0)
                 : line.size() != ArmorColumns)
            return std::nullopt;
        base64 += line.toByteArray();
    }
    return decodePaddedBase64(base64);
}

QList<QByteArrayView> splitOnSpaces(QByteArrayView text)
{
    QList<QByteArrayView> parts;
    for (qsizetype at = 0;;) {
        const qsizetype end = text.indexOf(' ', at);
        parts.append(text.sliced(at, (end < 0 ? text.size() : end) - at));
        if (end < 0)
            return parts;
        at = end + 1;
    }
}

bool isVisibleAscii(QByteArrayView text)
{
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}

struct Stanza
{
    QList<QByteArrayView> arguments;
    QByteArray body;
};

struct Header
{
    QList<Stanza> stanzas;
    QByteArrayView macInput; // the header up to and including "---"
    QByteArray mac;
    QByteArrayView payload;
};

struct ParsedHeader
{
    std::optional<Header> header;
    Problem problem = Problem::MalformedHeader;
};

// Reads the header by the ABNF of the spec; anything else in a header line is an error.
ParsedHeader parseHeader(QByteArrayView file)
{
    qsizetype position = 0;
    const auto nextLine = [&]() -> std::optional<QByteArrayView> {
        const qsizetype end = file.indexOf('\n', position);
        if (end < 0)
            return std::nullopt;
        const QByteArrayView line = file.sliced(position, end - position);
        position = end + 1;
        return line;
    };

    if (!file.startsWith(QByteArrayView(VersionPrefix)))
        return {std::nullopt, Problem::NotAgeFile};
    const auto version = nextLine();
    if (!version || !isVisibleAscii(*version))
        return {};
    if (*version != QByteArrayView(VersionLine))
        return {std::nullopt, Problem::UnsupportedVersion};

    Header header;
    for (;;) {
        const qsizetype lineStart = position;
        const auto line = nextLine();
        if (!line)
            return {};
        if (line->startsWith("-> ")) {
            Stanza stanza;
            for (const QByteArrayView argument : splitOnSpaces(line->sliced(3))) {
                if (argument.isEmpty() || !isVisibleAscii(argument))
                    return {};
                stanza.arguments.append(argument);
            }
            QByteArray bodyText;
            for (;;) {
                const auto bodyLine = nextLine();
                if (!bodyLine || bodyLine->size() > HeaderColumns ||
                    !std::all_of(bodyLine->begin(), bodyLine->end(), isBase64Char))
                    return {};
                bodyText += bodyLine->toByteArray();
                if (bodyLine->size() < HeaderColumns)
                    break;
            }
            auto body = decodeBase64(bodyText);
            if (!body)
                return {};
            stanza.body = std::move(*body);
            header.stanzas.append(std::move(stanza));
        } else if (line->startsWith("---")) {
            if (header.stanzas.isEmpty() || line->size() != 4 + MacTextSize || line->at(3) != ' ')
                return {};
            auto mac = decodeBase64(line->sliced(4));
            if (!mac || mac->size() != MacSize)
                return {};
            header.macInput = file.first(lineStart + 3);
            header.mac = std::move(*mac);
            header.payload = file.sliced(position);
            ParsedHeader parsed;
            parsed.header = std::move(header);
            return parsed;
        } else {
            return {};
        }
    }
}

// "^[1-9][0-9]*$"; anything longer than two digits is far above any limit, so it is not parsed.
std::optional<int> parseWorkFactor(QByteArrayView text)
{
    if (text.isEmpty() || text.front() < '1' || text.front() > '9' ||
        !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    if (text.size() > 2)
        return 100;
    return text.size() == 1 ? text[0] - '0' : (text[0] - '0') * 10 + (text[1] - '0');
}

// Decrypts the STREAM payload: nonce, then 64 KiB chunks of which only the last carries the
// final flag and may be shorter. Whatever decrypted before a failure is wiped, not returned.
DecryptResult decryptPayload(const FileKey &fileKey, QByteArrayView payload)
{
    if (payload.size() < PayloadNonceSize + TagSize)
        return failure(Problem::Truncated);
    Key payloadKey;
    hkdfSha256(fileKey.view(), payload.first(PayloadNonceSize), "payload", payloadKey);
    const QByteArrayView stream = payload.sliced(PayloadNonceSize);

    qsizetype chunkCount = (stream.size() + SealedChunkSize - 1) / SealedChunkSize;
    qsizetype finalSize = stream.size() - (chunkCount - 1) * SealedChunkSize;
    // Fewer bytes than a tag after the last full chunk are no chunk: either the file was cut
    // inside the next chunk or something was appended to a full final one. How that full chunk
    // opens tells which.
    const bool dangling = finalSize < TagSize;
    if (dangling) {
        if (chunkCount == 1)
            return failure(Problem::Truncated);
        --chunkCount;
        finalSize = SealedChunkSize;
    } else if (finalSize == TagSize && chunkCount > 1) {
        // Only an empty file is encrypted as a lone empty chunk.
        return failure(Problem::EmptyFinalChunk);
    }

    QByteArray plaintext((chunkCount - 1) * ChunkSize + finalSize - TagSize, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(plaintext.data());
    const auto fail = [&plaintext](Problem problem) {
        OPENSSL_cleanse(plaintext.data(), std::size_t(plaintext.size()));
        return failure(problem);
    };

    ChaCha20Poly1305 aead(payloadKey, ChaCha20Poly1305::Direction::Open);
    for (qsizetype i = 0; i < chunkCount; ++i) {
        const bool last = i == chunkCount - 1;
        const QByteArrayView sealed =
            stream.sliced(i * SealedChunkSize, last ? finalSize : SealedChunkSize);
        unsigned char *chunkOut = out + i * ChunkSize;
        if (aead.open(chunkNonce(i, last), sealed, chunkOut))
            continue;
        // A full chunk that opens with the other flag tells a cut or an extended file apart from
        // a damaged one.
        if (sealed.size() == SealedChunkSize && aead.open(chunkNonce(i, !last), sealed, chunkOut))
            return fail(last ? Problem::Truncated : Problem::TrailingData);
        return fail(Problem::Damaged);
    }
    if (dangling)
        return fail(Problem::TrailingData);
    return {std::move(plaintext), {}};
}

} // namespace

QByteArray encryptWithPassphrase(QByteArrayView plaintext, QByteArrayView passphrase,
                                 const EncryptOptions &options)
{
    const int workFactor = options.workFactor;
    if (workFactor < 1 || workFactor > HardMaxWorkFactor)
        qFatal("Age::encryptWithPassphrase: the work factor must be 1..%d", HardMaxWorkFactor);

    FileKey fileKey;
    if (RAND_bytes(fileKey.data(), int(FileKeySize)) != 1)
        qFatal("OpenSSL's CSPRNG failed; refusing to go on with predictable secrets");
    const QByteArray salt = Random::bytes(SaltSize);

    Key wrapKey;
    if (!scryptKey(passphrase, salt, workFactor, wrapKey))
        qFatal("OpenSSL scrypt failed (work factor %d)", workFactor);
    std::array<unsigned char, StanzaBodySize> body{};
    ChaCha20Poly1305(wrapKey, ChaCha20Poly1305::Direction::Seal)
        .seal(AeadNonce{}, fileKey.view(), body.data());

    QByteArray file = QByteArray(VersionLine) + '\n' + "-> scrypt " + encodeBase64(salt) + ' ' +
                      QByteArray::number(workFactor) + '\n' +
                      wrappedBody(QByteArrayView(body.data(), StanzaBodySize)) + "---";
    file += ' ' + encodeBase64(headerMac(fileKey, file)) + '\n';

    const QByteArray nonce = Random::bytes(PayloadNonceSize);
    Key payloadKey;
    hkdfSha256(fileKey.view(), nonce, "payload", payloadKey);
    const qsizetype chunkCount =
        std::max<qsizetype>(1, (plaintext.size() + ChunkSize - 1) / ChunkSize);
    const qsizetype payloadStart = file.size() + PayloadNonceSize;
    file += nonce;
    file.resize(payloadStart + plaintext.size() + chunkCount * TagSize);
    auto *out = reinterpret_cast<unsigned char *>(file.data()) + payloadStart;

    ChaCha20Poly1305 aead(payloadKey, ChaCha20Poly1305::Direction::Seal);
    for (qsizetype i = 0; i < chunkCount; ++i) {
        const QByteArrayView chunk = plaintext.sliced(
            i * ChunkSize, std::min<qsizetype>(ChunkSize, plaintext.size() - i * ChunkSize));
        aead.seal(chunkNonce(i, i == chunkCount - 1), chunk, out + i * SealedChunkSize);
    }
    return options.armor ? armored(file) : file;
}

DecryptResult decryptWithPassphrase(QByteArrayView file, QByteArrayView passphrase,
                                    int maxWorkFactor)
{
    QByteArray decoded;
    QByteArrayView binary = file;
    if (isArmored(file)) {
        auto text = dearmored(file);
        if (!text)
            return failure(Problem::MalformedArmor);
        decoded = std::move(*text);
        binary = decoded;
    }

    const ParsedHeader parsed = parseHeader(binary);
    if (!parsed.header)
        return failure(parsed.problem);
    const Header &header = *parsed.header;

    const auto isScrypt = [](const Stanza &stanza) {
        return stanza.arguments.first() == QByteArrayView("scrypt");
    };
    if (std::none_of(header.stanzas.cbegin(), header.stanzas.cend(), isScrypt))
        return failure(Problem::NotPassphrase);
    if (header.stanzas.size() != 1)
        return failure(Problem::MixedStanzas);

    // Every check on the stanza comes before scrypt runs, and the body length before it is
    // decrypted (the spec's defence against partitioning oracles).
    const Stanza &stanza = header.stanzas.first();
    if (stanza.arguments.size() != 3)
        return failure(Problem::MalformedHeader);
    const auto salt = decodeBase64(stanza.arguments[1]);
    const auto workFactor = parseWorkFactor(stanza.arguments[2]);
    if (!salt || salt->size() != SaltSize || !workFactor || stanza.body.size() != StanzaBodySize)
        return failure(Problem::MalformedHeader);
    const int limit = std::clamp(maxWorkFactor, 0, HardMaxWorkFactor);
    if (*workFactor > limit)
        return tooMuchMemory(stanza.arguments[2], *workFactor, limit);

    FileKey fileKey;
    {
        Key wrapKey;
        if (!scryptKey(passphrase, *salt, *workFactor, wrapKey))
            return outOfMemory(*workFactor);
        if (!ChaCha20Poly1305(wrapKey, ChaCha20Poly1305::Direction::Open)
                 .open(AeadNonce{}, stanza.body, fileKey.data()))
            return failure(Problem::WrongPassphrase);
    }
    if (!Crypto::constantTimeEquals(headerMac(fileKey, header.macInput), header.mac))
        return failure(Problem::BadHeaderMac);
    return decryptPayload(fileKey, header.payload);
}

bool isAgeFile(QByteArrayView data)
{
    return data.startsWith(QByteArrayView(VersionPrefix)) || isArmored(data);
}

bool isArmored(QByteArrayView data)
{
    return data.trimmed().startsWith(QByteArrayView(ArmorBegin));
}

} // namespace Latchkey::Age
