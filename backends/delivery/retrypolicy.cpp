#include "retrypolicy.h"

#include <QRandomGenerator>

#include <cmath>

int RetryPolicy::delayMs(int retry) const
{
    const double exponential = baseDelayMs * std::pow(2.0, qMax(0, retry - 1));
    const double capped = qMin<double>(exponential, maxDelayMs);
    const double spread = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * jitter;
    return qMax(0, static_cast<int>(capped * (1.0 + spread)));
}
