#pragma once

#include <QIcon>
#include <QStringView>

namespace Latchkey::Ui {

// A line icon of ui/icons/, drawn in the palette's text color so it suits light and dark themes,
// and rendered from the SVG at whatever size and scale the widget asks for.
QIcon icon(QStringView name);

} // namespace Latchkey::Ui
