// Latchkey::Age against the age v1 spec, the C2SP CCTV test vectors and Debian's age binary.
//
// Interoperability: age reads passphrases from its controlling terminal, never from stdin, so
// runAge() starts it with forkpty(3) on a fresh pseudo-terminal and types the passphrase (plus a
// newline) each time a prompt ending in "passphrase...: " shows up on the terminal. Those tests
// are skipped when no `age` is on PATH (tools/install-deps installs it).

#include "protocol/age.h"
#include "protocol/crypto.h"
#include "protocol/random.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// Only to seal hand-made STREAM payloads below; the library links OpenSSL for us.
#include <openssl/evp.h>

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <vector>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

const QByteArray passphrase = "correct horse battery staple"_ba;
constexpr int fastWorkFactor = 10; // tests only; age accepts any work factor
constexpr qsizetype chunkSize = 64 * 1024;
constexpr qsizetype sealedChunkSize = chunkSize + 16;

// What each kind of failure says; the tests check a user sees the right one.
namespace Says {
const QString malformed = u"malformed"_s;
const QString wrongPassphrase = u"Wrong passphrase"_s;
const QString badMac = u"integrity check"_s;
const QString tooMuchMemory = u"too much memory"_s;
const QString truncated = u"truncated"_s;
const QString damaged = u"damaged"_s;
const QString trailingData = u"extra data"_s;
const QString emptyChunk = u"empty chunk"_s;
const QString notAge = u"not an age-encrypted file"_s;
const QString notPassphrase = u"age key"_s;
const QString mixed = u"mixes a passphrase"_s;
const QString badVersion = u"format version"_s;
} // namespace Says

