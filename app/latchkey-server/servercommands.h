#pragma once

#include <QStringList>

// The latchkey-server command line: serve, bootstrap, user add, migrate. Each returns the
// process exit code: 0 ok, 1 failure, 2 usage error.
namespace Latchkey::Server::Commands {

int run(const QStringList &arguments);

} // namespace Latchkey::Server::Commands
