package io.watchtime.server.settings;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Every setting of Watchtime, under {@code watchtime.*}; defaults live in application.properties.
 * {@code bodyReadTimeout}: the longest a request body may take to arrive; then 408 and the connection closes.
 */
@ConfigurationProperties("watchtime")
public record WatchtimeProperties(
        Database database,
        ZoneId timeZone,
        String ip2regionFile,
        Crediting crediting,
        RateLimit rateLimit,
        Cursor cursor,
        Redis redis,
        Ingest ingest,
        Duration bodyReadTimeout) {

    /** @param url the JDBC URL; empty means the default place ({@link DatabaseLocation#defaultUrl()}) */
    public record Database(String url, String username, String password) {
        public Database {
            url = DatabaseLocation.urlOrDefault(url);
        }
    }

    /**
     * @param maxGap         the most one event can credit; bounds what a lost heartbeat or a sleeping phone adds
     * @param sessionTimeout silence after which a session is over
     * @param maxClockSkew   how far in the future an event's {@code at} may lie before it is refused
     * @param roomEventLateness how late a room event may arrive, after viewer events of its time, and still correct
     *                       the live/replay split of seconds credited before it
     */
    public record Crediting(Duration maxGap, Duration sessionTimeout, Duration maxClockSkew,
            Duration roomEventLateness) {
    }

    /**
     * @param expectedNodes how many nodes share the limit; while Redis does not answer, each node limits alone at
     *                      {@code requests / expectedNodes}, so that all of them together stay within the limit
     */
    public record RateLimit(int requests, Duration window, int expectedNodes) {
    }

    /**
     * @param writers how many writers commit at once, each for its own share of the accounts (one account's events
     *                always go through the same writer); SQLite writes one transaction at a time and has one
     */
    public record Ingest(int writers) {
        public Ingest {
            if (writers < 1 || writers > 64) {
                throw new IllegalArgumentException("watchtime.ingest.writers=" + writers
                        + " cannot be used; write a whole number from 1 to 64");
            }
        }
    }

    /** @param enabled whether the API honours the {@code cursor} extension; off, it speaks the bare contract */
    public record Cursor(boolean enabled) {
    }

    /**
     * @param url       {@code redis://HOST:PORT}; empty means no Redis: limits and page walks stay per node
     * @param timeout   the longest a request waits for Redis before it falls back to the per-node way
     * @param keyPrefix leads every key Watchtime writes, so that several deployments can share one Redis
     */
    public record Redis(String url, Duration timeout, String keyPrefix) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }
}
