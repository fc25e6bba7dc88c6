package io.watchtime.server.viewing;

import io.watchtime.protocol.Sort;
import java.time.Duration;

/**
 * Makes a page walk cost like a keyset walk: after page k of a filter, the last row's position is kept, so
 * that page k+1 of the same filter, order and size starts right after it instead of skipping k x page_size
 * rows. Paging while records change then behaves like a keyset walk: a record that moves behind the walk is
 * not seen again in it, and none ahead of it is skipped. A page asked for without its predecessor's position
 * (a jump, a retry, a lost position) is found by OFFSET, which is what the contract describes. Positions are
 * kept in Redis when it is configured, so a walk continues by keyset on whatever node its next page lands.
 */
interface PageWalkCache {

    /** A walk paused longer than this starts again from its page number. */
    Duration MAX_AGE = Duration.ofMinutes(10);

    record Step(Filter filter, Sort sort, int pageSize, long page) {
        Step next() {
            return new Step(filter, sort, pageSize, page + 1);
        }
    }

    /** Where {@code step} starts, or null when no walk has just served the page before it. */
    Position start(Step step);

    /** {@code served} was just answered and ended at {@code last}; its successor starts after it. */
    void served(Step served, Position last);
}
