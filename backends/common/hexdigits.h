#pragma once

/// Hexadecimal digits as the JSON readers (`\uXXXX` escapes) and the trace and span ids read
/// them: either case, and nothing else.
namespace HexDigits {

/// The digit's value (0-15), or -1 for any other byte.
constexpr int value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// The UTF-16 unit of the four digits at `at` (a `\u` escape's), or -1 when fewer than four bytes
/// are left before `end` or one of them is not a digit.
constexpr int utf16Unit(const char* at, const char* end)
{
    if (end - at < 4)
        return -1;
    int unit = 0;
    for (int i = 0; i < 4; ++i) {
        const int digit = value(at[i]);
        if (digit < 0)
            return -1;
        unit = (unit << 4) | digit;
    }
    return unit;
}

} // namespace HexDigits
