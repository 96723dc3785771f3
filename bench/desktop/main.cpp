// The desktop app's figures for make bench (bench/run-desktop), each beside a baseline of the
// same run:
//   window PNG-less startup: `minimal` shows a bare QMainWindow and exits at its first paint;
//     the real app (latchkey --bench-startup) is timed the same way by the script.
//   filter N: N keys in the real model and proxy; the time of one search-as-you-type filter
//     pass, beside a plain loop doing the same substring test over N strings.
//   memory N: the resident memory of the process before and after loading N authorizations
//     into the model and the proxy (what the window holds for a list of N rows).
//   cache N FILE: writes FILE, a desktop cache with one offline profile and N cached keys.
#include <authorizations/authorizationlistmodel.h>
#include <cache/cachedatabase.h>
#include <common/listfilterproxy.h>
#include <keys/keylistmodel.h>
#include <profiles/profilestore.h>
#include <protocol/searchfold.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonObject>
#include <QLabel>
#include <QMainWindow>
#include <QPaintEvent>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

using namespace Qt::StringLiterals;
using namespace Latchkey;

namespace {

QList<ApiKey> syntheticKeys(int count)
{
    const QStringList words = {u"ERP"_s,     u"Sync"_s,   u"Warehouse"_s, u"Billing"_s,
                               u"Partner"_s, u"Mobile"_s, u"Inspector"_s, u"Portal"_s,
                               u"Légacy"_s,  u"Export"_s, u"Nightly"_s,   u"Integração"_s};
    const QDateTime base = QDateTime::currentDateTimeUtc();
    QList<ApiKey> keys;
    keys.reserve(count);
    for (int i = 0; i < count; ++i) {
        ApiKey key;
        key.id = u"lk_%1"_s.arg(i, 16, 16, QLatin1Char('0'));
        key.name = words.at(i % words.size()) + u' ' + words.at((i / 7) % words.size()) + u' ' +
                   QString::number(i);
        key.permissionGroupId = u"pg_%1"_s.arg(i % 3);
        key.status = i % 5 == 0 ? EntityStatus::Disabled : EntityStatus::Active;
        key.createdAt = base.addSecs(-i);
        keys.append(key);
    }
    return keys;
}

// A tenant's authorizations as the server lists them: 50,000 users, 20 consumers, a few
// scope sets, one in seven revoked.
QList<Authorization> syntheticAuthorizations(int count, int first = 0)
{
    const QList<QStringList> scopeSets = {
        {u"assets:read"_s},
        {u"assets:read"_s, u"work_orders:read"_s},
        {u"assets:read"_s, u"assets:write"_s, u"work_orders:read"_s, u"work_orders:write"_s}};
    const QDateTime base = QDateTime::currentDateTimeUtc();
    QList<Authorization> rows;
    rows.reserve(count);
    for (int i = first; i < first + count; ++i) {
        const int user = i % 50000;
        const int consumer = i % 20;
        Authorization a;
        a.id = u"az_%1"_s.arg(i, 16, 16, QLatin1Char('0'));
        // As parsed from JSON: every row has its own copies of the strings.
        a.userId = u"us_%1"_s.arg(user, 16, 16, QLatin1Char('0'));
        a.userEmail = u"user%1@example.com"_s.arg(user);
        a.consumerId = u"co_%1"_s.arg(consumer, 16, 16, QLatin1Char('0'));
        a.consumerName = u"Integração %1"_s.arg(consumer);
        a.scopes = scopeSets.at(i % scopeSets.size());
        a.scopes.detach();
        for (QString &scope : a.scopes)
            scope = QString(scope.constData(), scope.size());
        a.createdAt = base.addSecs(-i);
        if (i % 7 == 0) {
            a.revokedAt = base.addSecs(-i / 2);
            a.revokedBy = u"user:admin@example.com"_s;
        }
        rows.append(a);
    }
    return rows;
}

long residentKiB()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    return -1;
}

class FirstPaintWindow final : public QMainWindow
{
protected:
    void paintEvent(QPaintEvent *event) override
    {
        QMainWindow::paintEvent(event);
        // Right after the paint is flushed, without tearing down, as latchkey --bench-shown.
        QTimer::singleShot(0, qApp, [] { std::_Exit(0); });
    }
};

int minimalWindow(int argc, char **argv)
{
    QApplication app(argc, argv);
    FirstPaintWindow window;
    window.setCentralWidget(new QLabel(u"Latchkey"_s));
    window.resize(1200, 760);
    window.show();
    return QApplication::exec();
}

