#include <QTest>

#include "protocol/hawk.h"

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

// The credentials and request of Hawk's README.
const QByteArray Id = "dh37fgj492je"_ba;
const QByteArray Key = "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"_ba;
constexpr qint64 Ts = 1353832234;
const QByteArray Nonce = "j4h3g2"_ba;
const QByteArray PostHash = "Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY="_ba;

Hawk::Artifacts readmeArtifacts(const QByteArray &method, const QByteArray &hash = {})
{
    Hawk::Artifacts artifacts;
    artifacts.id = Id;
    artifacts.ts = Ts;
    artifacts.nonce = Nonce;
    artifacts.method = method;
    artifacts.resource = "/resource/1?b=1&a=2"_ba;
    artifacts.host = "example.com"_ba;
    artifacts.port = 8000;
    artifacts.hash = hash;
    artifacts.ext = "some-app-ext-data"_ba;
    return artifacts;
}

Hawk::Request readmeRequest(const QByteArray &method)
{
    Hawk::Request request;
    request.method = method;
    request.resource = "/resource/1?b=1&a=2"_ba;
    request.host = "example.com"_ba;
    request.port = 8000;
    request.ext = "some-app-ext-data"_ba;
    return request;
}

} // namespace

class TestHawk : public QObject
{
    Q_OBJECT

private slots:
    void readmeVectors_data();
    void readmeVectors();
    void payloadHash_data();
    void payloadHash();
    void timestampMac();
    void normalizedString_data();
    void normalizedString();
    void authorizationHeader_data();
    void authorizationHeader();
    void signRefuses_data();
    void signRefuses();
    void signMakesUpNonce();
    void parseRoundTrip_data();
    void parseRoundTrip();
    void parseAccepts_data();
    void parseAccepts();
    void parseErrors_data();
    void parseErrors();
    void staleTimestampRoundTrip();
    void serverTimestampRejected_data();
    void serverTimestampRejected();
};

void TestHawk::readmeVectors_data()
{
    QTest::addColumn<Hawk::Request>("request");
    QTest::addColumn<QByteArray>("hash");
    QTest::addColumn<QByteArray>("mac");
    QTest::addColumn<QByteArray>("header");

    QTest::newRow("GET") << readmeRequest("GET"_ba) << QByteArray()
                         << "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="_ba
                         << "Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", "
                            "ext=\"some-app-ext-data\", "
                            "mac=\"6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=\""_ba;

    Hawk::Request post = readmeRequest("POST"_ba);
    post.hasPayload = true;
    post.contentType = "text/plain"_ba;
    post.payload = "Thank you for flying Hawk"_ba;
    QTest::newRow("POST with payload")
        << post << PostHash << "aSe1DERmZuRl3pI36/9BdZmnErTw3sNzOOAUlfeKjVw="_ba
        << "Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", "
           "hash=\"Yi9LfIIFRtBEPt74PVmbTF/xVAwPn7ub15ePICfgnuY=\", ext=\"some-app-ext-data\", "
           "mac=\"aSe1DERmZuRl3pI36/9BdZmnErTw3sNzOOAUlfeKjVw=\""_ba;

    // The method is uppercased and the host lowercased before signing.
    Hawk::Request cased = readmeRequest("get"_ba);
    cased.host = "EXAMPLE.com"_ba;
    QTest::newRow("lowercase method, uppercase host")
        << cased << QByteArray() << "6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="_ba
        << "Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", "
           "ext=\"some-app-ext-data\", mac=\"6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE=\""_ba;
}

void TestHawk::readmeVectors()
{
    QFETCH(Hawk::Request, request);
    QFETCH(QByteArray, hash);
    QFETCH(QByteArray, mac);
    QFETCH(QByteArray, header);

    if (request.hasPayload)
        QCOMPARE(Hawk::payloadHash(request.contentType, request.payload), hash);

    Hawk::Artifacts artifacts = readmeArtifacts(request.method, hash);
    artifacts.host = request.host;
    QCOMPARE(Hawk::calculateMac(Key, "header", artifacts), mac);
    QCOMPARE(Hawk::sign(Id, Key, request, Ts, Nonce), header);
}

