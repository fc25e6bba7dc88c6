package io.watchtime.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints the results of one scale.sh run as one markdown table: figure, Watchtime, anchor, ratio, target, result;
 * one method a row (or group of rows), in the order of the steps that measured them.
 */
final class Table {

    private final Map<String, Double> r = new LinkedHashMap<>();

    private Table() {
    }

    static void print(String file, String title) throws IOException {
        Table t = new Table();
        for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
            String[] kv = line.trim().split("\\s+");
            if (kv.length == 2) {
                t.r.put(kv[0], Double.parseDouble(kv[1]));
            }
        }
        t.print(title);
    }

    private boolean has(String k) {
        return r.containsKey(k);
    }

    private double get(String k) {
        return r.getOrDefault(k, Double.NaN);
    }

    private void print(String title) {
        if (!title.isEmpty()) {
            System.out.println("**" + title + "**");
            System.out.println();
        }
        System.out.println("| figure | Watchtime | anchor (same run) | ratio | target | result |");
        System.out.println("|---|---|---|---|---|---|");
        walks();
        firstPage();
        deepPage();
        throughput();
        ingest();
        heap();
    }

    /** {@link Walk}: per request and whole walk, for each sort and filter walked. */
    private void walks() {
        for (String sort : new String[] {"asc", "desc"}) {
            for (String filter : new String[] {"none", "time"}) {
                String k = "walk." + sort + "." + filter;
                if (!has(k + ".pages")) {
                    continue;
                }
                String what = String.format("walk %,d pages %s, %s", (long) get(k + ".pages"), sort,
                        filter.equals("none") ? "no filter" : "time filter");
                double p99 = get(k + ".http_p99");
                row(what + ": per request p50 / p99", String.format("%.1f / %.1f ms", get(k + ".http_p50"), p99),
                        String.format("raw keyset page %.1f / %.1f ms", get(k + ".raw_p50"), get(k + ".raw_p99")),
                        p99 / get(k + ".raw_p99"), "p99 <= 50 ms", p99 <= 50, String.format("p99 %.1f ms = %.1f x the target", p99, p99 / 50));
                double ratio = get(k + ".http_s") / get(k + ".raw_s");
                row(what + ": whole walk", String.format("%.1f s", get(k + ".http_s")),
                        String.format("raw keyset walk %.1f s", get(k + ".raw_s")), ratio, "<= 2 x raw", ratio <= 2,
                        String.format("%.1f x raw", ratio));
            }
        }
    }

    /** {@link FirstPage}. */
    private void firstPage() {
        if (has("first.http_p50")) {
            double v = get("first.http_p50");
            row("page 1 with total, p50 (p99)", String.format("%.1f ms (%.1f ms)", v, get("first.http_p99")),
                    String.format("raw count(*) + page %.1f ms", get("first.raw_p50")), v / get("first.raw_p50"),
                    "p50 <= 10 ms", v <= 10, String.format("%.1f ms", v));
        }
    }

    /** {@link DeepPage}. */
    private void deepPage() {
        if (has("deep.http_ms")) {
            double v = get("deep.http_ms");
            row(String.format("page %,d directly (new filter), median of 3 (max)", (long) get("deep.page")),
                    String.format("%.0f ms (%.0f ms)", v, get("deep.http_max_ms")),
                    String.format("raw plain OFFSET %.0f ms (deferred join %.0f ms)", get("deep.raw_ms"),
                            get("deep.raw_deferred_ms")), v / get("deep.raw_ms"), "<= 2 s", v <= 2000,
                    String.format("%.0f ms", v));
        }
    }

    /** wrk (scale.sh) beside {@link Throughput}'s JDBC loop or pgbench. */
    private void throughput() {
        if (has("throughput.http_rps")) {
            double v = get("throughput.http_rps");
            double ratio = v / get("throughput.raw_rps");
            row("query throughput, page_size 500, 16 connections", String.format("%.1f pages/s (wrk, p99 %.0f ms)", v,
                            get("throughput.http_p99")), String.format("%.1f pages/s (%s)", get("throughput.raw_rps"),
                            has("throughput.pgbench") ? "pgbench" : "JDBC loop, 16 threads"), ratio, ">= 0.5 x raw",
                    ratio >= 0.5, String.format("%.2f x", ratio));
        }
    }

    /** {@link IngestLoad} beside {@link UpsertAnchor}. */
    private void ingest() {
        if (has("ingest.events_per_s")) {
            double v = get("ingest.events_per_s");
            String anchor = has("ingest.raw_rows_per_s") ? String.format("raw batched upsert %,.0f rows/s (%s)",
                    get("ingest.raw_rows_per_s"), has("ingest.pgbench") ? "pgbench" : "JDBC") : "-";
            long accounts = has("ingest.accounts") ? (long) get("ingest.accounts") : 1;
            double ratio = v / get("ingest.raw_rows_per_s");
            row(String.format("ingest through HTTP, %d senders x %d events a batch, %d account%s, acknowledged durably",
                            (long) get("ingest.senders"), (long) get("ingest.batch"), accounts, accounts == 1 ? "" : "s"),
                    String.format("%,.0f events/s", v), anchor, ratio, ">= 0.25 x raw", ratio >= 0.25,
                    String.format("%.2f x", ratio));
            double p99 = get("ingest.ack_p99");
            row("ingest ack latency p50 / p99", String.format("%.0f / %.0f ms", get("ingest.ack_p50"), p99), "-",
                    Double.NaN, "p99 <= 1 s", p99 <= 1000, String.format("%.0f ms", p99));
        }
    }

    /** jstat's samples of the server's heap (scale.sh). */
    private void heap() {
        if (has("heap.max_used_mb")) {
            double v = get("heap.max_used_mb");
            boolean oom = get("heap.oom") > 0;
            row("server heap, max used during the run (-Xmx512m)", String.format("%.0f MB%s", v, oom ? ", OutOfMemoryError!" : ", no OOM"),
                    "-", Double.NaN, "<= 512 MB", v <= 512 && !oom, String.format("%.0f MB", v));
        }
    }

    private static void row(String figure, String value, String anchor, double ratio, String target, boolean pass,
                            String missBy) {
        System.out.printf("| %s | %s | %s | %s | %s | %s |%n", figure, value, anchor,
                Double.isNaN(ratio) ? "-" : String.format("%.2f", ratio), target, pass ? "pass" : "**miss** (" + missBy + ")");
    }
}
