#pragma once

#include <memory>

/// Records share their resource and scope; two records belong together when those are the same
/// object or equal in value (a null pointer stands for the empty value).
template<typename T>
bool sameShared(const std::shared_ptr<const T>& a, const std::shared_ptr<const T>& b)
{
    if (a == b)
        return true;
    static const T empty {};
    return (a ? *a : empty) == (b ? *b : empty);
}
