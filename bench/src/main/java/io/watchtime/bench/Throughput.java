package io.watchtime.bench;

import io.watchtime.protocol.Paths;
import io.watchtime.server.storage.Dialect;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Row "query throughput": wrk's script (scale.sh runs wrk, the Watchtime side), and the anchor: the server's page query
 * for random pages 1..N and a random sort, in a loop on 16 JDBC connections, or the same query as pgbench
 * scripts on PostgreSQL.
 */
final class Throughput {

    private final ScaleRun run;

    Throughput(ScaleRun run) {
        this.run = run;
    }

    /** The JDBC loop: pages/s over {@code threads} connections for {@code seconds}. */
    void loop(int threads, int seconds, int pages) throws Exception {
        Dialect dialect = run.db().dialect;
        long account = run.account();
        AtomicLong done = new AtomicLong();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        run.db().onThreads(threads, c -> {
            try (PreparedStatement asc = c.prepareStatement(PageSql.deferredJoin(dialect, true));
                 PreparedStatement desc = c.prepareStatement(PageSql.deferredJoin(dialect, false))) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < until) {
                    PreparedStatement s = random.nextBoolean() ? asc : desc;
                    s.setLong(1, account);
                    s.setLong(2, random.nextInt(pages) * (long) Api.PAGE_SIZE);
                    s.setLong(3, account);
                    Database.readAll(s);
                    done.incrementAndGet();
                }
            }
        });
        double rate = done.get() / ((System.nanoTime() - start) / 1e9);
        System.err.printf("  JDBC loop, %d connections, %d s: %,.1f pages/s%n", threads, seconds, rate);
        run.results().put("throughput.raw_rps", rate);
    }

    /** wrk's script: {@code template} (bench/page.lua) with the endpoint's path, the read key and the pages filled in. */
    static void wrkScript(Path template, Path file, String key, int pages) throws IOException {
        Files.writeString(file, Files.readString(template, StandardCharsets.UTF_8).replace("@PATH@", Paths.DURATION_LIST)
                .replace("@KEY@", key).replace("@PAGES@", Integer.toString(pages)), StandardCharsets.UTF_8);
    }

    /** The same query for pgbench: {@code dir/page_ASC.sql} and {@code dir/page_DESC.sql}, a random page 1..N each. */
    void pgbenchScripts(Path dir, int pages) throws IOException {
        for (boolean asc : new boolean[] {true, false}) {
            String sql = PageSql.deferredJoin(Dialect.POSTGRESQL, asc)
                    .replaceFirst("\\?", Long.toString(run.account()))
                    .replaceFirst("\\?", ":off")
                    .replaceFirst("\\?", Long.toString(run.account()));
            String script = "\\set page random(1, " + pages + ")\n\\set off (:page - 1) * " + Api.PAGE_SIZE + "\n" + sql + ";\n";
            Files.writeString(dir.resolve(asc ? "page_ASC.sql" : "page_DESC.sql"), script, StandardCharsets.UTF_8);
        }
    }
}