void TestHawk::payloadHash_data()
{
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("payload");
    QTest::addColumn<QByteArray>("hash");

    const QByteArray readmePayload = "Thank you for flying Hawk"_ba;
    QTest::newRow("README") << "text/plain"_ba << readmePayload << PostHash;
    QTest::newRow("charset parameter")
        << "text/plain; charset=utf-8"_ba << readmePayload << PostHash;
    QTest::newRow("case and spaces")
        << "  Text/PLAIN ;charset=utf-8;x=y"_ba << readmePayload << PostHash;
    QTest::newRow("empty parameter list") << "text/plain;"_ba << readmePayload << PostHash;
    QTest::newRow("other media type") << "application/json"_ba << readmePayload
                                      << "BuSp2E4QQiH1RgdJCrldSQBk4X6hYbhgiwq28bv/Glo="_ba;
    QTest::newRow("empty payload")
        << "text/plain"_ba << QByteArray() << "q/t+NNAkQZNlq/aAD6PlexImwQTxwgT2MahfTa9XRLA="_ba;
    QTest::newRow("no content type")
        << QByteArray() << QByteArray() << "B0weSUXsMcb5UhL41FZbrUJCAotzSI3HawE1NPLRUz8="_ba;
}

void TestHawk::payloadHash()
{
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, payload);
    QFETCH(QByteArray, hash);
    QCOMPARE(Hawk::payloadHash(contentType, payload), hash);
}

void TestHawk::timestampMac()
{
    QCOMPARE(Hawk::timestampMac(Key, 1365741469),
             "b4Qqhz8OUBq21saghHLV1ktwlXE72T1xtTEZkSlWizA="_ba);
}

void TestHawk::normalizedString_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<Hawk::Artifacts>("artifacts");
    QTest::addColumn<QByteArray>("normalized");

    QTest::newRow("README GET")
        << "header"_ba << readmeArtifacts("GET"_ba)
        << "hawk.1.header\n1353832234\nj4h3g2\nGET\n/resource/1?b=1&a=2\nexample.com\n8000\n\n"
           "some-app-ext-data\n"_ba;

    Hawk::Artifacts hashed;
    hashed.ts = 1357747017;
    hashed.nonce = "k3k4j5"_ba;
    hashed.method = "GET"_ba;
    hashed.resource = "/resource/something"_ba;
    hashed.host = "example.com"_ba;
    hashed.port = 8080;
    hashed.hash = "U4MKKSmiVxk37JCCrAVIjV/OhB3y+NdwoCr6RShbVkE="_ba;
    hashed.ext = "this is some app data"_ba;
    QTest::newRow("hash and ext")
        << "header"_ba << hashed
        << "hawk.1.header\n1357747017\nk3k4j5\nGET\n/resource/something\nexample.com\n8080\n"
           "U4MKKSmiVxk37JCCrAVIjV/OhB3y+NdwoCr6RShbVkE=\nthis is some app data\n"_ba;

    Hawk::Artifacts noExt = readmeArtifacts("GET"_ba);
    noExt.ext.clear();
    QTest::newRow("no ext") << "header"_ba << noExt
                            << "hawk.1.header\n1353832234\nj4h3g2\nGET\n/resource/1?b=1&a=2\n"
                               "example.com\n8000\n\n\n"_ba;

    // Backslashes and newlines are escaped so ext cannot forge the lines after it; quotes are not.
    Hawk::Artifacts escaped = readmeArtifacts("GET"_ba);
    escaped.ext = "a\\b\nc\"d\\n"_ba;
    QTest::newRow("ext escaped") << "header"_ba << escaped
                                 << "hawk.1.header\n1353832234\nj4h3g2\nGET\n/resource/1?b=1&a=2\n"
                                    "example.com\n8000\n\na\\\\b\\nc\"d\\\\n\n"_ba;

    Hawk::Artifacts app = readmeArtifacts("GET"_ba);
    app.app = "hf48hd83qwkj"_ba;
    QTest::newRow("app without dlg")
        << "header"_ba << app
        << "hawk.1.header\n1353832234\nj4h3g2\nGET\n/resource/1?b=1&a=2\nexample.com\n8000\n\n"
           "some-app-ext-data\nhf48hd83qwkj\n\n"_ba;

    Hawk::Artifacts appDlg = app;
    appDlg.dlg = "d8djwekds9cj"_ba;
    QTest::newRow("app and dlg")
        << "header"_ba << appDlg
        << "hawk.1.header\n1353832234\nj4h3g2\nGET\n/resource/1?b=1&a=2\nexample.com\n8000\n\n"
           "some-app-ext-data\nhf48hd83qwkj\nd8djwekds9cj\n"_ba;

    Hawk::Artifacts dlgOnly = readmeArtifacts("GET"_ba);
    dlgOnly.dlg = "d8djwekds9cj"_ba;
    QTest::newRow("dlg without app is left out")
        << "header"_ba << dlgOnly
        << "hawk.1.header\n1353832234\nj4h3g2\nGET\n/resource/1?b=1&a=2\nexample.com\n8000\n\n"
           "some-app-ext-data\n"_ba;

    Hawk::Artifacts cased = readmeArtifacts("pOsT"_ba);
    cased.host = "WWW.Example.COM"_ba;
    cased.resource = "/Resource/1?B=1"_ba;
    QTest::newRow("method uppercased, host lowercased, resource kept")
        << "header"_ba << cased
        << "hawk.1.header\n1353832234\nj4h3g2\nPOST\n/Resource/1?B=1\nwww.example.com\n8000\n\n"
           "some-app-ext-data\n"_ba;

    QTest::newRow("response") << "response"_ba << readmeArtifacts("GET"_ba)
                              << "hawk.1.response\n1353832234\nj4h3g2\nGET\n/resource/1?b=1&a=2\n"
                                 "example.com\n8000\n\nsome-app-ext-data\n"_ba;
}

