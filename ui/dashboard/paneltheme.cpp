#include "paneltheme.h"

#include <QHash>

using namespace Qt::StringLiterals;

PanelTheme PanelTheme::darkTheme()
{
    return { true, QColor(0x11, 0x12, 0x17), QColor(0x18, 0x1b, 0x1f), QColor(0x2c, 0x32, 0x35),
        QColor(0xcc, 0xcc, 0xdc), QColor(0x8e, 0x8e, 0x9e), QColor(0x2c, 0x30, 0x36), QColor(0xf2, 0x49, 0x5c) };
}

PanelTheme PanelTheme::lightTheme()
{
    return { false, QColor(0xf4, 0xf5, 0xf5), QColor(0xff, 0xff, 0xff), QColor(0xd8, 0xd9, 0xda),
        QColor(0x24, 0x29, 0x2e), QColor(0x6e, 0x6e, 0x7e), QColor(0xe4, 0xe6, 0xe8), QColor(0xd1, 0x0e, 0x5c) };
}

QColor PanelTheme::named(const QString& name, const QColor& fallback)
{
    // Grafana's visualization palette: each hue in five shades.
    static const QHash<QString, QRgb> colors {
        { u"red"_s, 0xF2495C },
        { u"semi-dark-red"_s, 0xE02F44 },
        { u"dark-red"_s, 0xC4162A },
        { u"light-red"_s, 0xFF7383 },
        { u"super-light-red"_s, 0xFFA6B0 },
        { u"orange"_s, 0xFF9830 },
        { u"semi-dark-orange"_s, 0xFF780A },
        { u"dark-orange"_s, 0xFA6400 },
        { u"light-orange"_s, 0xFFB357 },
        { u"super-light-orange"_s, 0xFFCB7D },
        { u"yellow"_s, 0xFADE2A },
        { u"semi-dark-yellow"_s, 0xF2CC0C },
        { u"dark-yellow"_s, 0xE0B400 },
        { u"light-yellow"_s, 0xFFEE52 },
        { u"super-light-yellow"_s, 0xFFF899 },
        { u"green"_s, 0x73BF69 },
        { u"semi-dark-green"_s, 0x56A64B },
        { u"dark-green"_s, 0x37872D },
        { u"light-green"_s, 0x96D98D },
        { u"super-light-green"_s, 0xC8F2C2 },
        { u"blue"_s, 0x5794F2 },
        { u"semi-dark-blue"_s, 0x3274D9 },
        { u"dark-blue"_s, 0x1F60C4 },
        { u"light-blue"_s, 0x8AB8FF },
        { u"super-light-blue"_s, 0xC0D8FF },
        { u"purple"_s, 0xB877D9 },
        { u"semi-dark-purple"_s, 0xA352CC },
        { u"dark-purple"_s, 0x8F3BB8 },
        { u"light-purple"_s, 0xCA95E5 },
        { u"super-light-purple"_s, 0xDEB6F2 },
        { u"white"_s, 0xFFFFFF },
        { u"black"_s, 0x000000 },
        { u"gray"_s, 0x808080 },
        { u"grey"_s, 0x808080 },
    };
    const auto found = colors.constFind(name.trimmed().toLower());
    if (found != colors.constEnd())
        return QColor::fromRgb(*found);
    const QColor parsed = QColor::fromString(name.trimmed());
    return parsed.isValid() ? parsed : fallback;
}

QColor PanelTheme::series(int index)
{
    static const QRgb classic[] = { 0x7EB26D, 0xEAB839, 0x6ED0E0, 0xEF843C, 0xE24D42, 0x1F78C1, 0xBA43A9, 0x705DA0,
        0x508642, 0xCCA300, 0x447EBC, 0xC15C17, 0x890F02, 0x0A437C, 0x6D1F62, 0x584477, 0xB7DBAB, 0xF4D598, 0x70DBED,
        0xF9BA8F, 0xF29191, 0x82B5D8, 0xE5A8E2, 0xAEA2E0, 0x629E51, 0xE5AC0E, 0x64B0C8, 0xE0752D, 0xBF1B00, 0x0A50A1,
        0x962D82, 0x614D93 };
    constexpr int count = int(sizeof(classic) / sizeof(classic[0]));
    return QColor::fromRgb(classic[((index % count) + count) % count]);
}
