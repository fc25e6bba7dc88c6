package io.watchtime.client;

import java.time.Duration;

/**
 * How long to keep trying a call that failed for a passing reason (429, 5xx, timeout, connection fault):
 * exponential backoff from {@code initialBackoff} up to {@code maxBackoff} with full jitter, or the server's
 * {@code Retry-After} when it gives one, until {@code giveUpAfter} has passed since the first attempt.
 * {@code requestTimeout} bounds one attempt.
 */
public record RetryPolicy(Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter, Duration requestTimeout) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofMillis(200), Duration.ofSeconds(30),
            Duration.ofMinutes(5), Duration.ofSeconds(60));

    public RetryPolicy {
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || giveUpAfter.isNegative()
                || requestTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("retry policy needs 0 <= initialBackoff <= maxBackoff, giveUpAfter >= 0"
                    + " and a positive requestTimeout");
        }
    }

    public RetryPolicy withGiveUpAfter(Duration newGiveUpAfter) {
        return new RetryPolicy(initialBackoff, maxBackoff, newGiveUpAfter, requestTimeout);
    }
}
