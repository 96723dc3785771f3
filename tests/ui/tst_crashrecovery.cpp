#include <appfixture.h>

#include <cache/cachedatabase.h>
#include <keys/keylistmodel.h>
#include <keys/keyspage.h>

#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtTest>

#include <csignal>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace Latchkey;
using Latchkey::Test::AppFixture;

namespace {

// The child's mode: this program, started with these arguments, syncs lists into the cache
// without end, as the app does after each fetch, until it is killed.
constexpr auto writerArgument = "--cache-writer";

int cacheWriter(const QString &path, const QString &profileId, int firstGeneration)
{
    auto opened = Core::CacheDatabase::open(path);
    if (!opened)
        return 1;
    Core::CacheDatabase &cache = *opened.value();
    for (int generation = firstGeneration;; ++generation) {
        // Lists of different lengths, so a half-written one could not pass for a whole one.
        const int count = generation % 2 ? 20000 : 30000;
        QList<QJsonObject> rows;
        rows.reserve(count);
        for (int i = 0; i < count; ++i)
            rows.append({{u"id"_s, u"lk_%1_%2"_s.arg(generation).arg(i)},
                         {u"name"_s, u"Key %1 of sync %2"_s.arg(i).arg(generation)},
                         {u"generation"_s, generation},
                         {u"status"_s, u"active"_s}});
        if (!cache.replaceList(profileId, Core::ListKind::Keys, rows,
                               QDateTime::currentDateTimeUtc()))
            return 1;
        // Acknowledged: committed.
        std::printf("%d\n", generation);
        std::fflush(stdout);
    }
}

} // namespace

// The desktop app killed in the middle of a sync: the cache it leaves has the last list it
// finished writing, whole, and nothing of the one it was writing; the app starts on it again.
class tst_CrashRecovery : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void killedMidSyncLeavesAWholeList();
    void theAppStartsAgainOnTheCache();
    void cleanupTestCase();

private:
    std::unique_ptr<AppFixture> m_app;
    QString m_profileId;
};

void tst_CrashRecovery::initTestCase()
{
    m_app = std::make_unique<AppFixture>();
    QVERIFY2(m_app->start(), qPrintable(m_app->error()));
    m_profileId = m_app->workspace().currentProfile()->id;
}

void tst_CrashRecovery::killedMidSyncLeavesAWholeList()
{
    const QString path = m_app->paths().cacheFile;
    int lastAcknowledged = 0;
    for (int round = 0; round < 6; ++round) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        // Each round's syncs are numbered apart, so a list left by an earlier round is told.
        const int first = (round + 1) * 1000;
        writer.start(
            QCoreApplication::applicationFilePath(),
            {QString::fromLatin1(writerArgument), path, m_profileId, QString::number(first)});
        QVERIFY(writer.waitForStarted());
        // At least one sync acknowledged, then the kill at a moment of chance: often in the
        // middle of writing the next one (a list takes a few hundred ms here).
        QVERIFY(QTest::qWaitFor([&writer] { return writer.canReadLine(); }, 60000));
        QTest::qWait(int(QRandomGenerator::global()->bounded(50, 2500)));
        ::kill(pid_t(writer.processId()), SIGKILL);
        QVERIFY(writer.waitForFinished());
        int acknowledged = 0;
        for (const QByteArray &line : writer.readAllStandardOutput().split('\n'))
            if (!line.isEmpty())
                acknowledged = line.toInt();
        QVERIFY(acknowledged >= first);

        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery check(raw);
            QVERIFY(check.exec(u"PRAGMA integrity_check"_s) && check.next());
            QCOMPARE(check.value(0).toString(), u"ok"_s);
        }
        QSqlDatabase::removeDatabase(u"raw"_s);

        auto cache = Core::CacheDatabase::open(path);
        QVERIFY2(cache, Test::describe(cache));
        auto list = cache.value()->list(m_profileId, Core::ListKind::Keys);
        QVERIFY2(list, Test::describe(list));
        const QList<QJsonObject> &rows = list.value().rows;
        QVERIFY(!rows.isEmpty());
        // Every acknowledged sync is there (the last one, or the one after it if its commit
        // landed before the kill and its acknowledgement did not), whole and alone.
        const int generation = rows.constFirst()[u"generation"_s].toInt();
        QVERIFY2(generation == acknowledged || generation == acknowledged + 1,
                 qPrintable(
                     u"list of sync %1, last acknowledged %2"_s.arg(generation).arg(acknowledged)));
        QCOMPARE(rows.size(), generation % 2 ? 20000 : 30000);
        for (const QJsonObject &row : rows)
            QCOMPARE(row[u"generation"_s].toInt(), generation);
        QCOMPARE(rows.constLast()[u"id"_s].toString(),
                 u"lk_%1_%2"_s.arg(generation).arg(rows.size() - 1));
        qInfo("round %d: killed after sync %d was acknowledged; the cache holds sync %d (%d rows)",
              round, acknowledged, generation, int(rows.size()));
        lastAcknowledged = acknowledged;
    }
    QVERIFY(lastAcknowledged > 0);
}

void tst_CrashRecovery::theAppStartsAgainOnTheCache()
{
    // The next start opens the same cache, signs in to its sandbox and syncs over what the
    // killed writer left.
    QVERIFY2(m_app->restart(), qPrintable(m_app->error()));
    QVERIFY(m_app->workspace().isOnline());
    const Ui::KeyListModel *keys = m_app->window().keysPage()->model();
    QVERIFY(keys->rowCount() > 0);
    QVERIFY(keys->rowCount() < 20000); // the sandbox's keys, not the writer's
    QVERIFY(!keys->at(0).name.isEmpty());
}

void tst_CrashRecovery::cleanupTestCase()
{
    m_app.reset();
}

int main(int argc, char **argv)
{
    if (argc == 5 && qstrcmp(argv[1], writerArgument) == 0) {
        QCoreApplication app(argc, argv);
        return cacheWriter(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                           QByteArray(argv[4]).toInt());
    }
    QApplication app(argc, argv);
    tst_CrashRecovery test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_crashrecovery.moc"