Age::EncryptOptions fast(bool armor = false)
{
    return {fastWorkFactor, armor};
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// Where the payload starts: after the line that begins with "---".
qsizetype payloadStart(const QByteArray &file)
{
    return file.indexOf('\n', file.indexOf("\n---"_ba) + 1) + 1;
}

QByteArray flipped(QByteArray data, qsizetype at)
{
    data[at] = char(data[at] ^ 0x01);
    return data;
}

// C2SP CCTV age/testdata vectors (https://github.com/C2SP/CCTV/tree/main/age, 0BSD / CC0 /
// Unlicense), the ones for the scrypt recipient. Each was rebuilt byte for byte from its testkit
// recipe and checked against the SHA-1 git blob id of the published file (scrypt_double against
// its published header and length). `expect` is CCTV's verdict, `error` the message we give.
struct CctvVector
{
    const char *name;
    const char *passphrase;
    const char *expect;
    const char *error;
    const char *payloadSha256;
    const char *header;
    const char *payloadHex;
};

const CctvVector cctvVectorTable[] = {
    {"scrypt", "password", "success", "",
     "013f54400c82da08037759ada907a8b864e97de81c088a182062c4b5622fd2ab",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10\n"
     "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n"
     "--- IOXiQYStkoT1mvZW2tFOqZdhRVvj58egABx/sWfZQbc\n",
     "1b35c6e687dd00da3ac379ac9f742c21fd185a1b9e3ded739d14ac6a9a50124db866d8"},
    {"scrypt_bad_tag", "password", "no match", "Wrong passphrase", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10\n"
     "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2abk\n"
     "--- SrAokXI05aok1vecCAoCV8gWjDJDHWjJhOWzMkMWRFM\n",
     "1b35c6e687dd00da3ac379ac9f742c21fd185a1b9e3ded739d14ac6a9a50124db866d8"},
    {"scrypt_double", "password", "header failure", "mixes a passphrase", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10\n"
     "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n"
     "-> scrypt GzXG5ofdANo6w3msn3QsIQ 10\n"
     "OveITuwxakv7k2oLnioNYF4Bhgz9KZ36pb098wDoAv8\n"
     "--- a5d+4Ay1evJhoDskIzuTZV9bBgKk4573VZNfuoWJDPE\n",
     "eecf62c7ce91b433274e68d4f2f9134cb74c5bfef7beaa52c8f0bc0e992c1e8331fb66"},
    {"scrypt_extra_argument", "password", "header failure", "malformed", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10 10\n"
     "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n"
     "--- bD1boyD2mrBqlBY+sUKnMoPbNVUEQz0di1yWSFM/eMs\n",
     "1b35c6e687dd00da3ac379ac9f742c21fd185a1b9e3ded739d14ac6a9a50124db866d8"},
    {"scrypt_long_file_key", "password", "header failure", "malformed", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10\n"
     "mS3EyWBaVFSlC69BLnTvh6jp4x0GNGz4fjvm7/IeZ/HjGkufKkN26ZU\n"
     "--- +U4J6fXsGl1AdkxLjoSJ0lvUGPj/3XuN726BmKTwooU\n",
     "1b35c6e687dd00da3ac379ac9f742c215b3b1d939bca94caadc10eed9dbcbb72bc49f5"},
    {"scrypt_no_match", "wrong", "no match", "Wrong passphrase", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10\n"
     "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n"
     "--- IOXiQYStkoT1mvZW2tFOqZdhRVvj58egABx/sWfZQbc\n",
     "1b35c6e687dd00da3ac379ac9f742c21fd185a1b9e3ded739d14ac6a9a50124db866d8"},
    {"scrypt_not_canonical_body", "password", "header failure", "malformed", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10\n"
     "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUZ\n"
     "--- Gv9VJQCscGbbIVgo1Xm1ANUhnoySLqukpLkSGzH+crk\n",
     "1b35c6e687dd00da3ac379ac9f742c21fd185a1b9e3ded739d14ac6a9a50124db866d8"},
    {"scrypt_salt_short", "password", "header failure", "malformed", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQg 10\n"
     "ZGF2/KEUvcpgN3Tx0IlLDplomb6zR8IFVE5A3VzU1gg\n"
     "--- Lq300cKdC3gevT3PNOr/reWypdfOX6oEmyfmOnCaAzk\n",
     "4697b9091b35c6e687dd00da3ac379ace4634c8f8f2ee44e0f4f646c5fc72d81bd1711"},
    {"scrypt_work_factor_23", "password", "header failure", "too much memory", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 23\n"
     "qW9eVsT0NVb/Vswtw8kPIxUnaYmm9Px1dYmq2+4+qZA\n"
     "--- 38TpQMxQRRNMfmYYpBX6DDrPx4/QY5UmJnhPyVoX/cw\n",
     "ac5d3f3706e55071d3a604204697b9090595c2f7f5dbaee80d7a018c2872058af3ce7c"},
    {"scrypt_work_factor_hex", "password", "header failure", "malformed", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 0xa\n"
     "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n"
     "--- Zhfvm6wXgjB06Uuu4GdFFKOAkvLkoS964+CClpeHSUM\n",
     "1b35c6e687dd00da3ac379ac9f742c21fd185a1b9e3ded739d14ac6a9a50124db866d8"},
    {"scrypt_work_factor_leading_zero_decimal", "password", "header failure", "malformed", "",
     "age-encryption.org/v1\n"
     "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 010\n"
     "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n"
     "--- 6h3P4+w4yVp0e42ozUDcD/zmLUc/T2wlKERb95zfBZo\n",
     "1b35c6e687dd00da3ac379ac9f742c21fd185a1b9e3ded739d14ac6a9a50124db866d8"},
};

// CCTV's armor_scrypt: the "scrypt" vector above in ASCII armor.
const QByteArray cctvArmored = "-----BEGIN AGE ENCRYPTED FILE-----\n"
                               "YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IHNjcnlwdCByRjAvTndibFVISFRwZ1Fn\n"
                               "UnBlNUNRIDEwCmdVakV5bUZLTVZYUUVLZE1NSEwyNG9ZZXhqRTNUSUMwTzB6R1Nx\n"
                               "SjJhVVkKLS0tIElPWGlRWVN0a29UMW12WlcydEZPcVpkaFJWdmo1OGVnQUJ4L3NX\n"
                               "ZlpRYmMKGzXG5ofdANo6w3msn3QsIf0YWhuePe1znRSsappQEk24Ztg=\n"
                               "-----END AGE ENCRYPTED FILE-----\n"_ba;

QByteArray cctvFile(const CctvVector &vector)
{
    return QByteArray(vector.header) + QByteArray::fromHex(vector.payloadHex);
}

// The CCTV "scrypt" header wraps the file key "YELLOW SUBMARINE" under "password" with a valid
// MAC, so any payload sealed under that key below makes a file whose header is good: the STREAM
// rules can then be tested on their own.
const QByteArray cctvFileKey = "YELLOW SUBMARINE"_ba;
const QByteArray cctvNonce = QByteArray::fromHex("1b35c6e687dd00da3ac379ac9f742c21");

QByteArray cctvHeader()
{
    return QByteArray(cctvVectorTable[0].header);
}

// HKDF-SHA-256 (RFC 5869) for one 32-byte block, from HMAC alone.
QByteArray hkdfSha256(const QByteArray &ikm, const QByteArray &salt, const QByteArray &info)
{
    return Crypto::hmacSha256(Crypto::hmacSha256(salt, ikm), QByteArray(info + '\x01'));
}

QByteArray sealChunk(const QByteArray &key, qint64 counter, bool last, const QByteArray &plaintext)
{
    std::array<unsigned char, 12> nonce{};
    for (int i = 10; i >= 3; --i, counter >>= 8)
        nonce[std::size_t(i)] = static_cast<unsigned char>(counter & 0xff);
    nonce[11] = last ? 1 : 0;
    QByteArray out(plaintext.size() + 16, Qt::Uninitialized);
    auto *data = reinterpret_cast<unsigned char *>(out.data());
    EVP_CIPHER_CTX *ctx = EVP_CIPHER_CTX_new();
    int length = 0;
    int finalLength = 0;
    const bool ok =
        ctx &&
        EVP_EncryptInit_ex(ctx, EVP_chacha20_poly1305(), nullptr,
                           reinterpret_cast<const unsigned char *>(key.constData()),
                           nonce.data()) == 1 &&
        EVP_EncryptUpdate(ctx, data, &length,
                          reinterpret_cast<const unsigned char *>(plaintext.constData()),
                          int(plaintext.size())) == 1 &&
        EVP_EncryptFinal_ex(ctx, data + length, &finalLength) == 1 &&
        EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_AEAD_GET_TAG, 16, data + plaintext.size()) == 1;
    EVP_CIPHER_CTX_free(ctx);
    if (!ok)
        qFatal("test: ChaCha20-Poly1305 failed");
    return out;
}

struct Chunk
{
    QByteArray plaintext;
    qint64 counter;
    bool last;
};

QByteArray cctvFileWith(const QList<Chunk> &chunks)
{
    const QByteArray key = hkdfSha256(cctvFileKey, cctvNonce, "payload"_ba);
    QByteArray file = cctvHeader() + cctvNonce;
    for (const Chunk &chunk : chunks)
        file += sealChunk(key, chunk.counter, chunk.last, chunk.plaintext);
    return file;
}

// Checks a decryption's outcome: the plaintext, or an error containing `errorContains` and no
// plaintext at all.
void checkResult(const Age::DecryptResult &result, const QByteArray &expected,
                 const QString &errorContains)
{
    if (errorContains.isEmpty()) {
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QVERIFY(result.plaintext.has_value());
        QCOMPARE(result.plaintext->size(), expected.size());
        QVERIFY(*result.plaintext == expected);
    } else {
        QVERIFY2(!result.plaintext.has_value(), "a failed decryption returned plaintext");
        QVERIFY2(result.error.contains(errorContains),
                 qPrintable(u"expected \""_s + errorContains + u"\" in: "_s + result.error));
        QVERIFY2(result.error.endsWith(u'.'), qPrintable(result.error));
    }
}

struct AgeRun
{
    bool started = false;
    bool timedOut = false;
    int exitCode = -1;
    QByteArray terminal; // everything age wrote to its terminal
};

