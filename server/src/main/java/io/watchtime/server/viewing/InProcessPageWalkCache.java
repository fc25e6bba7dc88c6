package io.watchtime.server.viewing;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The walks of one node, in its memory: without Redis, a walk whose next page lands on another node reads that
 * page by OFFSET (still right, slower).
 */
final class InProcessPageWalkCache implements PageWalkCache {

    /** One walk holds one entry; the bound only matters under ten thousand walks at once. */
    private static final int MAX_ENTRIES = 10_000;
    private static final long MAX_AGE_NANOS = MAX_AGE.toNanos();

    private record Entry(Position after, long storedAtNanos) {
    }

    private final ConcurrentHashMap<Step, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Position start(Step step) {
        Entry entry = entries.get(step);
        if (entry == null || System.nanoTime() - entry.storedAtNanos() > MAX_AGE_NANOS) {
            return null;
        }
        return entry.after();
    }

    @Override
    public void served(Step served, Position last) {
        entries.remove(served);
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear(); // rare, and only costs one OFFSET page per walk
        }
        entries.put(served.next(), new Entry(last, System.nanoTime()));
    }
}
