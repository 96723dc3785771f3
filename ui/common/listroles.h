#pragma once

#include <Qt>

namespace Latchkey::Ui {

// The roles every list model of the window answers besides Qt's own.
enum ListRole {
    SortRole = Qt::UserRole, // raw value: QDateTime, number, folded text
    IdRole,                  // the entity's id
    StatusRole,              // "active", "disabled", "revoked"
};

} // namespace Latchkey::Ui
