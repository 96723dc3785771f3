#pragma once

#include "net/result.h"

#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <memory>

namespace Latchkey::Core {

// The redirect target of a native app (RFC 8252 §7.3): a one-shot HTTP listener on 127.0.0.1 and
// a random port. It takes the first GET to its path, answers with a small "you can close this
// tab" page, and finishes with the query it received (code, state, iss or error). It stops after
// one request or when the timeout passes.
class LoopbackReceiver final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LoopbackReceiver)

public:
    explicit LoopbackReceiver(QObject *parent = nullptr);
    ~LoopbackReceiver() override;

    // Starts listening; the redirect URI is then http://127.0.0.1:<port><path>.
    Result<QUrl> listen(const QString &path = QStringLiteral("/callback"));
    QUrl redirectUri() const;

    // Finishes with the redirect's query parameters, or an Error on timeout or cancel.
    Task<QUrlQuery> waitForRedirect(int timeoutMs = 300000);

    void close();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace Latchkey::Core
