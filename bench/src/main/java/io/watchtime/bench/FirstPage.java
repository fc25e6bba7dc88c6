package io.watchtime.bench;

import static io.watchtime.bench.Stats.percentile;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Row "page 1 with total": 300 requests of page 1 over HTTP, beside the raw {@code count(*)} + first page. */
final class FirstPage {

    private final ScaleRun run;

    FirstPage(ScaleRun run) {
        this.run = run;
    }

    void run() throws Exception {
        for (int i = 0; i < 30; i++) {
            run.api().page(1, "desc", 0, 0);
        }
        double[] viaHttp = new double[300];
        for (int i = 0; i < viaHttp.length; i++) {
            long t = System.nanoTime();
            byte[] body = run.api().page(1, "desc", 0, 0);
            viaHttp[i] = (System.nanoTime() - t) / 1e6;
            if (i == 0) {
                System.err.printf("  page 1: total %,d%n", Api.list(body).total());
            }
        }
        double[] raw = new double[15];
        try (Connection c = run.db().connect();
             PreparedStatement count = c.prepareStatement("SELECT count(*) FROM viewings WHERE account_id = ?");
             PreparedStatement page = c.prepareStatement("SELECT " + PageSql.COLUMNS + " FROM viewings v WHERE"
                     + " v.account_id = ?" + PageSql.orderBy("v.", false) + " LIMIT " + Api.PAGE_SIZE)) {
            count.setLong(1, run.account());
            page.setLong(1, run.account());
            for (int i = -3; i < raw.length; i++) {
                long t = System.nanoTime();
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                }
                Database.readAll(page);
                if (i >= 0) {
                    raw[i] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        System.err.printf("  page 1 with total: HTTP p50 %.1f ms p99 %.1f ms (300 requests); raw count(*) + page p50"
                + " %.1f ms (15 runs)%n", percentile(viaHttp, 50), percentile(viaHttp, 99), percentile(raw, 50));
        run.results().put("first.http_p50", percentile(viaHttp, 50));
        run.results().put("first.http_p99", percentile(viaHttp, 99));
        run.results().put("first.raw_p50", percentile(raw, 50));
    }
}
