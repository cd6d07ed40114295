#include "retrypolicy.h"

#include <QRandomGenerator>

#include <algorithm>
#include <cmath>
#include <limits>

int RetryPolicy::delayMs(int retry) const
{
    const double exponential = baseDelayMs * std::pow(2.0, qMax(0, retry - 1));
    const double capped = qMin<double>(exponential, maxDelayMs);
    const double spread = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * jitter;
    // In double until clamped: a cap near INT_MAX plus jitter must not overflow the int.
    return static_cast<int>(std::clamp(capped * (1.0 + spread), 0.0, double(std::numeric_limits<int>::max())));
}