void TestHawk::normalizedString()
{
    QFETCH(QByteArray, type);
    QFETCH(Hawk::Artifacts, artifacts);
    QFETCH(QByteArray, normalized);
    QCOMPARE(Hawk::normalizedString(type, artifacts), normalized);
}

void TestHawk::authorizationHeader_data()
{
    QTest::addColumn<Hawk::Artifacts>("artifacts");
    QTest::addColumn<QByteArray>("header");

    Hawk::Artifacts minimal;
    minimal.id = "123"_ba;
    minimal.ts = 1353788437;
    minimal.nonce = "k3j4h2"_ba;
    minimal.mac = "m/A+c="_ba;
    QTest::newRow("required only")
        << minimal << "Hawk id=\"123\", ts=\"1353788437\", nonce=\"k3j4h2\", mac=\"m/A+c=\""_ba;

    Hawk::Artifacts escaped = minimal;
    escaped.ext = "say \"hi\" \\o/"_ba;
    QTest::newRow("ext quotes and backslashes escaped")
        << escaped
        << "Hawk id=\"123\", ts=\"1353788437\", nonce=\"k3j4h2\", ext=\"say \\\"hi\\\" \\\\o/\", "
           "mac=\"m/A+c=\""_ba;

    Hawk::Artifacts full = minimal;
    full.hash = "h="_ba;
    full.ext = "e"_ba;
    full.app = "a"_ba;
    full.dlg = "d"_ba;
    QTest::newRow("all attributes in hawk's order")
        << full
        << "Hawk id=\"123\", ts=\"1353788437\", nonce=\"k3j4h2\", hash=\"h=\", ext=\"e\", "
           "mac=\"m/A+c=\", app=\"a\", dlg=\"d\""_ba;

    Hawk::Artifacts appOnly = minimal;
    appOnly.app = "a"_ba;
    QTest::newRow("app without dlg")
        << appOnly
        << "Hawk id=\"123\", ts=\"1353788437\", nonce=\"k3j4h2\", mac=\"m/A+c=\", app=\"a\""_ba;

    Hawk::Artifacts dlgOnly = minimal;
    dlgOnly.dlg = "d"_ba;
    QTest::newRow("dlg without app is left out")
        << dlgOnly << "Hawk id=\"123\", ts=\"1353788437\", nonce=\"k3j4h2\", mac=\"m/A+c=\""_ba;

    // What no parser would take back, or what would break the header line, gives no header.
    Hawk::Artifacts noMac = minimal;
    noMac.mac.clear();
    QTest::newRow("no mac") << noMac << QByteArray();
    Hawk::Artifacts noId = minimal;
    noId.id.clear();
    QTest::newRow("no id") << noId << QByteArray();
    Hawk::Artifacts quotedId = minimal;
    quotedId.id = "1\", mac=\"x"_ba;
    QTest::newRow("quote in id") << quotedId << QByteArray();
    Hawk::Artifacts newlineExt = minimal;
    newlineExt.ext = "a\r\nX-Injected: 1"_ba;
    QTest::newRow("newline in ext") << newlineExt << QByteArray();
    Hawk::Artifacts badApp = minimal;
    badApp.app = "caf\xc3\xa9"_ba;
    QTest::newRow("non-ASCII app") << badApp << QByteArray();
}

