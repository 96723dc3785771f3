#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include "protocol/base64url.h"
#include "protocol/random.h"

#include <optional>

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

QTEST_GUILESS_MAIN(TestRandom)
#include "tst_random.moc"