// Runs `age arguments...` on a pseudo-terminal, typing `typed` at each passphrase prompt.
AgeRun runAge(const QString &age, const QStringList &arguments, const QByteArray &typed)
{
    // Everything the child needs is built before fork(): between fork and exec only
    // async-signal-safe calls are allowed.
    QList<QByteArray> argv8{QFile::encodeName(age)};
    for (const QString &argument : arguments)
        argv8.append(QFile::encodeName(argument));
    std::vector<char *> argv;
    for (QByteArray &argument : argv8)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    AgeRun run;
    int terminal = -1;
    const pid_t pid = forkpty(&terminal, nullptr, nullptr, nullptr);
    if (pid < 0)
        return run;
    if (pid == 0) {
        execv(argv[0], argv.data());
        _exit(127);
    }
    run.started = true;

    const QDeadlineTimer deadline(60000);
    QByteArray sincePrompt;
    for (;;) {
        pollfd fd{terminal, POLLIN, 0};
        const int ready = poll(&fd, 1, 100);
        if (ready < 0 && errno != EINTR)
            break;
        if (ready > 0) {
            std::array<char, 4096> buffer{};
            const ssize_t count = read(terminal, buffer.data(), buffer.size());
            if (count <= 0)
                break; // EIO: age exited and closed the terminal
            run.terminal.append(buffer.data(), count);
            sincePrompt.append(buffer.data(), count);
            if (sincePrompt.contains("passphrase") && sincePrompt.endsWith(": ")) {
                const QByteArray line = typed + '\n';
                if (write(terminal, line.constData(), size_t(line.size())) != line.size())
                    break;
                sincePrompt.clear();
            }
        }
        if (deadline.hasExpired()) {
            run.timedOut = true;
            kill(pid, SIGKILL);
            break;
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    close(terminal);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestAge final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void roundTrip_data();
    void roundTrip();
    void binaryLayout();
    void armorLayout();
    void freshRandomnessEachTime();
    void wrongPassphrase_data();
    void wrongPassphrase();
    void tamperedHeader_data();
    void tamperedHeader();
    void tamperedPayload_data();
    void tamperedPayload();
    void truncated_data();
    void truncated();
    void streamRules_data();
    void streamRules();
    void workFactorLimit_data();
    void workFactorLimit();
    void armorRules_data();
    void armorRules();
    void cctvVectors_data();
    void cctvVectors();
    void typageKnownAnswer();
    void detection_data();
    void detection();

    void ageDecryptsOurFiles_data();
    void ageDecryptsOurFiles();
    void ageRefusesOurFileWithWrongPassphrase();
    void weDecryptAgeFiles_data();
    void weDecryptAgeFiles();

private:
    QString m_age;
};

void TestAge::initTestCase()
{
    m_age = QStandardPaths::findExecutable(u"age"_s);
}

void TestAge::roundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<bool>("armor");

    const QList<std::pair<const char *, qsizetype>> sizes = {
        {"empty", 0},
        {"1 byte", 1},
        {"64 KiB - 1", chunkSize - 1},
        {"exactly 64 KiB", chunkSize},
        {"64 KiB + 1", chunkSize + 1},
        {"exactly 128 KiB", 2 * chunkSize},
        {"200 KiB", 200 * 1024},
    };
    for (const auto &[name, size] : sizes) {
        const QByteArray plaintext = Random::bytes(size);
        QTest::addRow("%s", name) << plaintext << false;
        QTest::addRow("%s, armored", name) << plaintext << true;
    }
}

void TestAge::roundTrip()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(bool, armor);

    const QByteArray file = Age::encryptWithPassphrase(plaintext, passphrase, fast(armor));
    QCOMPARE(Age::isAgeFile(file), true);
    QCOMPARE(Age::isArmored(file), armor);
    if (!armor) {
        const qsizetype chunks =
            std::max<qsizetype>(1, (plaintext.size() + chunkSize - 1) / chunkSize);
        QCOMPARE(file.size() - payloadStart(file), 16 + plaintext.size() + 16 * chunks);
    }
    if (plaintext.size() >= 16)
        QVERIFY(!file.contains(plaintext.first(16)));

    checkResult(Age::decryptWithPassphrase(file, passphrase), plaintext, {});
}

void TestAge::binaryLayout()
{
    const QByteArray file = Age::encryptWithPassphrase("secret"_ba, passphrase, {12, false});
    const QString header = QString::fromLatin1(file.first(payloadStart(file)));
    static const QRegularExpression layout(u"\\Aage-encryption\\.org/v1\n"
                                           "-> scrypt [A-Za-z0-9+/]{21}[AQgw] 12\n"
                                           "[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]\n"
                                           "--- [A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]\n\\z"_s);
    QVERIFY2(layout.match(header).hasMatch(), qPrintable(header));
    QCOMPARE(file.size() - payloadStart(file), 16 + 6 + 16);
    checkResult(Age::decryptWithPassphrase(file, passphrase), "secret"_ba, {});
}

void TestAge::armorLayout()
{
    const QByteArray plaintext = Random::bytes(1000);
    const QByteArray armored = Age::encryptWithPassphrase(plaintext, passphrase, fast(true));
    QVERIFY(armored.startsWith("-----BEGIN AGE ENCRYPTED FILE-----\n"));
    QVERIFY(armored.endsWith("\n-----END AGE ENCRYPTED FILE-----\n"));

    const QList<QByteArray> lines = armored.chopped(1).split('\n');
    QByteArray base64;
    for (qsizetype i = 1; i < lines.size() - 1; ++i) {
        const bool last = i == lines.size() - 2;
        QVERIFY2(last ? lines[i].size() <= 64 && lines[i].size() % 4 == 0 : lines[i].size() == 64,
                 lines[i].constData());
        base64 += lines[i];
    }
    const auto binary =
        QByteArray::fromBase64Encoding(base64, QByteArray::AbortOnBase64DecodingErrors);
    QVERIFY(binary);
    QCOMPARE(binary.decoded.toBase64(), base64); // padded and canonical
    QVERIFY(binary.decoded.startsWith("age-encryption.org/v1\n-> scrypt "));
    checkResult(Age::decryptWithPassphrase(binary.decoded, passphrase), plaintext, {});
    checkResult(Age::decryptWithPassphrase(armored, passphrase), plaintext, {});
}

