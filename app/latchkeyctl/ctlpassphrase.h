#pragma once

#include <net/result.h>

#include <QByteArray>
#include <QProcessEnvironment>

namespace Latchkey::Ctl {

// The passphrase of an encrypted export: LATCHKEY_PASSPHRASE, or asked on the terminal without
// echo (twice when `confirm`, for a new file). A Usage error when there is neither, or the two
// answers differ, or it is empty.
Core::Result<QByteArray> readPassphrase(const QProcessEnvironment &environment, bool confirm);

} // namespace Latchkey::Ctl
