package io.watchtime.bench;

import static io.watchtime.bench.Stats.percentile;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

/**
 * Latency of getAccountUserDurationList pages over HTTP against a running server, beside the same SQL
 * run straight on the database in the same run (the baseline), and prints a table of both and their ratio.
 *
 * <pre>java -cp ... io.watchtime.bench.PageLatency --base http://localhost:8080 --key KEY --url jdbc:sqlite:FILE --account 1</pre>
 */
public final class PageLatency {

    private static final int WARMUP = 50;
    private static final int RUNS = 60;

    private PageLatency() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args, "--base", "--key", "--url", "--account");
        long account = Long.parseLong(options.get("--account"));
        Api api = new Api(options.get("--base"), options.get("--key"));
        Database db = new Database(options.get("--url"), options.getOrDefault("--user", ""));
        System.out.println("| page (page_size 500) | sort | HTTP p50 ms | HTTP p99 ms | raw page SQL p50 ms"
                + " | raw count(*) p50 ms | HTTP / (page + count) | HTTP / page |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        try (Connection c = db.connect()) {
            for (long page : new long[] {1, 2000}) {
                for (String sort : new String[] {"desc", "asc"}) {
                    if (Api.list(api.page(page, sort, 0, 0)).list().isEmpty()) {
                        throw new IllegalStateException("page " + page + " is empty");
                    }
                    HttpRequest request = api.pageRequest(page, sort, 0, 0);
                    double[] viaHttp = time(() -> {
                        HttpResponse<String> response = api.send(request);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException("unexpected answer " + response.statusCode() + ": "
                                    + Api.head(response.body()));
                        }
                    });
                    double[] raw = time(() -> rawPage(c, db, account, page, sort.equals("asc")));
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
    private static void rawPage(Connection c, Database db, long account, long page, boolean asc) throws Exception {
        try (PreparedStatement s = c.prepareStatement(PageSql.deferredJoin(db.dialect, asc))) {
            s.setLong(1, account);
            s.setLong(2, (page - 1) * Api.PAGE_SIZE);
            s.setLong(3, account);
            Database.readAll(s);
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
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            action.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        return millis;
    }
}
