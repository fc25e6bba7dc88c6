package io.watchtime.server.viewing;

import io.watchtime.protocol.Sort;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Makes a page walk cost like a keyset walk: after page k of a filter, the last row's position is kept, so
 * that page k+1 of the same filter, order and size starts right after it instead of skipping k x page_size
 * rows. Paging while records change then behaves like a keyset walk: a record that moves behind the walk is
 * not seen again in it, and none ahead of it is skipped. A page asked for without its predecessor's position
 * (a jump, a retry, another node) is found by OFFSET, which is what the contract describes.
 */
@Component
class PageWalkCache {

    /** One walk holds one entry; the bound only matters under ten thousand walks at once. */
    private static final int MAX_ENTRIES = 10_000;
    /** A walk paused longer than this starts again from its page number. */
    private static final long MAX_AGE_NANOS = 10 * 60 * 1_000_000_000L;

    record Step(Filter filter, Sort sort, int pageSize, long page) {
        Step next() {
            return new Step(filter, sort, pageSize, page + 1);
        }
    }

    private record Entry(Position after, long storedAtNanos) {
    }

    private final ConcurrentHashMap<Step, Entry> entries = new ConcurrentHashMap<>();

    /** Where {@code step} starts, or null when no walk has just served the page before it. */
    Position start(Step step) {
        Entry entry = entries.get(step);
        if (entry == null || System.nanoTime() - entry.storedAtNanos() > MAX_AGE_NANOS) {
            return null;
        }
        return entry.after();
    }

    /** {@code served} was just answered and ended at {@code last}; its successor starts after it. */
    void served(Step served, Position last) {
        entries.remove(served);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // rare, and only costs one OFFSET page per walk
        }
        entries.put(served.next(), new Entry(last, System.nanoTime()));
    }
}
