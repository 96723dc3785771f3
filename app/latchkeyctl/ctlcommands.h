#pragma once

#include <QStringList>

// latchkeyctl: the same core as the desktop app, for scripts and CI (DESIGN.md, "latchkeyctl").
namespace Latchkey::Ctl {

int run(const QStringList &arguments);

} // namespace Latchkey::Ctl
