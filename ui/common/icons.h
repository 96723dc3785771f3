#pragma once

#include <QIcon>
#include <QStringView>

class QStyle;

namespace Latchkey::Ui {

// A line icon of ui/icons/, drawn in the palette's text color so it suits light and dark themes,
// and rendered from the SVG at whatever size and scale the widget asks for.
QIcon icon(QStringView name);

// `base` (owned by the result) with the few standard icons every window shows at once (the
// tool bars' and menu bar's overflow arrow, the search fields' clear button) drawn from ui/icons/
// like the rest: they follow the theme's colors, and asking the style for Qt's PNGs would load
// every image format plugin just to read them, while the window opens.
QStyle *withLatchkeyIcons(QStyle *base);

} // namespace Latchkey::Ui
