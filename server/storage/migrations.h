#pragma once

#include <QStringList>

namespace Latchkey::Server {

class Database;

struct Migration
{
    int version;
    const char *name;
    // "{{autoincrement}}" and "{{without_rowid}}" are replaced per dialect
    QStringList statements;
    // Runs after the statements, in the same transaction: data changes SQL cannot express.
    void (*backfill)(Database &database) = nullptr;
};

const QList<Migration> &migrations();

} // namespace Latchkey::Server