void TestHawk::authorizationHeader()
{
    QFETCH(Hawk::Artifacts, artifacts);
    QFETCH(QByteArray, header);
    QCOMPARE(Hawk::authorizationHeader(artifacts), header);
}

void TestHawk::signRefuses_data()
{
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<QByteArray>("key");

    QTest::newRow("no key") << Id << QByteArray();
    QTest::newRow("no id") << QByteArray() << Key;
}

void TestHawk::signRefuses()
{
    QFETCH(QByteArray, id);
    QFETCH(QByteArray, key);
    QCOMPARE(Hawk::sign(id, key, readmeRequest("GET"_ba), Ts, Nonce), QByteArray());
}

void TestHawk::signMakesUpNonce()
{
    const auto first = Hawk::parseAuthorizationHeader(
        Hawk::sign(Id, Key, readmeRequest("GET"_ba), Ts, QByteArrayView()));
    const auto second = Hawk::parseAuthorizationHeader(
        Hawk::sign(Id, Key, readmeRequest("GET"_ba), Ts, QByteArrayView()));
    QVERIFY2(first.artifacts && second.artifacts, qPrintable(first.error + second.error));
    QVERIFY(!first.artifacts->nonce.isEmpty());
    QCOMPARE_NE(first.artifacts->nonce, second.artifacts->nonce);
}

void TestHawk::parseRoundTrip_data()
{
    QTest::addColumn<Hawk::Request>("request");

    QTest::newRow("README GET") << readmeRequest("GET"_ba);

    Hawk::Request post = readmeRequest("POST"_ba);
    post.hasPayload = true;
    post.contentType = "application/json"_ba;
    post.payload = "{\"name\":\"pump\"}"_ba;
    QTest::newRow("POST with payload") << post;

    Hawk::Request delegated = readmeRequest("GET"_ba);
    delegated.app = "hf48hd83qwkj"_ba;
    delegated.dlg = "d8djwekds9cj"_ba;
    QTest::newRow("app and dlg") << delegated;

    Hawk::Request bare = readmeRequest("DELETE"_ba);
    bare.ext.clear();
    QTest::newRow("no ext") << bare;

    Hawk::Request punctuated = readmeRequest("GET"_ba);
    punctuated.ext = "!#$%&'()*+,-./:;<=>?@[]^_`{|}~ ok"_ba;
    QTest::newRow("ext with every allowed punctuation") << punctuated;
}

