package io.watchtime.bench;

import io.watchtime.protocol.Paths;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Latency of getAccountUserDurationList pages over HTTP against a running server, beside the same SQL
 * run straight on the database in the same run (the baseline), and prints a table of both and their ratio.
 *
 * <pre>java -cp ... io.watchtime.bench.PageLatency --base http://localhost:8080 --key KEY --url jdbc:sqlite:FILE --account 1</pre>
 */
public final class PageLatency {

    private static final int PAGE_SIZE = 500;
    private static final int WARMUP = 50;
    private static final int RUNS = 60;

    private PageLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "--base", "--key", "--url", "--account");
        long account = Long.parseLong(options.get("--account"));
        HttpClient http = HttpClient.newHttpClient();
        System.out.println("| page (page_size 500) | sort | HTTP p50 ms | HTTP p99 ms | raw page SQL p50 ms"
                + " | raw count(*) p50 ms | HTTP / (page + count) | HTTP / page |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        try (Connection c = DriverManager.getConnection(options.get("--url"))) {
            for (long page : new long[] {1, 2000}) {
                for (String sort : new String[] {"desc", "asc"}) {
                    String body = "{\"page\":" + page + ",\"page_size\":" + PAGE_SIZE + ",\"sort\":\"" + sort + "\"}";
                    HttpRequest request = HttpRequest.newBuilder(URI.create(options.get("--base") + Paths.DURATION_LIST))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + options.get("--key"))
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    double[] viaHttp = time(() -> {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200 || !response.body().contains("\"room_id\"")) {
                            throw new IllegalStateException("unexpected answer " + response.statusCode() + ": "
                                    + response.body().substring(0, Math.min(200, response.body().length())));
                        }
                    });
                    double[] raw = time(() -> rawPage(c, account, page, sort));
                    double[] count = time(() -> rawCount(c, account));
                    double http50 = percentile(viaHttp, 50);
                    double raw50 = percentile(raw, 50);
                    double count50 = percentile(count, 50);
                    System.out.printf("| %d | %s | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f |%n", page, sort, http50,
                            percentile(viaHttp, 99), raw50, count50, http50 / (raw50 + count50), http50 / raw50);
                }
            }
        }
    }

    /** The server's query shape (keys by the index, then the rows), read to the last column. */
    private static void rawPage(Connection c, long account, long page, String sort) throws Exception {
        String order = " ORDER BY update_time " + sort + ", room_id " + sort + ", viewer_id " + sort;
        try (PreparedStatement s = c.prepareStatement("SELECT v.* FROM (SELECT room_id, viewer_id FROM viewings"
                + " WHERE account_id = ?" + order + " LIMIT ? OFFSET ?) k CROSS JOIN viewings v WHERE v.account_id = ?"
                + " AND v.room_id = k.room_id AND v.viewer_id = k.viewer_id" + order.replace(" update_time", " v.update_time")
                .replace(" room_id", " v.room_id").replace(" viewer_id", " v.viewer_id"))) {
            s.setLong(1, account);
            s.setInt(2, PAGE_SIZE);
            s.setLong(3, (page - 1) * PAGE_SIZE);
            s.setLong(4, account);
            try (ResultSet rs = s.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                }
            }
        }
    }

    /** What a server that counts on every request pays for {@code total}. */
    private static void rawCount(Connection c, long account) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM viewings WHERE account_id = ?")) {
            s.setLong(1, account);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
            }
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static double[] time(Action action) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            action.run();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.run();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
