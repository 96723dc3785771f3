#include "servercommands.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("latchkey-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LATCHKEY_VERSION));
    return Latchkey::Server::Commands::run(QCoreApplication::arguments());
}
