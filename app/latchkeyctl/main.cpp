#include "ctlcommands.h"

#include <QCoreApplication>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("latchkeyctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Latchkey"));
    QCoreApplication::setApplicationVersion(QStringLiteral(LATCHKEY_VERSION));
    return Latchkey::Ctl::run(QCoreApplication::arguments());
}
