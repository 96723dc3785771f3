#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

#include "protocol/crypto.h"
#include "protocol/random.h"

using namespace Qt::StringLiterals;
using namespace Latchkey;

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    void sha256_data();
    void sha256();
    void hmacSha256_data();
    void hmacSha256();
    void constantTimeEquals_data();
    void constantTimeEquals();
    void aesGcmRoundTrip_data();
    void aesGcmRoundTrip();
    void aesGcmSealUsesFreshNonces();
    void aesGcmKnownAnswer_data();
    void aesGcmKnownAnswer();
    void aesGcmRejects_data();
    void aesGcmRejects();
};

void TestCrypto::sha256_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("digestHex");

    // FIPS 180-2 examples.
    QTest::newRow("empty") << QByteArray()
                           << "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_ba;
    QTest::newRow("abc") << "abc"_ba
                         << "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_ba;
    QTest::newRow("two blocks")
        << "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"_ba
        << "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_ba;
}

void TestCrypto::sha256()
{
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, digestHex);
    QCOMPARE(Crypto::sha256(data).toHex(), digestHex);
}

void TestCrypto::hmacSha256_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QByteArray>("macHex");

    // RFC 4231 §4.
    QTest::newRow("RFC 4231 case 1")
        << QByteArray(20, '\x0b') << "Hi There"_ba
        << "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"_ba;
    QTest::newRow("RFC 4231 case 2")
        << "Jefe"_ba
        << "what do ya want for nothing?"_ba
        << "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"_ba;
    QTest::newRow("RFC 4231 case 3")
        << QByteArray(20, '\xaa') << QByteArray(50, '\xdd')
        << "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"_ba;
    QTest::newRow("RFC 4231 case 6 (key longer than a block)")
        << QByteArray(131, '\xaa') << "Test Using Larger Than Block-Size Key - Hash Key First"_ba
        << "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"_ba;
    QTest::newRow("empty key and data")
        << QByteArray() << QByteArray()
        << "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"_ba;
}

void TestCrypto::hmacSha256()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, data);
    QFETCH(QByteArray, macHex);
    QCOMPARE(Crypto::hmacSha256(key, data).toHex(), macHex);

    // The reusable key gives the same MAC every time, and so does a copy of it.
    const Crypto::HmacSha256Key reusable(key);
    QCOMPARE(reusable.mac(data).toHex(), macHex);
    QCOMPARE(reusable.mac(data).toHex(), macHex);
    Crypto::HmacSha256Key copy = reusable;
    QCOMPARE(copy.mac(data).toHex(), macHex);
    QVERIFY(reusable.mac(QByteArray(data + "x")) != reusable.mac(data));
    // Reset between MACs: another message in between leaves nothing behind.
    QCOMPARE(reusable.mac(data).toHex(), macHex);
    Crypto::HmacSha256Key assigned(QByteArray("another key"));
    assigned = reusable;
    QCOMPARE(assigned.mac(data).toHex(), macHex);

    // Several threads share one key: each MAC is still right.
    std::atomic<int> wrong = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 500; ++i)
                if (reusable.mac(data).toHex() != macHex)
                    ++wrong;
        });
    for (auto &thread : threads)
        thread.join();
    QCOMPARE(wrong.load(), 0);
}

void TestCrypto::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");

    QTest::newRow("same") << "6R4rV5iE+NPoym+W"_ba
                          << "6R4rV5iE+NPoym+W"_ba << true;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    QTest::newRow("embedded nul") << QByteArray("a\0b", 3) << QByteArray("a\0b", 3) << true;
    QTest::newRow("last byte differs") << "6R4rV5iE+NPoym+W"_ba
                                       << "6R4rV5iE+NPoym+X"_ba << false;
    QTest::newRow("first byte differs") << "6R4rV5iE+NPoym+W"_ba
                                        << "7R4rV5iE+NPoym+W"_ba << false;
    QTest::newRow("after nul") << QByteArray("a\0b", 3) << QByteArray("a\0c", 3) << false;
    QTest::newRow("prefix") << "6R4rV5iE"_ba
                            << "6R4rV5iE+NPoym+W"_ba << false;
    QTest::newRow("empty against value") << QByteArray() << "x"_ba << false;
}

void TestCrypto::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(Crypto::constantTimeEquals(a, b), equal);
    QCOMPARE(Crypto::constantTimeEquals(b, a), equal);
}

void TestCrypto::aesGcmRoundTrip_data()
{
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("associatedData");

    QTest::newRow("secret with row id") << "client-secret-value"_ba
                                        << "consumer:42"_ba;
    QTest::newRow("no associated data") << "client-secret-value"_ba << QByteArray();
    QTest::newRow("empty plaintext") << QByteArray() << "consumer:42"_ba;
    QTest::newRow("both empty") << QByteArray() << QByteArray();
    QTest::newRow("binary") << QByteArray("\0\x01\xff\0", 4) << QByteArray("\0", 1);
    QTest::newRow("one MiB") << Random::bytes(1 << 20) << "bulk"_ba;
}

