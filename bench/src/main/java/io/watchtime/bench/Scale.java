package io.watchtime.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * The measurements of {@code bench/scale.sh}, one step per sub-command, one class per row of the table; each
 * appends {@code name value} lines to {@code --results}, and {@code table} prints them ({@link Table}). Every
 * Watchtime figure has an anchor measured by the same step: the same work done straight on the database.
 *
 * <pre>java -cp ... io.watchtime.bench.Scale STEP --base http://127.0.0.1:18090 --key KEY --url JDBC_URL
 *     --user USER --account 1 --results FILE [step options]</pre>
 * Steps:
 * <ul>
 * <li>{@code walk --sort asc|desc --filter none|time --pages N}: {@link Walk}, HTTP page walk vs raw keyset walk;
 * <li>{@code first}: {@link FirstPage}, page 1 with total vs raw count(*) + page;
 * <li>{@code deep --page N}: {@link DeepPage}, page N of a new filter vs raw OFFSET;
 * <li>{@code wrk-script --template bench/page.lua --file F --pages N}: {@link Throughput}, wrk's script;
 * {@code loop --threads 16 --seconds S --pages N}: the JDBC anchor of wrk's throughput;
 * {@code pgbench-page --dir D --pages N}: the same query as pgbench scripts;
 * <li>{@code ingest --senders 4 --batch 2000 --seconds S} (with an ingest key, or several separated by commas, one
 * per account: sender s sends with key s % n): {@link IngestLoad};
 * <li>{@code upsert --threads 4 --seconds S --scratch-account A}: {@link UpsertAnchor}, its JDBC anchor;
 * {@code pgbench-upsert --file F --scratch-account A}: the same as a pgbench script; {@code scratch [--drop true]}:
 * SQLite's scratch table;
 * <li>{@code table --title T}: the table of the results.
 * </ul>
 * The heap row is scale.sh's (jstat).
 */
public final class Scale {

    private Scale() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Scale walk|first|deep|wrk-script|loop|pgbench-page|ingest|upsert|pgbench-upsert|scratch|table"
                    + " --url JDBC_URL --results FILE ...; bench/scale.sh runs the steps in order, use that");
            System.exit(2);
        }
        String step = args[0];
        Map<String, String> o = Options.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (step) {
            case "table" -> Table.print(Options.required(o, "--results"), o.getOrDefault("--title", ""));
            case "wrk-script" -> Throughput.wrkScript(Path.of(Options.required(o, "--template")),
                    Path.of(Options.required(o, "--file")), Options.required(o, "--key"), number(o, "--pages", null));
            case "pgbench-upsert" -> UpsertAnchor.pgbenchScript(Path.of(Options.required(o, "--file")),
                    Long.parseLong(Options.required(o, "--scratch-account")));
            default -> run(step, o);
        }
    }

    private static void run(String step, Map<String, String> o) throws Exception {
        ScaleRun run = new ScaleRun(new Api(o.get("--base"), o.get("--key")),
                new Database(Options.required(o, "--url"), o.getOrDefault("--user", "")),
                Long.parseLong(o.getOrDefault("--account", "1")), new Results(Options.required(o, "--results")));
        switch (step) {
            case "walk" -> new Walk(run).run(o.get("--sort"), o.get("--filter"), number(o, "--pages", null));
            case "first" -> new FirstPage(run).run();
            case "deep" -> new DeepPage(run).run(number(o, "--page", null));
            case "loop" -> new Throughput(run).loop(number(o, "--threads", "16"), number(o, "--seconds", "30"),
                    number(o, "--pages", null));
            case "pgbench-page" -> new Throughput(run).pgbenchScripts(Path.of(Options.required(o, "--dir")),
                    number(o, "--pages", null));
            case "ingest" -> new IngestLoad(Arrays.stream(Options.required(o, "--key").split(","))
                    .map(key -> new Api(o.get("--base"), key)).toList(), number(o, "--senders", "4"),
                    number(o, "--batch", "2000"), number(o, "--seconds", "40")).run(run.results());
            case "upsert" -> new UpsertAnchor(run).jdbc(number(o, "--threads", "4"), number(o, "--seconds", "20"),
                    Long.parseLong(Options.required(o, "--scratch-account")));
            case "scratch" -> new UpsertAnchor(run).scratch(Boolean.parseBoolean(o.getOrDefault("--drop", "false")));
            default -> throw new IllegalArgumentException("unknown step " + step);
        }
    }

    /** An integer option; {@code fallback} null makes it required. */
    private static int number(Map<String, String> o, String name, String fallback) {
        return Integer.parseInt(fallback == null ? Options.required(o, name) : o.getOrDefault(name, fallback));
    }
}
