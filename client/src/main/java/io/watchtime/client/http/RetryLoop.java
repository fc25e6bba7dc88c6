package io.watchtime.client.http;

import io.watchtime.client.RetryPolicy;
import io.watchtime.client.Ticker;
import io.watchtime.client.WatchtimeException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Runs a call's attempts until one succeeds or fails for good, or the policy's time is up. Between attempts it
 * waits the server's {@code Retry-After} when there is one, else an exponential backoff with jitter; it gives up
 * when the next wait would end past {@link RetryPolicy#giveUpAfter()} from the first attempt, rather than
 * sleeping only to fail.
 */
final class RetryLoop {

    private static final System.Logger LOG = System.getLogger(RetryLoop.class.getName());

    private final RetryPolicy policy;
    private final Ticker ticker;
    private final LongAdder retries = new LongAdder();

    /** One attempt at a call. */
    @FunctionalInterface
    interface Attempt<T> {
        Outcome<T> run() throws InterruptedException;
    }

    RetryLoop(RetryPolicy policy, Ticker ticker) {
        this.policy = policy;
        this.ticker = ticker;
    }

    /** The data of the first successful attempt at the call to {@code path}; its failure when there is none. */
    <T> T run(String path, Attempt<T> attempt) {
        long started = ticker.millis();
        for (int attempts = 1; ; attempts++) {
            Outcome<T> outcome;
            try {
                outcome = attempt.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WatchtimeException(0, "interrupted while calling " + path, null, e);
            }
            if (outcome instanceof Outcome.Success<T> success) {
                return success.data();
            }
            Outcome.Failure<T> failure = (Outcome.Failure<T>) outcome;
            WatchtimeException error = failure.error();
            if (!failure.retryable()) {
                throw error;
            }
            long waitMillis = error.retryAfter().isPresent() ? error.retryAfter().get().toMillis() : backoff(attempts);
            long elapsed = ticker.millis() - started;
            if (elapsed + waitMillis > policy.giveUpAfter().toMillis()) {
                throw new WatchtimeException(error.status(), "gave up after " + attempts + " attempts in "
                        + Seconds.of(elapsed) + ": " + error.msg(), error.retryAfter().orElse(null), error.getCause());
            }
            LOG.log(System.Logger.Level.INFO, "{0} failed ({1}); attempt {2} in {3}", path, error.getMessage(),
                    Integer.toString(attempts + 1), Seconds.of(waitMillis));
            retries.increment();
            try {
                ticker.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WatchtimeException(0, "interrupted while waiting to retry " + path, null, e);
            }
        }
    }

    /** Attempts made again so far, by every call. */
    long retries() {
        return retries.sum();
    }

    /** Exponential, capped, with jitter: half the step fixed, half random, so that many clients spread out. */
    private long backoff(int attempt) {
        long step = policy.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(step, policy.maxBackoff().toMillis());
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }
}
