package io.watchtime.bench;

import io.watchtime.bench.RealisticViewings.Part;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Loads realistic viewing records ({@link RealisticViewings}) straight into the {@code viewings} table, the fastest
 * way each database offers ({@link Loader}). The secondary indexes are dropped for the load and built again
 * afterwards (one sorted build is far cheaper than 10 M random inserts into them), then the table is analysed
 * (PostgreSQL: VACUUM ANALYZE, which also sets the visibility map: without it every index-only scan, count(*)
 * included, reads the heap row by row, 15 x slower, until autovacuum comes by).
 * The schema must exist (start the server or run its CLI once on the same URL).
 *
 * <p>Records: {@code --records} of account {@code --account}, then {@code --others} spread over
 * {@code --other-accounts} accounts numbered from {@code --first-other} (viewings only; the server never joins
 * them to {@code accounts}), their rooms started over the last {@code --days} days (30).
 *
 * <pre>java -cp ... io.watchtime.bench.GenerateViewings --url URL [--user U] --account 1 --records 10000000
 *     [--others 1000000] [--other-accounts 100] [--first-other 1001] [--if-needed true]</pre>
 * With {@code --if-needed true} nothing is loaded when the table already holds exactly these counts.
 */
public final class GenerateViewings {

    private GenerateViewings() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Options.parse(args, "--url", "--account", "--records");
        String url = o.get("--url");
        long account = Long.parseLong(o.get("--account"));
        long records = Long.parseLong(o.get("--records"));
        long others = Long.parseLong(o.getOrDefault("--others", "0"));
        int otherAccounts = Integer.parseInt(o.getOrDefault("--other-accounts", "100"));
        long firstOther = Long.parseLong(o.getOrDefault("--first-other", "1001"));
        int days = Integer.parseInt(o.getOrDefault("--days", "30"));
        Loader db = Loader.of(url);
        try (Connection c = db.connect(url, o.getOrDefault("--user", db.user))) {
            long[] have = counts(c, account, firstOther, firstOther + otherAccounts - 1);
            if (Boolean.parseBoolean(o.getOrDefault("--if-needed", "false"))) {
                if (have[0] == records && have[1] == others) {
                    System.out.printf("reusing: viewings already holds %,d records of account %d and %,d of others%n",
                            records, account, others);
                    return;
                }
                if (have[0] + have[1] > 0) {
                    System.err.printf("viewings holds %,d + %,d records, not %,d + %,d: use a fresh database%n",
                            have[0], have[1], records, others);
                    System.exit(3);
                }
            }
            long now = System.currentTimeMillis() / 1000;
            List<Part> parts = new ArrayList<>();
            parts.add(new Part(account, records, account * 7 + 1));
            for (int a = 0; a < otherAccounts && others > 0; a++) {
                long n = others / otherAccounts + (a < others % otherAccounts ? 1 : 0);
                parts.add(new Part(firstOther + a, n, (firstOther + a) * 7 + 1));
            }
            long total = records + others;
            long start = System.nanoTime();
            load(db, c, new RealisticViewings(parts, now - days * 86_400L, now), total);
            long all = System.nanoTime() - start;
            System.out.printf("generated %,d records (%,d of account %d, %,d of %d others) in %.1f s: %,.0f records/s"
                            + " including the index builds%n", total, records, account, others,
                    others > 0 ? otherAccounts : 0, all / 1e9, total / (all / 1e9));
        }
    }

    /**
     * Loads {@code total} rows into {@code viewings} with the secondary indexes dropped, then builds them again and
     * analyses the table (see the class comment for why).
     */
    static void load(Loader db, Connection c, RealisticViewings rows, long total) throws Exception {
        Map<String, String> indexes = db.secondaryIndexes(c);
        long start = System.nanoTime();
        System.out.printf("dropping %d secondary indexes for the load: %s%n", indexes.size(), indexes.keySet());
        for (String name : indexes.keySet()) {
            Database.exec(c, db.dropIndex(name));
        }
        db.load(c, rows, new Progress("loaded", total));
        long loaded = System.nanoTime() - start;
        System.out.printf("loaded %,d records in %.1f s (%,.0f records/s, without indexes)%n", total,
                loaded / 1e9, total / (loaded / 1e9));
        for (Map.Entry<String, String> index : indexes.entrySet()) {
            long t = System.nanoTime();
            db.beforeIndex(c);
            Database.exec(c, index.getValue());
            System.out.printf("built %s in %.1f s%n", index.getKey(), (System.nanoTime() - t) / 1e9);
        }
        long t = System.nanoTime();
        Database.exec(c, db.analyze);
        System.out.printf("analysed (%s) in %.1f s%n", db.analyze, (System.nanoTime() - t) / 1e9);
    }

    /** Records of the account, and of the generated other accounts (not those of ingest accounts the benchmark made). */
    private static long[] counts(Connection c, long account, long firstOther, long lastOther) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT sum(CASE WHEN account_id = ? THEN 1 ELSE 0 END),"
                + " sum(CASE WHEN account_id BETWEEN ? AND ? THEN 1 ELSE 0 END) FROM viewings")) {
            s.setLong(1, account);
            s.setLong(2, firstOther);
            s.setLong(3, lastOther);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }
}
