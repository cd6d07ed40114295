#pragma once

#include <QtGlobal>

/// Exponential backoff with jitter, as the OTLP spec asks and as the SDKs do (base * 2^attempt),
/// with a cap, and a random spread so that many clients do not retry in step.
struct RetryPolicy
{
    int maxRetries = 3; ///< retries after the first attempt, before a batch goes to the spool
    int baseDelayMs = 500;
    int maxDelayMs = 30000;
    double jitter = 0.2; ///< the delay varies by up to this fraction either way

    /// Delay before retry number `retry` (1 for the first retry). The jitter applies after the cap,
    /// so that clients that all reached the cap still do not retry in step; the result is clamped
    /// to [0, INT_MAX].
    int delayMs(int retry) const;
};
