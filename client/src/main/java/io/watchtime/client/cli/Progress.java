package io.watchtime.client.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line on the terminal, rewritten in place: records so far, rate, and the time left from the server's
 * total. Silent when disabled (output piped or redirected), so logs and scripts stay clean.
 */
final class Progress {

    private static final long EVERY_NANOS = 250_000_000L;

    private final PrintWriter out;
    private final boolean enabled;
    private final long startNanos = System.nanoTime();
    private long lastNanos;
    private long records;

    Progress(PrintWriter out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** {@code remaining}: the server's estimate of records still to come, negative when unknown. */
    void update(long newRecords, long remaining) {
        records += newRecords;
        long now = System.nanoTime();
        if (enabled && now - lastNanos >= EVERY_NANOS) {
            lastNanos = now;
            out.print("\r" + line(records, (now - startNanos) / 1e9, remaining) + "   ");
            out.flush();
        }
    }

    void done(String summary) {
        if (enabled) {
            out.print("\r" + summary + " ".repeat(20) + "\n");
            out.flush();
        }
    }

    long records() {
        return records;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static String line(long records, double seconds, long remaining) {
        double rate = seconds > 0 ? records / seconds : 0;
        String eta = remaining < 0 || rate <= 0 ? "" : "  ETA " + clock(remaining / rate);
        String of = remaining < 0 ? "" : " of " + String.format(Locale.ROOT, "%,d", records + remaining);
        return String.format(Locale.ROOT, "%,d%s records  %,.0f/s%s", records, of, rate, eta);
    }

    static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
}