void TestAge::freshRandomnessEachTime()
{
    const QByteArray first = Age::encryptWithPassphrase("same"_ba, passphrase, fast());
    const QByteArray second = Age::encryptWithPassphrase("same"_ba, passphrase, fast());
    const QList<QByteArray> a = first.split('\n');
    const QList<QByteArray> b = second.split('\n');
    QCOMPARE_NE(a[1], b[1]); // salt
    QCOMPARE_NE(a[2], b[2]); // wrapped file key
    QCOMPARE_NE(first.sliced(payloadStart(first), 16), second.sliced(payloadStart(second), 16));
}

void TestAge::wrongPassphrase_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QByteArray>("attempt");

    const QByteArray file = Age::encryptWithPassphrase("the secret"_ba, passphrase, fast());
    const QByteArray armored = Age::encryptWithPassphrase("the secret"_ba, passphrase, fast(true));
    QTest::newRow("different") << file << "hunter2"_ba;
    QTest::newRow("case differs") << file << passphrase.toUpper();
    QTest::newRow("trailing newline") << file << QByteArray(passphrase + '\n');
    QTest::newRow("empty") << file << QByteArray();
    QTest::newRow("armored") << armored << "hunter2"_ba;
    QTest::newRow("empty plaintext")
        << Age::encryptWithPassphrase({}, passphrase, fast()) << "hunter2"_ba;
}

void TestAge::wrongPassphrase()
{
    QFETCH(QByteArray, file);
    QFETCH(QByteArray, attempt);
    const auto result = Age::decryptWithPassphrase(file, attempt);
    QVERIFY(result.error.startsWith(Says::wrongPassphrase));
    checkResult(result, {}, Says::wrongPassphrase);
}

void TestAge::tamperedHeader_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("error");

    // CCTV's "scrypt" file: valid, and "password" opens it.
    const QByteArray good = cctvFile(cctvVectorTable[0]);
    const auto replaced = [&good](const char *from, const char *to) -> QByteArray {
        QByteArray copy = good;
        const qsizetype at = copy.indexOf(from);
        if (at < 0)
            qFatal("test: \"%s\" not in the file", from);
        return copy.replace(at, qsizetype(qstrlen(from)), to);
    };
    const char *stanza = "-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10\n"
                         "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n";

    QTest::newRow("untouched") << good << QString();
    QTest::newRow("MAC changed") << replaced("--- IOXiQ", "--- JOXiQ") << Says::badMac;
    QTest::newRow("MAC of another header")
        << replaced("IOXiQYStkoT1mvZW2tFOqZdhRVvj58egABx/sWfZQbc",
                    "Zhfvm6wXgjB06Uuu4GdFFKOAkvLkoS964+CClpeHSUM")
        << Says::badMac;
    // The stanza has no integrity of its own: a changed salt, work factor or body is a key that
    // no longer opens it, exactly like a wrong passphrase.
    QTest::newRow("salt changed") << replaced("rF0/Nwbl", "rF0/Nwbm") << Says::wrongPassphrase;
    QTest::newRow("work factor changed") << replaced("CQ 10\n", "CQ 11\n") << Says::wrongPassphrase;
    QTest::newRow("wrapped key changed") << replaced("gUjEym", "gUjEyn") << Says::wrongPassphrase;

    QTest::newRow("version v2") << replaced("org/v1\n", "org/v2\n") << Says::badVersion;
    QTest::newRow("version line CRLF") << replaced("org/v1\n", "org/v1\r\n") << Says::malformed;
    QTest::newRow("stanza line CRLF") << replaced("CQ 10\n", "CQ 10\r\n") << Says::malformed;
    QTest::newRow("MAC line CRLF") << replaced("Qbc\n", "Qbc\r\n") << Says::malformed;
    QTest::newRow("uppercase SCRYPT") << replaced("-> scrypt", "-> SCRYPT") << Says::notPassphrase;
    QTest::newRow("X25519 stanza instead")
        << replaced(stanza, "-> X25519 TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc\n"
                            "EmECAEcKN+n/Vs9SbWiV+Hu0r+E8R77DdWYyd83nw7U\n")
        << Says::notPassphrase;
    QTest::newRow("X25519 stanza before")
        << replaced("-> scrypt", "-> X25519 TEiF0ypqr+bpvcqXNyCVJpL7OuwPdVwPL7KQEbFDOCc\n"
                                 "EmECAEcKN+n/Vs9SbWiV+Hu0r+E8R77DdWYyd83nw7U\n-> scrypt")
        << Says::mixed;
    QTest::newRow("unknown stanza after")
        << replaced("aUY\n---", "aUY\n-> example.com/grease x\n\n---") << Says::mixed;
    QTest::newRow("no stanza") << replaced(stanza, "") << Says::malformed;
    QTest::newRow("no arguments") << replaced("-> scrypt rF0/NwblUHHTpgQgRpe5CQ 10\n", "->\n")
                                  << Says::malformed;
    QTest::newRow("empty argument") << replaced("-> scrypt ", "-> scrypt  ") << Says::malformed;
    QTest::newRow("trailing space") << replaced("CQ 10\n", "CQ 10 \n") << Says::malformed;
    QTest::newRow("control character") << replaced("-> scrypt", "-> scr\typt") << Says::malformed;
    QTest::newRow("salt missing") << replaced("rF0/NwblUHHTpgQgRpe5CQ ", "") << Says::malformed;
    QTest::newRow("salt not canonical") << replaced("Rpe5CQ 10", "Rpe5CR 10") << Says::malformed;
    QTest::newRow("salt padded") << replaced("Rpe5CQ 10", "Rpe5CQ== 10") << Says::malformed;
    QTest::newRow("salt too long") << replaced("Rpe5CQ 10", "Rpe5CQAA 10") << Says::malformed;
    QTest::newRow("body padded") << replaced("aUY\n", "aUY=\n") << Says::malformed;
    QTest::newRow("body not base64") << replaced("gUjEym", "gUj-ym") << Says::malformed;
    QTest::newRow("body without final line")
        << replaced("gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n",
                    "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUYAAAAAAAAAAAAAAAAAAAAA\n")
        << Says::malformed;
    QTest::newRow("body over two lines")
        << replaced("gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUY\n",
                    "gUjEymFKMVXQEKdMMHL24oYexjE3TIC0O0zGSqJ2aUYAAAAAAAAAAAAAAAAAAAAA\nAA\n")
        << Says::malformed;
    QTest::newRow("MAC missing") << replaced("--- IOXiQYStkoT1mvZW2tFOqZdhRVvj58egABx/sWfZQbc\n",
                                             "")
                                 << Says::malformed;
    QTest::newRow("MAC without space") << replaced("--- IOX", "---IOX") << Says::malformed;
    QTest::newRow("MAC with two spaces") << replaced("--- IOX", "---  IOX") << Says::malformed;
    QTest::newRow("MAC with trailing space") << replaced("Qbc\n", "Qbc \n") << Says::malformed;
    QTest::newRow("MAC truncated") << replaced("Qbc\n", "Qb\n") << Says::malformed;
    QTest::newRow("MAC not canonical") << replaced("Qbc\n", "Qbd\n") << Says::malformed;
    QTest::newRow("garbage line") << replaced("--- ", "hello\n--- ") << Says::malformed;
}

