package io.watchtime.bench;

import io.watchtime.server.settings.WatchtimeProperties;
import io.watchtime.server.web.ApiTimes;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The visit times of a page (two per record) as the server writes them ({@link ApiTimes#second}) against a
 * DateTimeFormatter in the same run: 5 rounds of 2 000 000 times 7 s apart, ns per time and the ratio.
 * Run: {@code java -cp "bench/target/watchtime-bench.jar:bench/target/lib/*" io.watchtime.bench.VisitTimes}
 */
public final class VisitTimes {

    private static final int TIMES = 2_000_000;

    private VisitTimes() {
    }

    public static void main(String[] args) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ApiTimes times = new ApiTimes(new WatchtimeProperties(null, zone, "", null, null, null, null, null, null));
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        long first = Instant.now().getEpochSecond() - TIMES * 7L;
        long written = 0; // used, so that no loop is optimised away
        System.out.println("| round | DateTimeFormatter ns/time | ApiTimes.second ns/time | ratio |");
        System.out.println("|---|---|---|---|");
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < TIMES; i++) {
                written += formatter.format(Instant.ofEpochSecond(first + i * 7L)).length();
            }
            long middle = System.nanoTime();
            for (int i = 0; i < TIMES; i++) {
                written += times.second(first + i * 7L).length();
            }
            long end = System.nanoTime();
            System.out.printf("| %d | %.0f | %.0f | %.2f |%n", round, (middle - start) / (double) TIMES,
                    (end - middle) / (double) TIMES, (end - middle) / (double) (middle - start));
        }
        System.out.println("(" + written + " characters written)");
    }
}
