package io.watchtime.server.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Tells a database that cannot be reached (refused, gone, no connection within the pool's timeout) from every other
 * failure: the first is the client's to retry shortly, a 503 with {@code Retry-After}; the others are ours, a 500.
 */
public final class DatabaseOutage {

    /** Long enough for a restarting database or a failover, short enough that a client does not idle. */
    private static final long RETRY_AFTER_SECONDS = 2;

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final long LOG_EVERY_MILLIS = 10_000;
    private static final AtomicLong lastLogged = new AtomicLong();
    private static final AtomicLong unlogged = new AtomicLong();

    private DatabaseOutage() {
    }

    /** One line for the first 503 of an outage and then one every 10 s at most, with how many it stands for. */
    static void report(HttpServletRequest request, Throwable failure) {
        long now = System.currentTimeMillis();
        long last = lastLogged.get();
        if (now - last < LOG_EVERY_MILLIS || !lastLogged.compareAndSet(last, now)) {
            unlogged.incrementAndGet();
            return;
        }
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        long more = unlogged.getAndSet(0);
        log.warn("503 on {} {}: database unreachable ({}: {}){}", request.getMethod(), request.getRequestURI(),
                root.getClass().getSimpleName(), root.getMessage(), more == 0 ? "" : "; " + more + " more 503s since the last line");
    }

    /** The 503 to answer when {@code failure} is, or was caused by, an unreachable database; null otherwise. */
    public static ApiException answerFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08"))) {
                return new ApiException(503, "the database is unreachable or too busy; nothing was changed, retry in a moment",
                        RETRY_AFTER_SECONDS);
            }
        }
        return null;
    }
}