void TestAge::tamperedHeader()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, error);
    checkResult(Age::decryptWithPassphrase(file, "password"_ba), "age"_ba, error);
}

void TestAge::tamperedPayload_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("error");

    const QByteArray file =
        Age::encryptWithPassphrase(Random::bytes(200 * 1024), passphrase, fast());
    const qsizetype start = payloadStart(file);
    QTest::newRow("nonce") << flipped(file, start) << Says::damaged;
    QTest::newRow("first chunk") << flipped(file, start + 16) << Says::damaged;
    QTest::newRow("first chunk's tag")
        << flipped(file, start + 16 + sealedChunkSize - 1) << Says::damaged;
    QTest::newRow("middle") << flipped(file, start + 100 * 1024) << Says::damaged;
    QTest::newRow("last byte") << flipped(file, file.size() - 1) << Says::damaged;

    const QByteArrayView chunks = QByteArrayView(file).sliced(start + 16);
    const auto chunk = [&chunks](qsizetype i) -> QByteArray {
        return chunks
            .sliced(i * sealedChunkSize,
                    std::min(sealedChunkSize, chunks.size() - i * sealedChunkSize))
            .toByteArray();
    };
    const QByteArray head = file.first(start + 16);
    QTest::newRow("chunks swapped")
        << QByteArray(head + chunk(1) + chunk(0) + chunk(2) + chunk(3)) << Says::damaged;
    QTest::newRow("chunk dropped")
        << QByteArray(head + chunk(0) + chunk(2) + chunk(3)) << Says::damaged;
    QTest::newRow("chunk repeated")
        << QByteArray(head + chunk(0) + chunk(0) + chunk(1) + chunk(2) + chunk(3)) << Says::damaged;
    QTest::newRow("byte appended") << QByteArray(file + '\0') << Says::damaged;
    QTest::newRow("whole file appended") << QByteArray(file + file) << Says::damaged;
}

void TestAge::tamperedPayload()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, error);
    checkResult(Age::decryptWithPassphrase(file, passphrase), {}, error);
}

void TestAge::truncated_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("error");

    const QByteArray file =
        Age::encryptWithPassphrase(Random::bytes(200 * 1024), passphrase, fast());
    const qsizetype start = payloadStart(file);
    QTest::newRow("empty") << QByteArray() << Says::notAge;
    QTest::newRow("version line only") << file.first(22) << Says::malformed;
    QTest::newRow("inside the stanza") << file.first(40) << Says::malformed;
    QTest::newRow("inside the MAC line") << file.first(start - 10) << Says::malformed;
    QTest::newRow("before the newline after the MAC") << file.first(start - 1) << Says::malformed;
    QTest::newRow("header only") << file.first(start) << Says::truncated;
    QTest::newRow("half a nonce") << file.first(start + 8) << Says::truncated;
    QTest::newRow("nonce only") << file.first(start + 16) << Says::truncated;
    QTest::newRow("nonce and part of a tag") << file.first(start + 16 + 15) << Says::truncated;
    QTest::newRow("final chunk dropped")
        << file.first(start + 16 + 3 * sealedChunkSize) << Says::truncated;
    QTest::newRow("two final chunks dropped")
        << file.first(start + 16 + 2 * sealedChunkSize) << Says::truncated;
    QTest::newRow("inside the final chunk") << file.chopped(100) << Says::damaged;
    QTest::newRow("last byte") << file.chopped(1) << Says::damaged;
    QTest::newRow("inside a full chunk") << file.first(start + 16 + 1000) << Says::damaged;
}

void TestAge::truncated()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, error);
    checkResult(Age::decryptWithPassphrase(file, passphrase), {}, error);
}

