package io.watchtime.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchtime.server.support.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The in-process sliding log alone, on a clock the test moves. */
class RateLimiterTest {

    private final MutableClock clock = new MutableClock(1_000_000);

    @Test
    void acceptsTheLimitThenSaysHowLongToWait() {
        RateLimiter limiter = new InProcessRateLimiter(3, 1000, clock);
        assertThat(limiter.tryAcquire("k")).isZero();
        assertThat(limiter.tryAcquire("k")).isZero();
        assertThat(limiter.tryAcquire("k")).isZero();
        assertThat(limiter.tryAcquire("k")).isEqualTo(1000);
        at(400);
        assertThat(limiter.tryAcquire("k")).isEqualTo(600);
    }

    @Test
    void aRequestExactlyOneWindowLaterIsAccepted() {
        RateLimiter limiter = new InProcessRateLimiter(2, 1000, clock);
        at(0);
        assertThat(limiter.tryAcquire("k")).isZero();
        assertThat(limiter.tryAcquire("k")).isZero();
        at(999);
        assertThat(limiter.tryAcquire("k")).isEqualTo(1);
        at(1000);
        assertThat(limiter.tryAcquire("k")).isZero();
        assertThat(limiter.tryAcquire("k")).isZero();
        assertThat(limiter.tryAcquire("k")).isEqualTo(1000);
    }

    @Test
    void refusedRequestsDoNotCount() {
        RateLimiter limiter = new InProcessRateLimiter(2, 1000, clock);
        at(0);
        assertThat(limiter.tryAcquire("k")).isZero();
        at(500);
        assertThat(limiter.tryAcquire("k")).isZero();
        for (long t = 501; t < 1000; t += 7) {
            at(t);
            assertThat(limiter.tryAcquire("k")).isEqualTo(1000 - t);
        }
        // Had the refusals counted, the window would still be full here.
        at(1000);
        assertThat(limiter.tryAcquire("k")).isZero();
        at(1001);
        assertThat(limiter.tryAcquire("k")).isEqualTo(499);
        at(1500);
        assertThat(limiter.tryAcquire("k")).isZero();
    }

    @Test
    void theWindowSlidesInsteadOfResettingOnARoundNumber() {
        RateLimiter limiter = new InProcessRateLimiter(2, 1000, clock);
        at(900);
        assertThat(limiter.tryAcquire("k")).isZero();
        at(950);
        assertThat(limiter.tryAcquire("k")).isZero();
        // A fixed window would start afresh at 1000 and allow 4 requests within 150 ms.
        at(1000);
        assertThat(limiter.tryAcquire("k")).isEqualTo(900);
        at(1899);
        assertThat(limiter.tryAcquire("k")).isEqualTo(1);
        at(1900);
        assertThat(limiter.tryAcquire("k")).isZero();
        at(1949);
        assertThat(limiter.tryAcquire("k")).isEqualTo(1);
    }

    @Test
    void aClientPacedExactlyAtTheLimitIsNeverRefused() {
        RateLimiter limiter = new InProcessRateLimiter(100, 10_000, clock);
        for (long t = 0; t < 100_000; t += 100) {
            at(t);
            assertThat(limiter.tryAcquire("k")).as("at %d ms", t).isZero();
        }
        at(99_950);
        assertThat(limiter.tryAcquire("k")).as("one more in between").isEqualTo(50);
    }

    @Test
    void keysAreIndependent() {
        RateLimiter limiter = new InProcessRateLimiter(1, 1000, clock);
        assertThat(limiter.tryAcquire("1 /a")).isZero();
        assertThat(limiter.tryAcquire("1 /a")).isEqualTo(1000);
        assertThat(limiter.tryAcquire("1 /b")).isZero();
        assertThat(limiter.tryAcquire("2 /a")).isZero();
    }

    @Test
    void concurrentCallersGetExactlyTheLimit() throws Exception {
        RateLimiter limiter = new InProcessRateLimiter(1000, 10_000, clock);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> callers = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                callers.add(() -> {
                    int accepted = 0;
                    for (int j = 0; j < 500; j++) {
                        if (limiter.tryAcquire("k") == 0) {
                            accepted++;
                        }
                    }
                    return accepted;
                });
            }
            int accepted = 0;
            for (Future<Integer> f : pool.invokeAll(callers)) {
                accepted += f.get();
            }
            assertThat(accepted).isEqualTo(1000);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aHugeLimitCostsMemoryOnlyAsItIsUsed() {
        RateLimiter generous = new InProcessRateLimiter(Integer.MAX_VALUE, 10_000, clock);
        for (int i = 0; i < 100_000; i++) {
            assertThat(generous.tryAcquire("a")).isZero();
        }
        at(10_000);
        assertThat(generous.tryAcquire("a")).as("the first window's requests have left it").isZero();
    }

    @Test
    void theRingKeepsTimeOrderAsItGrows() {
        RateLimiter limiter = new InProcessRateLimiter(100, 1_000, clock);
        for (int i = 0; i < 100; i++) {
            at(i * 5L); // 0 .. 495 ms; the ring grows from 16 slots while it wraps around
            assertThat(limiter.tryAcquire("a")).isZero();
        }
        at(600);
        assertThat(limiter.tryAcquire("a")).as("the first request leaves the window at 1000 ms").isEqualTo(400);
        at(1_000);
        assertThat(limiter.tryAcquire("a")).isZero();
        assertThat(limiter.tryAcquire("a")).as("the next, sent at 5 ms, leaves at 1005").isEqualTo(5);
    }

    @Test
    void refusesASenselessLimit() {
        assertThatThrownBy(() -> new InProcessRateLimiter(0, 1000, clock)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InProcessRateLimiter(10, 0, clock)).isInstanceOf(IllegalArgumentException.class);
    }

    private void at(long millis) {
        clock.set(1_000_000 + millis);
    }
}
