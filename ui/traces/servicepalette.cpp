#include "servicepalette.h"

#include <array>

namespace ServicePalette {
QColor color(int serviceIndex)
{
    static const std::array<QRgb, 10> palette { 0x7eb26d, 0xeab839, 0x6ed0e0, 0xef843c, 0x1f78c1, 0xba43a9, 0x705da0,
        0x508642, 0xcca300, 0x447ebc };
    return QColor(palette.at(size_t(qMax(0, serviceIndex)) % palette.size()));
}

QColor errorColor()
{
    return QColor(0xd4, 0x43, 0x3a);
}
} // namespace ServicePalette