void TestAge::streamRules_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QString>("error");

    const QByteArray full = Random::bytes(chunkSize);
    const QByteArray full2 = Random::bytes(chunkSize);
    const QByteArray tail = "tail"_ba;

    // The reference writer must give back CCTV's own file first.
    QCOMPARE(cctvFileWith({{"age"_ba, 0, true}}), cctvFile(cctvVectorTable[0]));

    QTest::newRow("lone empty final chunk")
        << cctvFileWith({{{}, 0, true}}) << QByteArray() << QString();
    QTest::newRow("short final chunk") << cctvFileWith({{tail, 0, true}}) << tail << QString();
    QTest::newRow("full final chunk") << cctvFileWith({{full, 0, true}}) << full << QString();
    QTest::newRow("full, then short final") << cctvFileWith({{full, 0, false}, {tail, 1, true}})
                                            << QByteArray(full + tail) << QString();
    QTest::newRow("full, full final") << cctvFileWith({{full, 0, false}, {full2, 1, true}})
                                      << QByteArray(full + full2) << QString();
    QTest::newRow("full, then empty final")
        << cctvFileWith({{full, 0, false}, {{}, 1, true}}) << QByteArray() << Says::emptyChunk;
    QTest::newRow("no chunk at all")
        << QByteArray(cctvHeader() + cctvNonce) << QByteArray() << Says::truncated;
    QTest::newRow("short chunk without the final flag")
        << cctvFileWith({{tail, 0, false}}) << QByteArray() << Says::damaged;
    QTest::newRow("full chunk without the final flag")
        << cctvFileWith({{full, 0, false}}) << QByteArray() << Says::truncated;
    QTest::newRow("empty chunk without the final flag")
        << cctvFileWith({{{}, 0, false}}) << QByteArray() << Says::damaged;
    QTest::newRow("final flag, then another chunk")
        << cctvFileWith({{full, 0, true}, {tail, 1, true}}) << QByteArray() << Says::trailingData;
    QTest::newRow("data after a full final chunk")
        << QByteArray(cctvFileWith({{full, 0, true}}) + "x"_ba) << QByteArray()
        << Says::trailingData;
    QTest::newRow("data after a short final chunk")
        << QByteArray(cctvFileWith({{tail, 0, true}}) + "x"_ba) << QByteArray() << Says::damaged;
    QTest::newRow("short chunk before the final one")
        << cctvFileWith({{tail, 0, false}, {tail, 1, true}}) << QByteArray() << Says::damaged;
    QTest::newRow("counter starts at one")
        << cctvFileWith({{tail, 1, true}}) << QByteArray() << Says::damaged;
    QTest::newRow("counter skips")
        << cctvFileWith({{full, 0, false}, {tail, 2, true}}) << QByteArray() << Says::damaged;
    QTest::newRow("counter repeats")
        << cctvFileWith({{full, 0, false}, {tail, 0, true}}) << QByteArray() << Says::damaged;
    QTest::newRow("sealed under the header key")
        << QByteArray(cctvHeader() + cctvNonce +
                      sealChunk(hkdfSha256(cctvFileKey, {}, "header"_ba), 0, true, tail))
        << QByteArray() << Says::damaged;
}

void TestAge::streamRules()
{
    QFETCH(QByteArray, file);
    QFETCH(QByteArray, plaintext);
    QFETCH(QString, error);
    checkResult(Age::decryptWithPassphrase(file, "password"_ba), plaintext, error);
}

void TestAge::workFactorLimit_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<int>("maxWorkFactor");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QString>("mentions");

    const QByteArray wf12 = Age::encryptWithPassphrase("x"_ba, passphrase, {12, false});
    const QByteArray wf12Armored = Age::encryptWithPassphrase("x"_ba, passphrase, {12, true});
    const auto withWorkFactor = [&wf12](const char *workFactor) -> QByteArray {
        QList<QByteArray> lines = wf12.split('\n');
        lines[1] = lines[1].first(lines[1].lastIndexOf(' ') + 1) + workFactor;
        return lines.join('\n');
    };
    QTest::newRow("at the limit") << wf12 << 12 << QString() << QString();
    QTest::newRow("above the limit") << wf12 << 11 << Says::tooMuchMemory << u"4 MiB"_s;
    QTest::newRow("armored, above the limit")
        << wf12Armored << 11 << Says::tooMuchMemory << u"12"_s;
    QTest::newRow("no file is allowed") << wf12 << 0 << Says::tooMuchMemory << u"12"_s;
    QTest::newRow("default limit 22, file 23")
        << withWorkFactor("23") << 22 << Says::tooMuchMemory << u"8 GiB"_s;
    QTest::newRow("hard ceiling 30")
        << withWorkFactor("31") << 64 << Says::tooMuchMemory << u"31"_s;
    QTest::newRow("absurd") << withWorkFactor("99999999999999999999") << 22 << Says::tooMuchMemory
                            << u"99999999999999999999"_s;
    QTest::newRow("absurd and long")
        << withWorkFactor("9999999999999999999999999999999999999999") << 22 << Says::tooMuchMemory
        << u"99999999999999999999\u2026,"_s;
    QTest::newRow("negative limit") << wf12 << -100 << Says::tooMuchMemory << u"limit of 0"_s;
    QTest::newRow("zero") << withWorkFactor("0") << 22 << Says::malformed << QString();
    QTest::newRow("leading zero") << withWorkFactor("012") << 22 << Says::malformed << QString();
    QTest::newRow("leading plus") << withWorkFactor("+12") << 22 << Says::malformed << QString();
    QTest::newRow("negative") << withWorkFactor("-12") << 22 << Says::malformed << QString();
    QTest::newRow("hex") << withWorkFactor("0xc") << 22 << Says::malformed << QString();
    QTest::newRow("trailing garbage")
        << withWorkFactor("12a") << 22 << Says::malformed << QString();
    QTest::newRow("leading garbage") << withWorkFactor("a12") << 22 << Says::malformed << QString();
}

void TestAge::workFactorLimit()
{
    QFETCH(QByteArray, file);
    QFETCH(int, maxWorkFactor);
    QFETCH(QString, error);
    QFETCH(QString, mentions);

    QElapsedTimer timer;
    timer.start();
    const auto result = Age::decryptWithPassphrase(file, passphrase, maxWorkFactor);
    checkResult(result, "x"_ba, error);
    QVERIFY2(result.error.contains(mentions), qPrintable(result.error));
    // Refused before scrypt runs: no memory is spent on a file that asks for too much.
    if (!error.isEmpty())
        QCOMPARE_LT(timer.elapsed(), 1000);
}