void TestHawk::parseRoundTrip()
{
    QFETCH(Hawk::Request, request);

    const QByteArray header = Hawk::sign(Id, Key, request, Ts, Nonce);
    const Hawk::ParseResult parsed = Hawk::parseAuthorizationHeader(header);
    QVERIFY2(parsed.artifacts.has_value(), qPrintable(parsed.error));
    QVERIFY(parsed.error.isEmpty());

    Hawk::Artifacts artifacts = *parsed.artifacts;
    QCOMPARE(artifacts.id, Id);
    QCOMPARE(artifacts.ts, Ts);
    QCOMPARE(artifacts.nonce, Nonce);
    QCOMPARE(artifacts.ext, request.ext);
    QCOMPARE(artifacts.app, request.app);
    QCOMPARE(artifacts.dlg, request.dlg);
    QCOMPARE(artifacts.hash, request.hasPayload
                                 ? Hawk::payloadHash(request.contentType, request.payload)
                                 : QByteArray());
    QVERIFY(artifacts.method.isEmpty() && artifacts.resource.isEmpty());
    QVERIFY(artifacts.host.isEmpty() && artifacts.port == 0);

    // What a server does next: add what it knows of the request and recompute the MAC.
    artifacts.method = request.method;
    artifacts.resource = request.resource;
    artifacts.host = request.host;
    artifacts.port = request.port;
    QCOMPARE(Hawk::calculateMac(Key, "header", artifacts), artifacts.mac);
    QCOMPARE(Hawk::authorizationHeader(artifacts), header);
}

void TestHawk::parseAccepts_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<qint64>("ts");
    QTest::addColumn<QByteArray>("ext");

    QTest::newRow("hawk's test header") << "Hawk id=\"123\", ts=\"1353788437\", nonce=\"k3j4h2\", "
                                           "mac=\"qrP6b5tiS2CO330rpjUEym/USBM=\", ext=\"hello\""_ba
                                        << "123"_ba << qint64(1353788437) << "hello"_ba;
    QTest::newRow("scheme in any case, no spaces")
        << "hAWK id=\"1\",ts=\"2\",nonce=\"3\",mac=\"4\""_ba
        << "1"_ba << qint64(2) << QByteArray();
    QTest::newRow("loose spacing and trailing comma")
        << "Hawk \t id=\"1\" ,ts=\"2\"  ,\tnonce=\"3\", mac=\"4\" , "_ba
        << "1"_ba << qint64(2) << QByteArray();
    // Node hands hawk the header as Latin-1, where 0xA0 is whitespace for \s.
    QTest::newRow("no-break space") << "Hawk\xa0id=\"1\",\xa0ts=\"2\", nonce=\"3\", mac=\"4\""_ba
                                    << "1"_ba << qint64(2) << QByteArray();
    QTest::newRow("ts zero") << "Hawk id=\"1\", ts=\"0\", nonce=\"3\", mac=\"4\""_ba
                             << "1"_ba << qint64(0) << QByteArray();
    QTest::newRow("spaces inside values")
        << "Hawk id=\"a b\", ts=\"2\", nonce=\"3\", mac=\"4\", ext=\" x \""_ba
        << "a b"_ba << qint64(2) << " x "_ba;
}

void TestHawk::parseAccepts()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, id);
    QFETCH(qint64, ts);
    QFETCH(QByteArray, ext);

    const Hawk::ParseResult parsed = Hawk::parseAuthorizationHeader(header);
    QVERIFY2(parsed.artifacts.has_value(), qPrintable(parsed.error));
    QCOMPARE(parsed.artifacts->id, id);
    QCOMPARE(parsed.artifacts->ts, ts);
    QCOMPARE(parsed.artifacts->ext, ext);
}

