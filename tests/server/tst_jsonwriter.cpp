#include <http/jsonwriter.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Server::JsonWriter;

// The hot answers (token, whoami) are written with JsonWriter instead of QJsonDocument: a client
// must get the very same bytes either way.
class TestJsonWriter final : public QObject
{
    Q_OBJECT

private slots:
    void stringsAsQJsonDocument_data();
    void stringsAsQJsonDocument();
    void nestedAsQJsonDocument();
};

void TestJsonWriter::stringsAsQJsonDocument_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("ascii") << u"Read only"_s;
    QTest::newRow("quotes and backslash") << u"a\"b\\c/d"_s;
    QTest::newRow("named controls") << u"\b\f\n\r\t"_s;
    QTest::newRow("other controls") << QString::fromUtf16(u"\x01\x1f\x7f");
    QTest::newRow("latin and cjk") << u"São Paulo · 東京"_s;
    QTest::newRow("astral") << u"key 🔑"_s;
    QTest::newRow("lone high surrogate") << QString(QChar(0xd800)) + u"x"_s;
    QTest::newRow("lone low surrogate") << u"x"_s + QString(QChar(0xdc00));
}

void TestJsonWriter::stringsAsQJsonDocument()
{
    QFETCH(QString, text);
    const QByteArray expected =
        QJsonDocument(QJsonObject{{u"k"_s, text}}).toJson(QJsonDocument::Compact);
    QCOMPARE(JsonWriter().beginObject().key("k").value(text).endObject().take(), expected);
}

void TestJsonWriter::nestedAsQJsonDocument()
{
    const QJsonObject object{
        {u"auth"_s, u"hawk"_s},
        {u"count"_s, 3600},
        {u"empty"_s, QJsonArray()},
        {u"flag"_s, true},
        {u"none"_s, QJsonValue()},
        {u"principal"_s, QJsonObject{{u"id"_s, u"lk_1"_s}, {u"name"_s, u"n\"1"_s}}},
        {u"scopes"_s, QJsonArray::fromStringList({u"a"_s, u"b c"_s})},
        {u"tenant"_s, QJsonObject{}},
    };
    JsonWriter writer;
    writer.beginObject()
        .key("auth")
        .value("hawk"_L1)
        .key("count")
        .value(3600)
        .key("empty")
        .value(QStringList())
        .key("flag")
        .value(true)
        .key("none")
        .nullValue()
        .key("principal")
        .beginObject()
        .key("id")
        .value(u"lk_1"_s)
        .key("name")
        .value(u"n\"1"_s)
        .endObject()
        .key("scopes")
        .value(QStringList{u"a"_s, u"b c"_s})
        .key("tenant")
        .beginObject()
        .endObject()
        .endObject();
    QCOMPARE(writer.take(), QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
