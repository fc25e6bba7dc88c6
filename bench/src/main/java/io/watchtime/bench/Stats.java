package io.watchtime.bench;

import java.util.Arrays;

/** Percentiles of measured times. */
final class Stats {

    private Stats() {
    }

    /** The nearest-rank percentile {@code p} (0..100) of {@code values}; NaN when there are none. */
    static double percentile(double[] values, double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }
}