void TestHawk::parseErrors_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QString>("error");

    const QString syntax = u"Invalid header syntax"_s;
    QTest::newRow("empty") << QByteArray() << syntax;
    QTest::newRow("scheme only") << "Hawk"_ba << syntax;
    QTest::newRow("scheme and spaces") << "Hawk   "_ba << syntax;
    QTest::newRow("other scheme") << "Basic dXNlcjpwYXNz"_ba << syntax;
    QTest::newRow("scheme prefix")
        << "Hawkish id=\"1\", ts=\"2\", nonce=\"3\", mac=\"4\""_ba << syntax;
    QTest::newRow("no space after scheme") << "Hawk,id=\"1\""_ba << syntax;
    QTest::newRow("leading space")
        << " Hawk id=\"1\", ts=\"2\", nonce=\"3\", mac=\"4\""_ba << syntax;
    QTest::newRow("line break in attributes")
        << "Hawk id=\"1\",\r\n ts=\"2\", nonce=\"3\", mac=\"4\""_ba << syntax;
    // hawk's maxMatchLength: the scan is quadratic in the length (found by tests/fuzz).
    QTest::newRow("longer than 4096 bytes")
        << "Hawk id=\"1\", ts=\"2\", nonce=\"3\", mac=\"4\", ext=\""_ba + QByteArray(4096, 'x') +
               '"'
        << u"Header length too long"_s;

    QTest::newRow("unknown attribute")
        << "Hawk id=\"123\", ts=\"1353788437\", nonce=\"k3j4h2\", mac=\"x\", x=\"y\""_ba
        << u"Unknown attribute: x"_s;
    QTest::newRow("attribute names are case-sensitive")
        << "Hawk ID=\"123\", ts=\"1353788437\", nonce=\"k3j4h2\", mac=\"x\""_ba
        << u"Unknown attribute: ID"_s;
    QTest::newRow("challenge attribute in a request")
        << "Hawk id=\"1\", ts=\"2\", nonce=\"3\", mac=\"4\", tsm=\"5\""_ba
        << u"Unknown attribute: tsm"_s;
    QTest::newRow("duplicate attribute")
        << "Hawk id=\"123\", id=\"456\", ts=\"1353788437\", nonce=\"k3j4h2\", mac=\"x\""_ba
        << u"Duplicate attribute: id"_s;
    QTest::newRow("empty value") << "Hawk id=\"\", ts=\"2\", nonce=\"3\", mac=\"4\""_ba
                                 << u"Bad attribute value: id"_s;
    QTest::newRow("tab in value")
        << "Hawk id=\"1\", ts=\"2\", nonce=\"3\", mac=\"4\", ext=\"a\tb\""_ba
        << u"Bad attribute value: ext"_s;
    QTest::newRow("non-ASCII value")
        << "Hawk id=\"caf\xc3\xa9\", ts=\"2\", nonce=\"3\", mac=\"4\""_ba
        << u"Bad attribute value: id"_s;
    // Like hawk, the scan goes on after an error and reports the last one.
    QTest::newRow("last error wins")
        << "Hawk x=\"1\", id=\"1\", id=\"2\", ts=\"2\", nonce=\"3\", mac=\"4\""_ba
        << u"Duplicate attribute: id"_s;

    const QString format = u"Bad header format"_s;
    QTest::newRow("missing comma") << "Hawk id=\"1\" ts=\"2\", nonce=\"3\", mac=\"4\""_ba << format;
    QTest::newRow("trailing junk")
        << "Hawk id=\"1\", ts=\"2\", nonce=\"3\", mac=\"4\", junk"_ba << format;
    QTest::newRow("unquoted value") << "Hawk id=1, ts=\"2\", nonce=\"3\", mac=\"4\""_ba << format;
    QTest::newRow("escaped quote in value")
        << "Hawk id=\"1\", ts=\"2\", nonce=\"3\", mac=\"4\", ext=\"a\\\"b\""_ba << format;
    QTest::newRow("unterminated value")
        << "Hawk id=\"1\", ts=\"2\", nonce=\"3\", mac=\"4"_ba << format;

    const QString missing = u"Missing attributes"_s;
    QTest::newRow("no id") << "Hawk ts=\"1353788437\", nonce=\"k3j4h2\", mac=\"x\""_ba << missing;
    QTest::newRow("no ts") << "Hawk id=\"1\", nonce=\"k3j4h2\", mac=\"x\""_ba << missing;
    QTest::newRow("no nonce") << "Hawk id=\"1\", ts=\"1353788437\", mac=\"x\""_ba << missing;
    QTest::newRow("no mac") << "Hawk id=\"1\", ts=\"1353788437\", nonce=\"k3j4h2\""_ba << missing;

    const QString badTs = u"Bad attribute value: ts"_s;
    QTest::newRow("ts not a number")
        << "Hawk id=\"1\", ts=\"soon\", nonce=\"3\", mac=\"4\""_ba << badTs;
    QTest::newRow("ts with fraction")
        << "Hawk id=\"1\", ts=\"1.5\", nonce=\"3\", mac=\"4\""_ba << badTs;
    QTest::newRow("ts with plus sign")
        << "Hawk id=\"1\", ts=\"+15\", nonce=\"3\", mac=\"4\""_ba << badTs;
    QTest::newRow("negative ts") << "Hawk id=\"1\", ts=\"-15\", nonce=\"3\", mac=\"4\""_ba << badTs;
    QTest::newRow("ts with space")
        << "Hawk id=\"1\", ts=\" 15\", nonce=\"3\", mac=\"4\""_ba << badTs;
    // The MAC covers ts as sent, so only the form that prints back the same is taken.
    QTest::newRow("ts with leading zero")
        << "Hawk id=\"1\", ts=\"015\", nonce=\"3\", mac=\"4\""_ba << badTs;
    QTest::newRow("ts overflows")
        << "Hawk id=\"1\", ts=\"99999999999999999999\", nonce=\"3\", mac=\"4\""_ba << badTs;
}

