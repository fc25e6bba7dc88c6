package io.watchtime.server.redis;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * What a feature does while Redis does not answer, said in the log at most once a minute: an outage is worth a
 * warning, not one per request.
 */
public final class Fallback {

    private static final long WARN_EVERY_MILLIS = 60_000;
    private static final long NEVER = Long.MIN_VALUE;

    private final Logger log;
    private final Clock clock;
    private final String meanwhile;
    private final AtomicLong lastWarningMillis = new AtomicLong(NEVER);

    /** @param meanwhile what the feature does instead, as the end of a sentence */
    public Fallback(Logger log, Clock clock, String meanwhile) {
        this.log = log;
        this.clock = clock;
        this.meanwhile = meanwhile;
    }

    public void taken(RedisUnavailableException outage) {
        long now = clock.millis();
        long last = lastWarningMillis.get();
        if ((last == NEVER || now - last >= WARN_EVERY_MILLIS) && lastWarningMillis.compareAndSet(last, now)) {
            log.warn("{}; until it does, {} (said once a minute)", outage.getMessage(), meanwhile);
        }
    }
}
