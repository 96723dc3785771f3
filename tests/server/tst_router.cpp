#include <http/router.h>

#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Server::HttpRequest;
using Latchkey::Server::HttpResponse;
using Latchkey::Server::Router;

// The router is called with request values, no sockets, as every controller is.
class TestRouter final : public QObject
{
    Q_OBJECT

private slots:
    void dispatch_data();
    void dispatch();

private:
    static HttpResponse answer(const QString &name, const HttpRequest &request)
    {
        HttpResponse response;
        response.body = name.toUtf8() + ' ' + request.pathParameters.value(u"id"_s).toUtf8();
        return response;
    }
};

void TestRouter::dispatch_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("allow");

    QTest::newRow("literal") << "GET"_ba << u"/things"_s << 200 << "list "_ba << QByteArray();
    QTest::newRow("parameter") << "GET"_ba << u"/things/t1"_s << 200 << "get t1"_ba << QByteArray();
    QTest::newRow("literal beats parameter")
        << "POST"_ba << u"/things/revoke"_s << 200 << "revoke "_ba << QByteArray();
    QTest::newRow("wrong method on literal is 405, not the parameter route")
        << "GET"_ba << u"/things/revoke"_s << 405 << QByteArray() << "POST"_ba;
    QTest::newRow("wrong method lists what is allowed")
        << "PUT"_ba << u"/things/t1"_s << 405 << QByteArray() << "GET, DELETE"_ba;
    QTest::newRow("HEAD is GET") << "HEAD"_ba << u"/things"_s << 200 << "list "_ba << QByteArray();
    QTest::newRow("unknown path") << "GET"_ba << u"/nothing"_s << 404 << QByteArray()
                                  << QByteArray();
    QTest::newRow("too deep") << "GET"_ba << u"/things/t1/x"_s << 404 << QByteArray()
                              << QByteArray();
}

void TestRouter::dispatch()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, allow);

    Router router;
    router.add("GET", u"/things"_s, [](HttpRequest &r) { return answer(u"list"_s, r); });
    router.add("GET", u"/things/{id}"_s, [](HttpRequest &r) { return answer(u"get"_s, r); });
    router.add("DELETE", u"/things/{id}"_s, [](HttpRequest &r) { return answer(u"delete"_s, r); });
    router.add("POST", u"/things/revoke"_s, [](HttpRequest &r) { return answer(u"revoke"_s, r); });

    HttpRequest request;
    request.method = method;
    request.path = path;
    const HttpResponse response = router.dispatch(request);
    QCOMPARE(response.status, status);
    if (status == 200)
        QCOMPARE(response.body, body);
    QCOMPARE(response.header("Allow"), allow);
}

QTEST_GUILESS_MAIN(TestRouter)
#include "tst_router.moc"
