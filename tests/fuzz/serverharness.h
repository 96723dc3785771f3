#pragma once

#include <accountserver.h>

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QTemporaryDir>

#include <memory>

namespace Latchkey::Fuzz {

// A real account server in this process (SQLite in a temporary data dir, a fixed clock, the
// sandbox's demo data), called through AccountServer::handle like the transport does, without
// sockets. Each input runs inside a transaction that is rolled back, so every run starts from
// the same database however many keys the one before created.
//
// An input is a request as text:
//
//   METHOD /path?query
//   Name: value
//   ...
//   <empty line>
//   body
//
// Placeholders such as @admin_token, @key or @code are replaced by real values of this server
// before the input is read (see placeholders()), so seeds reach past authentication; an
// Authorization header whose value is "@hawk" is replaced by a valid Hawk signature of the
// request. LATCHKEY_FUZZ_LOG=1 prints each request and response (and the server's log).
class ServerHarness final
{
public:
    static ServerHarness &instance();

    // Runs one input and checks what any response must be: a status below 500 and, when the
    // content type says JSON, a body that is JSON. With `adminByDefault`, a request without an
    // Authorization header gets the admin token.
    void run(QByteArrayView input, bool adminByDefault);

private:
    ServerHarness();

    Server::HttpResponse call(const QByteArray &method, const QString &target,
                              const QList<QPair<QByteArray, QByteArray>> &headers,
                              const QByteArray &body);
    QByteArray substitute(QByteArray text) const;
    void setUp();
    void signIn(const QJsonObject &user, const QByteArray &clientId);

    QTemporaryDir m_dir;
    std::unique_ptr<Server::AccountServer> m_server;
    QDateTime m_now;
    quint32 m_runs = 0;
    QList<QPair<QByteArray, QByteArray>> m_placeholders;
    QByteArray m_adminAuthorization;
    QByteArray m_hawkId;
    QByteArray m_hawkKey;
};

} // namespace Latchkey::Fuzz