void TestHawk::parseErrors()
{
    QFETCH(QByteArray, header);
    QFETCH(QString, error);

    const Hawk::ParseResult parsed = Hawk::parseAuthorizationHeader(header);
    QVERIFY(!parsed.artifacts.has_value());
    QCOMPARE(parsed.error, error);
}

void TestHawk::staleTimestampRoundTrip()
{
    const QByteArray challenge = Hawk::staleTimestampChallenge(Key, 1365741469);
    QCOMPARE(challenge,
             "Hawk ts=\"1365741469\", tsm=\"b4Qqhz8OUBq21saghHLV1ktwlXE72T1xtTEZkSlWizA=\", "
             "error=\"Stale timestamp\""_ba);
    const auto ts = Hawk::verifiedServerTimestamp(challenge, Key);
    QVERIFY(ts.has_value());
    QCOMPARE(*ts, qint64(1365741469));
}

void TestHawk::serverTimestampRejected_data()
{
    QTest::addColumn<QByteArray>("challenge");

    const QByteArray tsm = "b4Qqhz8OUBq21saghHLV1ktwlXE72T1xtTEZkSlWizA="_ba;
    QTest::newRow("signed with another key")
        << Hawk::staleTimestampChallenge("another-key"_ba, 1365741469);
    QTest::newRow("ts changed") << "Hawk ts=\"1365741470\", tsm=\"" + tsm +
                                       "\", error=\"Stale timestamp\"";
    QTest::newRow("ts with leading zero") << "Hawk ts=\"01365741469\", tsm=\"" + tsm + "\"";
    QTest::newRow("no tsm") << "Hawk ts=\"1365741469\", error=\"Stale timestamp\""_ba;
    QTest::newRow("no ts") << "Hawk tsm=\"" + tsm + "\", error=\"Stale timestamp\"";
    QTest::newRow("other scheme") << "Bearer ts=\"1365741469\", tsm=\"" + tsm + "\"";
    QTest::newRow("unknown attribute") << "Hawk ts=\"1365741469\", tsm=\"" + tsm + "\", x=\"y\"";
    QTest::newRow("garbage") << "Hawk !!!"_ba;
    QTest::newRow("empty") << QByteArray();
}

void TestHawk::serverTimestampRejected()
{
    QFETCH(QByteArray, challenge);
    QVERIFY(!Hawk::verifiedServerTimestamp(challenge, Key).has_value());
}

QTEST_GUILESS_MAIN(TestHawk)
#include "tst_hawk.moc"
