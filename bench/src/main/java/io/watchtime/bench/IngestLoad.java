package io.watchtime.bench;

import static io.watchtime.bench.Stats.percentile;

import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.IngestBatch;
import io.watchtime.protocol.IngestEvent;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows "ingest through HTTP" and "ingest ack latency": events through the ingest endpoint from several senders,
 * each an {@link Audience} of its own rooms, sent as fast as the server acknowledges. A batch counts once its 200
 * reply arrives (the server answers after the commit); a 503 or 429 is retried after a pause (safe: events have
 * {@code at}).
 */
final class IngestLoad {

    private final List<Api> accounts;
    private final int senders;
    private final int batch;
    private final int seconds;

    /** Sender {@code s} sends to account {@code s % accounts.size()}, each given by an ingest key's {@link Api}. */
    IngestLoad(List<Api> accounts, int senders, int batch, int seconds) {
        this.accounts = List.copyOf(accounts);
        this.senders = senders;
        this.batch = batch;
        this.seconds = seconds;
    }

    void run(Results results) throws Exception {
        AtomicLong events = new AtomicLong();
        AtomicLong applied = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        List<List<Double>> latencies = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        long runId = System.currentTimeMillis() / 1000;
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            List<Double> ms = new ArrayList<>();
            latencies.add(ms);
            Audience audience = new Audience(s, runId);
            Api api = accounts.get(s % accounts.size());
            Thread t = new Thread(() -> {
                try {
                    while (System.nanoTime() < until) {
                        List<IngestEvent> next = audience.batch(batch);
                        if (next == null) { // caught up with the real clock
                            Thread.sleep(200);
                            continue;
                        }
                        String body = Api.JSON.writeValueAsString(new IngestBatch(next));
                        while (true) {
                            long t0 = System.nanoTime();
                            HttpResponse<String> r = api.ingest(body);
                            double took = (System.nanoTime() - t0) / 1e6;
                            if (r.statusCode() == 200) {
                                ms.add(took);
                                IngestAck ack = Api.ack(r.body());
                                events.addAndGet(ack.received());
                                applied.addAndGet(ack.applied());
                                break;
                            }
                            if (r.statusCode() != 503 && r.statusCode() != 429) {
                                throw new IllegalStateException("ingest: HTTP " + r.statusCode() + " " + r.body());
                            }
                            retries.incrementAndGet();
                            Thread.sleep(100);
                        }
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            t.start();
            threads.add(t);
        }
        long shown = System.nanoTime();
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(1000);
                if (System.nanoTime() - shown > 10_000_000_000L) {
                    shown = System.nanoTime();
                    double s = (shown - start) / 1e9;
                    System.err.printf("  ingest: %,d events acknowledged in %.0f s (%,.0f /s)%n", events.get(), s,
                            events.get() / s);
                }
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        double[] all = latencies.stream().flatMap(List::stream).mapToDouble(Double::doubleValue).toArray();
        double rate = events.get() / elapsed;
        System.err.printf("  ingest: %d senders to %d account(s), batches of %d, %.0f s: %,d events acknowledged"
                        + " (%,d applied), %,.0f events/s, ack p50 %.0f ms p99 %.0f ms, %d retried (503/429)%n",
                senders, accounts.size(), batch, elapsed,
                events.get(), applied.get(), rate, percentile(all, 50), percentile(all, 99), retries.get());
        results.put("ingest.events_per_s", rate);
        results.put("ingest.ack_p50", percentile(all, 50));
        results.put("ingest.ack_p99", percentile(all, 99));
        results.put("ingest.events", events.get());
        results.put("ingest.applied", applied.get());
        results.put("ingest.retries", retries.get());
        results.put("ingest.senders", senders);
        results.put("ingest.accounts", accounts.size());
        results.put("ingest.batch", batch);
    }
}
