package io.watchtime.server.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.watchtime.server.ingest.core.Crediting;
import io.watchtime.server.ingest.core.Enriched;
import io.watchtime.server.settings.WatchtimeProperties;
import io.watchtime.server.storage.Dialect;
import io.watchtime.server.storage.ViewingChanges;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The writers: each takes every batch waiting in its lane, applies them in arrival order in one transaction (group
 * commit), and completes each caller only after the commit, so an acknowledged event is durable and at once visible
 * to queries. An account always goes to the same lane, so its batches apply in order and lanes never wait for each
 * other's locks; several lanes let the database work on several accounts at once (SQLite writes one at a time, so
 * it has one lane).
 */
@Component
public class IngestWriter implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(IngestWriter.class);
    private static final int MAX_GROUP_EVENTS = 50_000;
    /** Bounds the memory that waiting batches hold, whatever their number. */
    private static final int MAX_QUEUED_EVENTS = 200_000;
    /** How often an idle writer looks up from the queue, to see whether it should stop. */
    private static final long IDLE_POLL_MILLIS = 200;
    /** How long a stopping server lets the writer finish what is queued. */
    private static final Duration DRAIN_ON_STOP = Duration.ofSeconds(30);

    private final GroupTransaction transaction;
    private final List<BlockingQueue<Ticket>> lanes;
    private final AtomicInteger queuedEvents = new AtomicInteger();
    private final IngestMetrics metrics;
    private final List<Thread> threads = new ArrayList<>();
    private final boolean sqlite;
    private volatile boolean running;

    IngestWriter(DataSource dataSource, Dialect dialect, Clock clock, ViewingChanges.Listener listener,
                 WatchtimeProperties properties, MeterRegistry registry) {
        this.metrics = new IngestMetrics(registry, queuedEvents);
        WatchtimeProperties.Crediting settings = properties.crediting();
        Crediting crediting = new Crediting(settings.maxGap().toSeconds(), settings.sessionTimeout().toSeconds(),
                settings.roomEventLateness().toSeconds());
        this.transaction = new GroupTransaction(dataSource, dialect, clock, crediting, listener, metrics);
        this.sqlite = dialect == Dialect.SQLITE;
        int writers = sqlite ? 1 : properties.ingest().writers();
        this.lanes = IntStream.range(0, writers).<BlockingQueue<Ticket>>mapToObj(i -> new LinkedBlockingQueue<>())
                .toList();
    }

    /** Queues a validated batch (every {@code at} already set); its ticket completes after the commit. */
    Ticket submit(long accountId, List<Enriched> events) {
        Ticket ticket = new Ticket(accountId, events);
        if (!running) {
            ticket.done.completeExceptionally(new IngestFailure(IngestFailure.Reason.SHUTTING_DOWN, "stopping"));
        } else if (queuedEvents.addAndGet(events.size()) > MAX_QUEUED_EVENTS) {
            queuedEvents.addAndGet(-events.size());
            ticket.done.completeExceptionally(new IngestFailure(IngestFailure.Reason.QUEUE_FULL, "queue full"));
        } else {
            lanes.get(Math.floorMod(accountId, lanes.size())).add(ticket);
        }
        return ticket;
    }

    @Override
    public synchronized void start() {
        running = true;
        log.info("ingest writers: {} ({})", lanes.size(), sqlite ? "SQLite writes one transaction at a time"
                : "each for its own share of the accounts");
        for (int lane = 0; lane < lanes.size(); lane++) {
            BlockingQueue<Ticket> queue = lanes.get(lane);
            Thread thread = new Thread(() -> run(queue), lanes.size() == 1 ? "ingest-writer" : "ingest-writer-" + lane);
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        long deadline = System.nanoTime() + DRAIN_ON_STOP.toNanos();
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.clear();
    }

    /** Below the web server's phases: the writer starts before requests arrive and stops after the last one. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run(BlockingQueue<Ticket> queue) {
        List<Ticket> group = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Ticket first = queue.poll(IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS);
                int events = first == null ? 0 : take(first, group);
                for (Ticket next = queue.poll(); next != null; next = events < MAX_GROUP_EVENTS ? queue.poll() : null) {
                    events += take(next, group);
                }
                if (!group.isEmpty()) {
                    write(group);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) { // even an Error must not silently end a lane's writer
                log.error("ingest writer failed on a group of {} batches: {}", group.size(), t.toString(), t);
                fail(group, t.toString());
            } finally {
                group.clear();
            }
        }
    }

    /** Adds the ticket to the group unless its caller gave up; returns the events it brings. */
    private int take(Ticket ticket, List<Ticket> group) {
        queuedEvents.addAndGet(-ticket.events.size());
        if (!ticket.claim()) {
            return 0;
        }
        group.add(ticket);
        return ticket.events.size();
    }

    /** Commits the group in one transaction, then answers each batch. */
    private void write(List<Ticket> group) {
        GroupTransaction.Outcome outcome;
        long started = System.nanoTime();
        try {
            outcome = transaction.commit(group);
            metrics.committed(outcome.acks().values(), System.nanoTime() - started);
        } catch (SQLException | RuntimeException e) {
            metrics.failed();
            String cause = summary(e);
            log.error("ingest group of {} batches failed and was rolled back: {}", group.size(), cause);
            fail(group, cause);
            return;
        }
        outcome.afterCommit().forEach(Runnable::run);
        outcome.acks().forEach((ticket, ack) -> ticket.done.complete(ack));
    }

    private static void fail(List<Ticket> group, String cause) {
        IngestFailure failure = new IngestFailure(IngestFailure.Reason.NOT_STORED, cause);
        group.forEach(ticket -> ticket.done.completeExceptionally(failure));
    }

    /** The cause in one short line: a driver's message can hold a whole batch of statements and viewers' data. */
    private static String summary(Exception e) {
        Throwable cause = e; // GroupTransaction already turned a store's failure into its SQLException
        if (cause instanceof SQLException sql && sql.getNextException() != null) {
            cause = sql.getNextException();
        }
        String message = cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return message.length() <= 300 ? message : message.substring(0, 297) + "...";
    }
}
