package io.watchtime.client.support;

import io.watchtime.client.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** One fake time for the server (its Clock bean) and the client (its Ticker): a client's sleep moves both. */
public final class FakeTime extends Clock implements Ticker {

    private final AtomicLong millis = new AtomicLong(System.currentTimeMillis());

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public void sleep(long sleepMillis) {
        if (sleepMillis > 0) {
            millis.addAndGet(sleepMillis);
        }
    }

    public void advance(long byMillis) {
        millis.addAndGet(byMillis);
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
        throw new UnsupportedOperationException("UTC only");
    }
}
