#include <security/masterkey.h>
#include <security/tokenkeys.h>
#include <servercontext.h>
#include <storage/database.h>
#include <testserver.h>

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QtTest>

using namespace Qt::StringLiterals;
using Latchkey::Server::Database;
using Latchkey::Server::StorageError;
using Latchkey::Test::TestServer;

// Group commit: the server commits the writes of every request it read in one turn of its event
// loop together, and answers none of them before that commit. Runs on SQLite, and on PostgreSQL
// as tst_groupcommit-postgres.
class TestGroupCommit final : public QObject
{
    Q_OBJECT

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void everyAnswerIsCommittedBeforeItArrives();
    void aFailedRequestUndoesOnlyItsOwnWrites();
    void aBatchThatFailedStoresNothingAndSaysSo();
    void writesOutsideARequestCommitAtOnce();

private:
    qint64 tokensWithDigest(Database &observer, const QString &digest)
    {
        auto &rows = observer.exec(u"SELECT COUNT(*) FROM tokens WHERE digest = ?"_s, {digest});
        const qint64 count = rows.next() ? rows.integer(0) : -1;
        observer.releaseStatements();
        return count;
    }
    // Rows of hawk_nonces stand for any write: the table has a primary key and no references.
    static void insertNonce(Database &database, const QString &nonce)
    {
        database.exec(u"INSERT INTO hawk_nonces (key_id, nonce, ts, seen_at) VALUES (?, ?, ?, ?)"_s,
                      {u"key_groupcommit"_s, nonce, 1, 1});
    }
    qint64 nonces(Database &observer, const QString &nonce)
    {
        auto &rows = observer.exec(u"SELECT COUNT(*) FROM hawk_nonces WHERE nonce = ?"_s, {nonce});
        const qint64 count = rows.next() ? rows.integer(0) : -1;
        observer.releaseStatements();
        return count;
    }

    std::unique_ptr<TestServer> m_server;
};

void TestGroupCommit::everyAnswerIsCommittedBeforeItArrives()
{
    // Forty token requests at once over several connections: they share commits. The moment
    // each answer arrives, another connection to the database already finds its token.
    const QJsonObject automation = m_server->bootstrap().value(u"automation"_s).toObject();
    const QByteArray credentials =
        QUrl::toPercentEncoding(automation.value(u"client_id"_s).toString()) + ':' +
        QUrl::toPercentEncoding(automation.value(u"client_secret"_s).toString());
    const QByteArray basic = credentials.toBase64();
    auto observer = m_server->database().connect(m_server->dataDir());
    QNetworkAccessManager network;
    int answered = 0;
    int committed = 0;
    QStringList failures;
    constexpr int count = 40;
    for (int i = 0; i < count; ++i) {
        QNetworkRequest request(m_server->url().resolved(QUrl(u"/oauth/token"_s)));
        request.setRawHeader("Content-Type", "application/x-www-form-urlencoded");
        request.setRawHeader("Authorization", "Basic " + basic);
        QNetworkReply *reply = network.post(request, "grant_type=client_credentials");
        connect(reply, &QNetworkReply::finished, this, [&, reply] {
            reply->deleteLater();
            ++answered;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QString token = QJsonDocument::fromJson(reply->readAll())
                                      .object()
                                      .value(u"access_token"_s)
                                      .toString();
            if (status != 200 || token.isEmpty()) {
                failures.append(u"status %1"_s.arg(status));
                return;
            }
            const QString digest =
                Latchkey::Server::TokenKeys::storedKey(m_server->context().masterKey(), token);
            if (tokensWithDigest(*observer, digest) == 1)
                ++committed;
            else
                failures.append(u"token %1 not stored when answered"_s.arg(answered));
        });
    }
    QTRY_COMPARE_WITH_TIMEOUT(answered, count, 30000);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(u"; "_s)));
    QCOMPARE(committed, count);
    QVERIFY(!m_server->context().database().batchOpen());
}

void TestGroupCommit::aFailedRequestUndoesOnlyItsOwnWrites()
{
    auto batching = m_server->database().connect(m_server->dataDir());
    auto observer = m_server->database().connect(m_server->dataDir());
    int opened = 0;
    batching->setBatching([&opened] { ++opened; });
    const Database::RequestScope requests(*batching);
    {
        Database::Transaction first(*batching);
        insertNonce(*batching, u"first"_s);
        first.commit();
    }
    try {
        Database::Transaction failing(*batching);
        insertNonce(*batching, u"failing"_s);
        throw StorageError(u"the request failed after its write"_s);
    } catch (const StorageError &) {
    }
    {
        Database::Transaction third(*batching);
        insertNonce(*batching, u"third"_s);
        third.commit();
    }
    QCOMPARE(opened, 1); // one batch for the three
    QVERIFY(batching->batchOpen());
    // Not committed yet: another connection sees none of them.
    QCOMPARE(nonces(*observer, u"first"_s), 0);
    QCOMPARE(nonces(*observer, u"third"_s), 0);

    QString error;
    QVERIFY2(batching->commitBatch(&error), qPrintable(error));
    QVERIFY(!batching->batchOpen());
    QCOMPARE(nonces(*observer, u"first"_s), 1);
    QCOMPARE(nonces(*observer, u"failing"_s), 0);
    QCOMPARE(nonces(*observer, u"third"_s), 1);
    // Nothing open: committing again is a no-op that succeeds.
    QVERIFY(batching->commitBatch());
}

void TestGroupCommit::aBatchThatFailedStoresNothingAndSaysSo()
{
    auto batching = m_server->database().connect(m_server->dataDir());
    auto observer = m_server->database().connect(m_server->dataDir());
    batching->setBatching([] {});
    const Database::RequestScope requests(*batching);
    {
        Database::Transaction first(*batching);
        insertNonce(*batching, u"kept"_s);
        first.commit();
    }
    // A write outside any request transaction fails (the same primary key again): it cannot be
    // undone alone, so the whole batch is lost, and every request of it must hear so.
    QVERIFY_THROWS_EXCEPTION(StorageError, insertNonce(*batching, u"kept"_s));
    // The rest of that moment is refused at once, with the reason.
    try {
        Database::Transaction later(*batching);
        QFAIL("a transaction began in a failed batch");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains(u"an earlier write of this moment failed"_s),
                 qPrintable(error.message()));
    }
    QString error;
    QVERIFY(!batching->commitBatch(&error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(nonces(*observer, u"kept"_s), 0);

    // The next moment starts clean.
    {
        Database::Transaction next(*batching);
        insertNonce(*batching, u"next"_s);
        next.commit();
    }
    QVERIFY2(batching->commitBatch(&error), qPrintable(error));
    QCOMPARE(nonces(*observer, u"next"_s), 1);
}

void TestGroupCommit::writesOutsideARequestCommitAtOnce()
{
    // The server's own writes outside a request (a command, a clean-up, a test's set-up) are
    // not held for a batch: another connection sees them and can write at once.
    Database &database = m_server->context().database();
    QVERIFY(!database.batchOpen());
    insertNonce(database, u"outside"_s);
    QVERIFY(!database.batchOpen());
    auto other = m_server->database().connect(m_server->dataDir());
    QCOMPARE(nonces(*other, u"outside"_s), 1);
    insertNonce(*other, u"other"_s);
    QCOMPARE(nonces(database, u"other"_s), 1);
}

QTEST_MAIN(TestGroupCommit)
#include "tst_groupcommit.moc"