void TestCrypto::aesGcmRoundTrip()
{
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, associatedData);

    const QByteArray key = Random::bytes(32);
    const QByteArray sealed = Crypto::aesGcmSeal(key, plaintext, associatedData);
    QCOMPARE(sealed.size(), 12 + plaintext.size() + 16);
    if (plaintext.size() >= 16)
        QVERIFY(!sealed.contains(plaintext.first(16)));

    const auto opened = Crypto::aesGcmOpen(key, sealed, associatedData);
    QVERIFY(opened.has_value());
    QCOMPARE(*opened, plaintext);
}

void TestCrypto::aesGcmSealUsesFreshNonces()
{
    const QByteArray key = Random::bytes(32);
    const QByteArray first = Crypto::aesGcmSeal(key, "same"_ba, "ad"_ba);
    const QByteArray second = Crypto::aesGcmSeal(key, "same"_ba, "ad"_ba);
    QCOMPARE_NE(first.first(12), second.first(12));
    QCOMPARE_NE(first, second);
}

void TestCrypto::aesGcmKnownAnswer_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("nonce");
    QTest::addColumn<QByteArray>("plaintext");
    QTest::addColumn<QByteArray>("associatedData");
    QTest::addColumn<QByteArray>("ciphertextAndTag");

    // McGrew & Viega, "The Galois/Counter Mode of Operation", test cases 13, 14 and 16.
    QTest::newRow("GCM case 13") << QByteArray(32, '\0') << QByteArray(12, '\0') << QByteArray()
                                 << QByteArray()
                                 << QByteArray::fromHex("530f8afbc74536b9a963b4f1c4cb738b");
    QTest::newRow("GCM case 14") << QByteArray(32, '\0') << QByteArray(12, '\0')
                                 << QByteArray(16, '\0') << QByteArray()
                                 << QByteArray::fromHex("cea7403d4d606b6e074ec5d3baf39d18"
                                                        "d0d1c8a799996bf0265b98b5d48ab919");
    QTest::newRow("GCM case 16")
        << QByteArray::fromHex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308")
        << QByteArray::fromHex("cafebabefacedbaddecaf888")
        << QByteArray::fromHex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                               "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39")
        << QByteArray::fromHex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
        << QByteArray::fromHex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                               "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"
                               "76fc6ece0f4e1768cddf8853bb2d551b");
}

void TestCrypto::aesGcmKnownAnswer()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, nonce);
    QFETCH(QByteArray, plaintext);
    QFETCH(QByteArray, associatedData);
    QFETCH(QByteArray, ciphertextAndTag);

    const auto opened =
        Crypto::aesGcmOpen(key, QByteArray(nonce + ciphertextAndTag), associatedData);
    QVERIFY(opened.has_value());
    QCOMPARE(*opened, plaintext);
}

void TestCrypto::aesGcmRejects_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("sealed");
    QTest::addColumn<QByteArray>("associatedData");

    const QByteArray key = Random::bytes(32);
    const QByteArray ad = "consumer:42"_ba;
    const QByteArray sealed = Crypto::aesGcmSeal(key, "client-secret-value"_ba, ad);
    const auto flipped = [&sealed](qsizetype at) {
        QByteArray copy = sealed;
        copy[at] = char(copy[at] ^ 0x01);
        return copy;
    };

    QTest::newRow("nonce tampered") << key << flipped(0) << ad;
    QTest::newRow("ciphertext tampered") << key << flipped(12) << ad;
    QTest::newRow("tag tampered") << key << flipped(sealed.size() - 1) << ad;
    QTest::newRow("truncated") << key << sealed.chopped(1) << ad;
    QTest::newRow("extended") << key << QByteArray(sealed + '\0') << ad;
    QTest::newRow("shorter than nonce and tag") << key << sealed.first(27) << ad;
    QTest::newRow("empty") << key << QByteArray() << ad;
    QTest::newRow("wrong associated data") << key << sealed << "consumer:43"_ba;
    QTest::newRow("associated data missing") << key << sealed << QByteArray();
    QTest::newRow("wrong key") << Random::bytes(32) << sealed << ad;
    QTest::newRow("short key") << key.first(16) << sealed << ad;
}

void TestCrypto::aesGcmRejects()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, sealed);
    QFETCH(QByteArray, associatedData);
    QVERIFY(!Crypto::aesGcmOpen(key, sealed, associatedData).has_value());
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