void TestAge::armorRules_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("error");

    const QByteArray good = cctvArmored;
    const auto replaced = [&good](QByteArrayView from, QByteArrayView to) -> QByteArray {
        QByteArray copy = good;
        const qsizetype at = copy.indexOf(from);
        if (at < 0)
            qFatal("test: text not in the armor");
        return copy.replace(at, from.size(), to);
    };
    const QByteArray body = good.sliced(35, good.indexOf("-----END") - 35).replace("\n", "");
    const auto rewrapped = [&body](qsizetype columns) -> QByteArray {
        QByteArray text = "-----BEGIN AGE ENCRYPTED FILE-----\n"_ba;
        for (qsizetype at = 0; at < body.size(); at += columns)
            text += body.mid(at, columns) + '\n';
        return text + "-----END AGE ENCRYPTED FILE-----\n";
    };

    QTest::newRow("as published") << good << QString();
    QTest::newRow("CRLF") << QByteArray(good).replace("\n", "\r\n") << QString();
    QTest::newRow("no final newline") << good.chopped(1) << QString();
    QTest::newRow("whitespace around") << QByteArray("\n \t\r\n" + good + "\n\t \n") << QString();
    QTest::newRow("rewrapped at 64") << rewrapped(64) << QString();

    QTest::newRow("lowercase label")
        << QByteArray(good).replace("AGE ENCRYPTED FILE", "age encrypted file") << Says::notAge;
    QTest::newRow("other label") << QByteArray(good).replace("AGE ENCRYPTED FILE", "PGP MESSAGE")
                                 << Says::notAge;
    QTest::newRow("garbage before") << QByteArray("garbage\n" + good) << Says::notAge;
    QTest::newRow("garbage after") << QByteArray(good + "garbage\n") << Says::malformed;
    QTest::newRow("END line missing") << good.first(good.indexOf("-----END")) << Says::malformed;
    QTest::newRow("END line changed")
        << replaced("-----END AGE", "----- END AGE") << Says::malformed;
    QTest::newRow("BEGIN line with spaces")
        << replaced("-----BEGIN AGE ENCRYPTED FILE-----", "-----BEGIN AGE ENCRYPTED FILE----- ")
        << Says::malformed;
    QTest::newRow("empty line after BEGIN")
        << replaced("-----\nYWdl", "-----\n\nYWdl") << Says::malformed;
    QTest::newRow("empty line before END")
        << replaced("=\n-----END", "=\n\n-----END") << Says::malformed;
    QTest::newRow("no base64 at all") << "-----BEGIN AGE ENCRYPTED FILE-----\n"
                                         "-----END AGE ENCRYPTED FILE-----\n"_ba
                                      << Says::malformed;
    QTest::newRow("lines of 60") << rewrapped(60) << Says::malformed;
    QTest::newRow("lines of 68") << rewrapped(68) << Says::malformed;
    QTest::newRow("line split") << replaced("YWdlLWVuY3J5cHRp", "YWdlLWVuY3J5cHRp\n")
                                << Says::malformed;
    QTest::newRow("space at a line end") << replaced("wZ1Fn\n", "wZ1Fn \n") << Says::malformed;
    QTest::newRow("space at a line start") << replaced("\nUnBl", "\n UnBl") << Says::malformed;
    QTest::newRow("space at the last line's end")
        << replaced("Ztg=\n", "Ztg= \n") << Says::malformed;
    QTest::newRow("padding missing") << replaced("Ztg=\n", "Ztg\n") << Says::malformed;
    QTest::newRow("padding on its own line") << replaced("Ztg=\n", "Ztg\n=\n") << Says::malformed;
    QTest::newRow("extra padding") << replaced("Ztg=\n", "Ztg==\n") << Says::malformed;
    QTest::newRow("not canonical") << replaced("Ztg=\n", "Zth=\n") << Says::malformed;
    QTest::newRow("invalid character") << replaced("YWdl", "YW-l") << Says::malformed;
    QTest::newRow("PEM header") << replaced("-----\nYWdl", "-----\nComment: hi\n\nYWdl")
                                << Says::malformed;
    QTest::newRow("decodes to something else") << replaced("YWdl", "YWdm") << Says::notAge;
    QTest::newRow("payload damaged") << replaced("Ztg=", "Ztk=") << Says::damaged;
}

void TestAge::armorRules()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, error);
    checkResult(Age::decryptWithPassphrase(file, "password"_ba), "age"_ba, error);
}

void TestAge::cctvVectors_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QByteArray>("passphrase");
    QTest::addColumn<QString>("error");
    QTest::addColumn<QByteArray>("payloadSha256");

    for (const CctvVector &vector : cctvVectorTable) {
        const bool success = qstrcmp(vector.expect, "success") == 0;
        QCOMPARE(success, qstrlen(vector.error) == 0);
        QTest::newRow(vector.name)
            << cctvFile(vector) << QByteArray(vector.passphrase)
            << QString::fromLatin1(vector.error) << QByteArray(vector.payloadSha256);
    }
    QTest::newRow("armor_scrypt") << cctvArmored << "password"_ba << QString()
                                  << QByteArray(cctvVectorTable[0].payloadSha256);
}

void TestAge::cctvVectors()
{
    QFETCH(QByteArray, file);
    QFETCH(QByteArray, passphrase);
    QFETCH(QString, error);
    QFETCH(QByteArray, payloadSha256);

    const auto result = Age::decryptWithPassphrase(file, passphrase);
    checkResult(result, error.isEmpty() ? "age"_ba : QByteArray(), error);
    if (result.plaintext)
        QCOMPARE(sha256Hex(*result.plaintext), payloadSha256);
}

void TestAge::typageKnownAnswer()
{
    // From typage's (age's TypeScript implementation) tests: a passphrase file with work factor 8.
    const QByteArray file = QByteArray::fromBase64(
        "YWdlLWVuY3J5cHRpb24ub3JnL3YxCi0+IHNjcnlwdCB4Y2lkcXJQdmwwZzRROEZ5eXU4dHNnIDgKNnM2Ylp2Vlg2"
        "b0NBSVp2QkxCZEhJbEJrYUcreWRIZHVHWVpBaUJkUy9ZMAotLS0gZ280TkNGT05VTDEwZW5WRjVPMnkxem05eWQw"
        "dkM0S09hSU1nV05aYW5QSQom4WH7RYXsjlDm3HNKCe9gY2IfCjTY/2t6PF4bzUkeWZWkE7kd");
    checkResult(
        Age::decryptWithPassphrase(
            file, "light-original-energy-average-wish-blind-vendor-pencil-illness-scorpion"_ba),
        "test\n"_ba, {});
}