int filter(int argc, char **argv, int count)
{
    QApplication app(argc, argv);
    Ui::KeyListModel model;
    model.setRows(syntheticKeys(count));
    Ui::ListFilterProxy proxy;
    proxy.setSourceModel(&model);
    const QStringList queries = {u"warehouse 1"_s, u"integracao"_s, u"portal 99"_s, u"zzz"_s};

    // Baseline: the same substring test over the same folded strings, nothing else.
    QList<QByteArray> folded;
    folded.reserve(count);
    for (int row = 0; row < count; ++row)
        folded.append(model.searchText(row));
    qint64 baselineNs = 0;
    qint64 ourNs = 0;
    qsizetype matches = 0;
    for (const QString &query : queries) {
        const QByteArray needle = foldForSearch(query).toUtf8();
        QElapsedTimer timer;
        timer.start();
        qsizetype found = 0;
        for (const QByteArray &text : std::as_const(folded))
            found += text.contains(needle);
        baselineNs += timer.nsecsElapsed();

        proxy.setSearchText({}, 0);
        (void)proxy.rowCount();
        timer.restart();
        // The filter pass as the view sees it: the new search, then the rows it shows.
        proxy.setSearchText(query, 0);
        const int shown = proxy.rowCount();
        ourNs += timer.nsecsElapsed();
        if (shown != found) {
            std::fprintf(stderr, "filter: %d rows shown, %lld expected\n", proxy.rowCount(),
                         qlonglong(found));
            return 1;
        }
        matches += found;
    }
    const double ourMs = double(ourNs) / 1e6 / double(queries.size());
    const double baseMs = double(baselineNs) / 1e6 / double(queries.size());
    std::printf("filter rows=%d ours_ms=%.1f baseline_ms=%.1f ratio=%.2f matches=%lld\n", count,
                ourMs, baseMs, ourMs / baseMs, qlonglong(matches));
    return 0;
}

int memory(int argc, char **argv, int count)
{
    QApplication app(argc, argv);
    const long before = residentKiB();
    // The million-row list of the product: authorizations, arriving as the server pages them
    // (250 a page, each parsed, then stored).
    auto *model = new Ui::AuthorizationListModel(&app);
    for (int first = 0; first < count; first += 250)
        model->appendRows(syntheticAuthorizations(qMin(250, count - first), first));
    auto *proxy = new Ui::ListFilterProxy(&app);
    proxy->setSourceModel(model);
    (void)proxy->rowCount();
    const long after = residentKiB();
    std::printf("memory rows=%d before_mib=%.1f after_mib=%.1f rows_mib=%.1f\n", count,
                before / 1024.0, after / 1024.0, (after - before) / 1024.0);
    return 0;
}

int cache(int count, const QString &path)
{
    QFile::remove(path);
    auto database = Core::CacheDatabase::open(path);
    if (!database) {
        std::fprintf(stderr, "%s\n", qPrintable(database.error().toText()));
        return 1;
    }
    Core::ProfileStore profiles(*database.value());
    Core::ProfileInput input;
    input.name = u"Bench"_s;
    input.serverUrl = u"http://127.0.0.1:9"_s; // discard port: refused at once, offline
    input.environment = u"staging"_s;
    input.signInMethod = u"automation"_s;
    input.clientId = u"bench"_s;
    auto profile = profiles.add(input);
    if (!profile || !profiles.setCurrent(profile.value().id)) {
        std::fprintf(stderr, "cannot add the profile\n");
        return 1;
    }
    QList<QJsonObject> rows;
    for (const ApiKey &key : syntheticKeys(count))
        rows.append(key.toJson());
    auto written = database.value()->replaceList(profile.value().id, Core::ListKind::Keys, rows,
                                                 QDateTime::currentDateTimeUtc());
    if (!written) {
        std::fprintf(stderr, "%s\n", qPrintable(written.error().toText()));
        return 1;
    }
    std::printf("cache rows=%d file=%s\n", count, qPrintable(path));
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    const QByteArray mode = argc > 1 ? QByteArray(argv[1]) : QByteArray();
    const int count = argc > 2 ? QByteArray(argv[2]).toInt() : 0;
    if (mode == "minimal")
        return minimalWindow(argc, argv);
    if (mode == "filter" && count > 0)
        return filter(argc, argv, count);
    if (mode == "memory" && count > 0)
        return memory(argc, argv, count);
    if (mode == "cache" && count > 0 && argc > 3) {
        QCoreApplication app(argc, argv);
        return cache(count, QString::fromLocal8Bit(argv[3]));
    }
    std::fprintf(stderr, "usage: latchkey-bench-desktop minimal | filter N | memory N | "
                         "cache N FILE\n");
    return 2;
}
