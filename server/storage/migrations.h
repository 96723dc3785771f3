#pragma once

#include <QStringList>

namespace Latchkey::Server {

struct Migration
{
    int version;
    const char *name;
    QStringList statements; // "{{autoincrement}}" and "{{blob}}" are replaced per dialect
};

const QList<Migration> &migrations();

} // namespace Latchkey::Server
