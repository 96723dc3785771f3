#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QThread>

#include "protocol/base64url.h"
#include "protocol/random.h"

#include <optional>

#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

bool isBase64Url(const QString &text)
{
    static const QRegularExpression alphabet(u"^[A-Za-z0-9_-]*$"_s);
    return alphabet.match(text).hasMatch();
}

} // namespace

class TestRandom : public QObject
{
    Q_OBJECT

private slots:
    void bytes_data();
    void bytes();
    void bytesDiffer();
    void secret_data();
    void secret();
    void id_data();
    void id();
    void idsAreUnique();
    void bytesAreNeverHandedOutTwice();
    void threadsDoNotShareBytes();
    void aForkedChildDoesNotRepeatItsParent();
};

void TestRandom::bytes_data()
{
    QTest::addColumn<qsizetype>("count");

    QTest::newRow("none") << qsizetype(0);
    QTest::newRow("negative") << qsizetype(-1);
    QTest::newRow("one") << qsizetype(1);
    QTest::newRow("nonce") << qsizetype(12);
    QTest::newRow("key") << qsizetype(32);
    QTest::newRow("large") << qsizetype(100000);
}

void TestRandom::bytes()
{
    QFETCH(qsizetype, count);
    QCOMPARE(Random::bytes(count).size(), std::max<qsizetype>(count, 0));
}

void TestRandom::bytesDiffer()
{
    // Two 256-bit draws collide with probability 2^-256.
    QCOMPARE_NE(Random::bytes(32), Random::bytes(32));
    // A large draw is not left zero-filled past some chunk.
    const QByteArray large = Random::bytes(100000);
    QVERIFY(large.right(32) != QByteArray(32, '\0'));
}

void TestRandom::secret_data()
{
    QTest::addColumn<std::optional<int>>("bits");
    QTest::addColumn<qsizetype>("bytes");
    QTest::addColumn<qsizetype>("length");

    QTest::newRow("default") << std::optional<int>() << qsizetype(32) << qsizetype(43);
    QTest::newRow("128") << std::optional(128) << qsizetype(16) << qsizetype(22);
    QTest::newRow("96") << std::optional(96) << qsizetype(12) << qsizetype(16);
    QTest::newRow("rounded up") << std::optional(100) << qsizetype(13) << qsizetype(18);
    QTest::newRow("one bit") << std::optional(1) << qsizetype(1) << qsizetype(2);
    QTest::newRow("zero") << std::optional(0) << qsizetype(0) << qsizetype(0);
}

void TestRandom::secret()
{
    QFETCH(std::optional<int>, bits);
    QFETCH(qsizetype, bytes);
    QFETCH(qsizetype, length);

    const QString secret = bits ? Random::secret(*bits) : Random::secret();
    QCOMPARE(secret.size(), length);
    QVERIFY2(isBase64Url(secret), qPrintable(secret));
    const auto decoded = Base64Url::decode(secret.toLatin1());
    QVERIFY(decoded.has_value());
    QCOMPARE(decoded->size(), bytes);
}

void TestRandom::id_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<std::optional<int>>("bits");
    QTest::addColumn<qsizetype>("randomLength");

    QTest::newRow("key, default bits") << u"key_"_s << std::optional<int>() << qsizetype(16);
    QTest::newRow("consumer, 128 bits") << u"con_"_s << std::optional(128) << qsizetype(22);
    QTest::newRow("no prefix") << QString() << std::optional<int>() << qsizetype(16);
}

void TestRandom::id()
{
    QFETCH(QString, prefix);
    QFETCH(std::optional<int>, bits);
    QFETCH(qsizetype, randomLength);

    const QString id = bits ? Random::id(prefix, *bits) : Random::id(prefix);
    QVERIFY(id.startsWith(prefix));
    QCOMPARE(id.size(), prefix.size() + randomLength);
    QVERIFY2(isBase64Url(id.sliced(prefix.size())), qPrintable(id));
}

void TestRandom::idsAreUnique()
{
    constexpr int count = 10000;
    QSet<QString> ids;
    ids.reserve(count);
    for (int i = 0; i < count; ++i) {
        const QString id = Random::id(u"key_");
        QVERIFY2(isBase64Url(id.sliced(4)), qPrintable(id));
        ids.insert(id);
    }
    QCOMPARE(ids.size(), count);
}

// Small requests come from a pool per thread (refilled 4 KiB at a time), larger ones straight
// from OpenSSL. Either way no bytes are ever handed out twice: in this process, in another
// thread, or in a forked child.
void TestRandom::bytesAreNeverHandedOutTwice()
{
    QSet<QByteArray> seen;
    // Across many refills of the pool, and the sizes on both sides of what it serves.
    for (int i = 0; i < 20000; ++i) {
        const qsizetype size = i % 7 == 0 ? 65 : 32;
        const QByteArray bytes = Random::bytes(size);
        QCOMPARE(bytes.size(), size);
        QVERIFY2(!seen.contains(bytes), "the same random bytes twice");
        seen.insert(bytes);
    }
    QCOMPARE(Random::bytes(0), QByteArray());
    QCOMPARE(Random::bytes(100000).size(), 100000);
}

void TestRandom::threadsDoNotShareBytes()
{
    QList<QByteArray> fromThreads[4];
    QList<QThread *> threads;
    for (auto &out : fromThreads) {
        threads.append(QThread::create([&out] {
            for (int i = 0; i < 500; ++i)
                out.append(Random::bytes(32));
        }));
        threads.last()->start();
    }
    for (QThread *thread : threads) {
        QVERIFY(thread->wait(10000));
        delete thread;
    }
    QSet<QByteArray> seen;
    for (const auto &out : fromThreads) {
        for (const QByteArray &bytes : out) {
            QVERIFY2(!seen.contains(bytes), "two threads got the same random bytes");
            seen.insert(bytes);
        }
    }
    QCOMPARE(seen.size(), 2000);
}

void TestRandom::aForkedChildDoesNotRepeatItsParent()
{
    // The pool is filled in the parent first, so a child that kept it would hand out the very
    // bytes the parent hands out next.
    Random::bytes(32);
    int pipe[2];
    QCOMPARE(::pipe(pipe), 0);
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        const QByteArray bytes = Random::bytes(32);
        const bool written = ::write(pipe[1], bytes.constData(), size_t(bytes.size())) == 32;
        ::_exit(written ? 0 : 1);
    }
    ::close(pipe[1]);
    QByteArray fromChild(32, '\0');
    qsizetype got = 0;
    while (got < 32) {
        const ssize_t n = ::read(pipe[0], fromChild.data() + got, size_t(32 - got));
        if (n <= 0)
            break;
        got += n;
    }
    ::close(pipe[0]);
    int status = 0;
    QCOMPARE(::waitpid(child, &status, 0), child);
    QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    QCOMPARE(got, 32);
    const QByteArray fromParent = Random::bytes(32);
    QVERIFY2(fromChild != fromParent, "the child handed out the parent's next bytes");
}

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
