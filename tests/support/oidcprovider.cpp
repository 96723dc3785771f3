#include "oidcprovider.h"

#include <QDeadlineTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Latchkey::Test {

QString peersDir()
{
    return QStringLiteral(LATCHKEY_PEERS_DIR);
}

QString nodeExecutable()
{
    QString node = QStandardPaths::findExecutable(u"node"_s);
    if (node.isEmpty())
        node = QStandardPaths::findExecutable(u"nodejs"_s);
    return node;
}

bool oidcProviderInstalled()
{
    return QFileInfo::exists(peersDir() + u"/node_modules/oidc-provider"_s);
}

QString OidcProvider::start()
{
    process.setWorkingDirectory(peersDir());
    process.start(nodeExecutable(), {peersDir() + u"/oidc-provider-test-server.mjs"_s});
    if (!process.waitForStarted(10000))
        return u"cannot start node: "_s + process.errorString();
    QByteArray line;
    QDeadlineTimer deadline(60000);
    while (!line.contains('\n') && !deadline.hasExpired()) {
        if (!process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
        line += process.readAllStandardOutput();
    }
    info = QJsonDocument::fromJson(line.left(line.indexOf('\n'))).object();
    if (info.isEmpty())
        return u"no JSON line from oidc-provider-test-server.mjs: "_s +
               QString::fromUtf8(line + process.readAllStandardError());
    return {};
}

void OidcProvider::stop()
{
    if (process.state() == QProcess::NotRunning)
        return;
    process.closeWriteChannel();
    if (!process.waitForFinished(10000)) {
        process.kill();
        process.waitForFinished();
    }
}

} // namespace Latchkey::Test
