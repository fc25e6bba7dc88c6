package io.watchtime.bench;

/** Progress line on stderr at most every 2 s: records, rate, ETA. */
final class Progress {
    private final String what;
    private final long total;
    private final long start = System.nanoTime();
    private long last = start;

    Progress(String what, long total) {
        this.what = what;
        this.total = total;
    }

    void at(long done) {
        long now = System.nanoTime();
        if (now - last < 2_000_000_000L && done < total) {
            return;
        }
        last = now;
        double seconds = (now - start) / 1e9;
        double rate = done / Math.max(seconds, 1e-9);
        System.err.printf("  %s %,d / %,d records, %,.0f records/s, ETA %.0f s%n", what, done, total, rate,
                (total - done) / Math.max(rate, 1));
    }
}
