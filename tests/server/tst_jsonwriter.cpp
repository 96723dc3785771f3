#include <protocol/entities.h>
#include <protocol/jsonwriter.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::JsonWriter;

// The hot answers (token, whoami) are written with JsonWriter instead of QJsonDocument: a client
// must get the very same bytes either way.
class TestJsonWriter final : public QObject
{
    Q_OBJECT

private slots:
    void stringsAsQJsonDocument_data();
    void stringsAsQJsonDocument();
    void nestedAsQJsonDocument();
    void authorizationAsToJson();
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

void TestJsonWriter::authorizationAsToJson()
{
    Latchkey::Authorization active;
    active.id = u"aut_1"_s;
    active.userId = u"usr_1"_s;
    active.userEmail = u"zoë@example.com"_s;
    active.consumerId = u"con_1"_s;
    active.consumerName = u"Ops \"nightly\""_s;
    active.scopes = {u"profile"_s, u"assets:read"_s};
    active.createdAt = QDateTime::fromMSecsSinceEpoch(1700000000123, Qt::UTC);
    active.version = 3;
    Latchkey::Authorization revoked = active;
    revoked.scopes.clear();
    revoked.lastUsedAt = active.createdAt.addSecs(60);
    revoked.revokedAt = active.createdAt.addSecs(120);
    revoked.revokedBy = u"user:admin@example.com"_s;
    for (const Latchkey::Authorization &authorization : {active, revoked}) {
        JsonWriter writer;
        authorization.writeJson(writer);
        QCOMPARE(writer.take(),
                 QJsonDocument(authorization.toJson()).toJson(QJsonDocument::Compact));
    }
}

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_jsonwriter.moc"
