package io.watchtime.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A UTC clock that stands still until a test moves it. */
public class MutableClock extends Clock {

    private final AtomicLong millis;

    /**
     * Makes the server run on a MutableClock. Tests that import it share one server; not a @Configuration,
     * so that no component scan (in a child JVM or the CLI) picks it up.
     */
    public static class AsBean {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock(System.currentTimeMillis());
        }
    }

    public MutableClock(long startMillis) {
        this.millis = new AtomicLong(startMillis);
    }

    public void set(long newMillis) {
        millis.set(newMillis);
    }

    public void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock is UTC only");
    }
}
