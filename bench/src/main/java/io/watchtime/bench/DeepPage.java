package io.watchtime.bench;

import static io.watchtime.bench.Stats.percentile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;

/**
 * Row "page N directly": page N as the first request of a filter the server has not seen (a window that still
 * covers all the data, its start one second earlier each time, sorts alternating), beside the plain OFFSET query
 * and the server's deferred join on JDBC.
 */
final class DeepPage {

    private static final int RUNS = 3;

    private final ScaleRun run;

    DeepPage(ScaleRun run) {
        this.run = run;
    }

    void run(int page) throws Exception {
        long[] range = run.db().timeRange(run.account());
        double[] viaHttp = new double[RUNS];
        double[] raw = new double[RUNS];
        double[] rawDeferred = new double[RUNS];
        long salt = System.currentTimeMillis() / 1000 % 100_000;
        for (int i = 0; i < RUNS; i++) {
            String sort = i % 2 == 0 ? "desc" : "asc";
            long t = System.nanoTime();
            byte[] body = run.api().page(page, sort, range[0] - 1 - salt * 10 - i, range[1] + 1);
            viaHttp[i] = (System.nanoTime() - t) / 1e6;
            if (Api.list(body).list().isEmpty()) {
                throw new IllegalStateException("page " + page + " is empty: " + Api.head(body));
            }
        }
        long offset = (page - 1L) * Api.PAGE_SIZE;
        try (Connection c = run.db().connect();
             PreparedStatement plain = c.prepareStatement("SELECT " + PageSql.COLUMNS + " FROM viewings v WHERE"
                     + " v.account_id = ?" + PageSql.orderBy("v.", false) + " LIMIT " + Api.PAGE_SIZE + " OFFSET ?");
             PreparedStatement deferred = c.prepareStatement(PageSql.deferredJoin(run.db().dialect, false))) {
            for (int i = 0; i < RUNS; i++) {
                plain.setLong(1, run.account());
                plain.setLong(2, offset);
                long t = System.nanoTime();
                Database.readAll(plain);
                raw[i] = (System.nanoTime() - t) / 1e6;
                deferred.setLong(1, run.account());
                deferred.setLong(2, offset);
                deferred.setLong(3, run.account());
                t = System.nanoTime();
                Database.readAll(deferred);
                rawDeferred[i] = (System.nanoTime() - t) / 1e6;
            }
        }
        System.err.printf("  page %,d directly: HTTP %s ms; raw plain OFFSET %s ms; raw deferred join %s ms%n", page,
                Arrays.toString(round(viaHttp)), Arrays.toString(round(raw)), Arrays.toString(round(rawDeferred)));
        Results r = run.results();
        r.put("deep.page", page);
        r.put("deep.http_ms", percentile(viaHttp, 50));
        r.put("deep.http_max_ms", Arrays.stream(viaHttp).max().orElse(0));
        r.put("deep.raw_ms", percentile(raw, 50));
        r.put("deep.raw_deferred_ms", percentile(rawDeferred, 50));
    }

    private static double[] round(double[] ms) {
        return Arrays.stream(ms).map(Math::rint).toArray();
    }
}
