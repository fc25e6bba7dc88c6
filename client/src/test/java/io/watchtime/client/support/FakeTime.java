package io.watchtime.client.support;

import io.watchtime.client.Ticker;
import io.watchtime.server.support.MutableClock;
import java.time.Duration;

/** One fake time for the server (its Clock bean) and the client (its Ticker): a client's sleep moves both. */
public final class FakeTime extends MutableClock implements Ticker {

    public FakeTime() {
        super(System.currentTimeMillis());
    }

    @Override
    public void sleep(long sleepMillis) {
        if (sleepMillis > 0) {
            advance(Duration.ofMillis(sleepMillis));
        }
    }

    public void advance(long byMillis) {
        advance(Duration.ofMillis(byMillis));
    }
}