void TestAge::detection_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("ageFile");
    QTest::addColumn<bool>("armored");

    QTest::newRow("binary") << cctvFile(cctvVectorTable[0]) << true << false;
    QTest::newRow("armored") << cctvArmored << true << true;
    QTest::newRow("armored after whitespace")
        << QByteArray("\r\n \t" + cctvArmored) << true << true;
    QTest::newRow("future version") << "age-encryption.org/v2\n"_ba << true << false;
    QTest::newRow("empty") << QByteArray() << false << false;
    QTest::newRow("dotenv") << "LATCHKEY_BASE_URL=https://x\n"_ba << false << false;
    QTest::newRow("JSON") << "{\"age\": 1}"_ba << false << false;
    QTest::newRow("PGP") << "-----BEGIN PGP MESSAGE-----\n"_ba << false << false;
    QTest::newRow("text before armor") << QByteArray("x\n" + cctvArmored) << false << false;
    QTest::newRow("version line later") << "\nage-encryption.org/v1\n"_ba << false << false;
}

void TestAge::detection()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, ageFile);
    QFETCH(bool, armored);
    QCOMPARE(Age::isAgeFile(data), ageFile);
    QCOMPARE(Age::isArmored(data), armored);
}

void TestAge::ageDecryptsOurFiles_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<bool>("armor");

    const QList<std::pair<const char *, qsizetype>> sizes = {
        {"empty", 0},
        {"1 byte", 1},
        {"exactly 64 KiB", chunkSize},
        {"64 KiB + 1", chunkSize + 1},
        {"200 KiB", 200 * 1024},
    };
    for (const auto &[name, size] : sizes) {
        const QByteArray plaintext = Random::bytes(size);
        QTest::addRow("%s", name) << plaintext << false;
        QTest::addRow("%s, armored", name) << plaintext << true;
    }
}

void TestAge::ageDecryptsOurFiles()
{
    if (m_age.isEmpty())
        QSKIP("age is not installed: run tools/install-deps");
    QFETCH(QByteArray, plaintext);
    QFETCH(bool, armor);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString encrypted = dir.filePath(u"export.age"_s);
    const QString decrypted = dir.filePath(u"export"_s);
    QVERIFY(writeAll(encrypted, Age::encryptWithPassphrase(plaintext, passphrase, fast(armor))));

    const AgeRun run = runAge(m_age, {u"-d"_s, u"-o"_s, decrypted, encrypted}, passphrase);
    QVERIFY(run.started);
    QVERIFY2(!run.timedOut, run.terminal.constData());
    QVERIFY2(run.exitCode == 0, run.terminal.constData());
    QCOMPARE(run.terminal.count("passphrase"), 1);
    const QByteArray result = readAll(decrypted);
    QCOMPARE(result.size(), plaintext.size());
    QVERIFY(result == plaintext);
}

void TestAge::ageRefusesOurFileWithWrongPassphrase()
{
    if (m_age.isEmpty())
        QSKIP("age is not installed: run tools/install-deps");

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString encrypted = dir.filePath(u"export.age"_s);
    const QString decrypted = dir.filePath(u"export"_s);
    QVERIFY(writeAll(encrypted, Age::encryptWithPassphrase("secret"_ba, passphrase, fast())));

    const AgeRun run = runAge(m_age, {u"-d"_s, u"-o"_s, decrypted, encrypted}, "hunter2"_ba);
    QVERIFY(run.started);
    QVERIFY(!run.timedOut);
    QCOMPARE_NE(run.exitCode, 0);
    QVERIFY2(run.terminal.contains("incorrect passphrase"), run.terminal.constData());
    QVERIFY(readAll(decrypted).isEmpty());
}

void TestAge::weDecryptAgeFiles_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<bool>("armor");

    // age -p always uses work factor 18: 256 MiB and a second or more of scrypt on each side. One
    // file covers both layers: several STREAM chunks inside age's armor, which wraps exactly the
    // bytes the binary format would hold.
    QTest::newRow("200 KiB, armored") << Random::bytes(200 * 1024) << true;
}

void TestAge::weDecryptAgeFiles()
{
    if (m_age.isEmpty())
        QSKIP("age is not installed: run tools/install-deps");
    QFETCH(QByteArray, plaintext);
    QFETCH(bool, armor);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString input = dir.filePath(u"export"_s);
    const QString encrypted = dir.filePath(u"export.age"_s);
    QVERIFY(writeAll(input, plaintext));
    QStringList arguments{u"-p"_s, u"-o"_s, encrypted, input};
    if (armor)
        arguments.prepend(u"-a"_s);

    const AgeRun run = runAge(m_age, arguments, passphrase);
    QVERIFY(run.started);
    QVERIFY2(!run.timedOut, run.terminal.constData());
    QVERIFY2(run.exitCode == 0, run.terminal.constData());
    QCOMPARE(run.terminal.count("passphrase"), 2); // asked, then confirmed

    const QByteArray file = readAll(encrypted);
    QCOMPARE(Age::isAgeFile(file), true);
    QCOMPARE(Age::isArmored(file), armor);
    QVERIFY(file.contains(armor ? "-----BEGIN AGE ENCRYPTED FILE-----"_ba : " 18\n"_ba));

    checkResult(Age::decryptWithPassphrase(file, passphrase), plaintext, {});
    // Refused before scrypt, so this costs nothing; a wrong passphrase would cost another scrypt.
    checkResult(Age::decryptWithPassphrase(file, passphrase, 17), {}, Says::tooMuchMemory);
}

QTEST_GUILESS_MAIN(TestAge)
#include "tst_age.moc"
