#include <QTest>

#include "protocol/base64url.h"
#include "protocol/random.h"

using namespace Qt::StringLiterals;
using namespace Latchkey;

class TestBase64Url : public QObject
{
    Q_OBJECT

private slots:
    void encode_data();
    void encode();
    void decode_data();
    void decode();
    void decodeRejects_data();
    void decodeRejects();
    void roundTrip();
};

void TestBase64Url::encode_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("text");

    // RFC 4648 §10, without padding.
    QTest::newRow("empty") << QByteArray() << QByteArray();
    QTest::newRow("f") << "f"_ba
                       << "Zg"_ba;
    QTest::newRow("fo") << "fo"_ba
                        << "Zm8"_ba;
    QTest::newRow("foo") << "foo"_ba
                         << "Zm9v"_ba;
    QTest::newRow("foob") << "foob"_ba
                          << "Zm9vYg"_ba;
    QTest::newRow("fooba") << "fooba"_ba
                           << "Zm9vYmE"_ba;
    QTest::newRow("foobar") << "foobar"_ba
                            << "Zm9vYmFy"_ba;
    // Where the standard alphabet has '+' and '/' (base64 "+/8=" and "//79").
    QTest::newRow("minus underscore") << QByteArray::fromHex("fbff") << "-_8"_ba;
    QTest::newRow("underscores") << QByteArray::fromHex("fffefd") << "__79"_ba;
    QTest::newRow("zeros") << QByteArray(3, '\0') << "AAAA"_ba;
}

void TestBase64Url::encode()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, text);
    QCOMPARE(Base64Url::encode(data), text);
}

void TestBase64Url::decode_data()
{
    encode_data();
}

void TestBase64Url::decode()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, text);
    const auto decoded = Base64Url::decode(text);
    QVERIFY(decoded.has_value());
    QCOMPARE(*decoded, data);
}

void TestBase64Url::decodeRejects_data()
{
    QTest::addColumn<QByteArray>("text");

    QTest::newRow("padding") << "Zg=="_ba;
    QTest::newRow("single padding") << "Zm8="_ba;
    QTest::newRow("padding only") << "===="_ba;
    QTest::newRow("plus") << "+_8"_ba;
    QTest::newRow("slash") << "-/8"_ba;
    QTest::newRow("standard alphabet") << "+/8="_ba;
    QTest::newRow("inner space") << "Zm 9v"_ba;
    QTest::newRow("leading space") << " Zm9v"_ba;
    QTest::newRow("trailing newline") << "Zm9v\n"_ba;
    QTest::newRow("tab") << "Zm9v\tYg"_ba;
    QTest::newRow("carriage return") << "Zm9v\r\n"_ba;
    QTest::newRow("nul") << QByteArray("Zm9v\0Yg", 7);
    QTest::newRow("non-ASCII") << "Zm9v\xc3\xa9"_ba;
    QTest::newRow("dot") << "Zm9v.Yg"_ba;
    QTest::newRow("length 1") << "Z"_ba;
    QTest::newRow("length 5") << "Zm9vY"_ba;
    QTest::newRow("length 9") << "Zm9vYmFyZ"_ba;
    // Non-zero bits after the last byte: no encoder produces these.
    QTest::newRow("non-canonical 2") << "Zh"_ba;
    QTest::newRow("non-canonical 3") << "Zm9"_ba;
}

void TestBase64Url::decodeRejects()
{
    QFETCH(QByteArray, text);
    QVERIFY(!Base64Url::decode(text).has_value());
}

void TestBase64Url::roundTrip()
{
    for (qsizetype size = 0; size <= 64; ++size) {
        const QByteArray data = Random::bytes(size);
        const QByteArray text = Base64Url::encode(data);
        QCOMPARE(text.size(), (size * 4 + 2) / 3);
        const auto decoded = Base64Url::decode(text);
        QVERIFY(decoded.has_value());
        QCOMPARE(*decoded, data);
    }
}

QTEST_GUILESS_MAIN(TestBase64Url)
#include "tst_base64url.moc"
