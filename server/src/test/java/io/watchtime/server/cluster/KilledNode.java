package io.watchtime.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.cluster.Balancer.Answer;
import io.watchtime.server.support.HttpTest.TestAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import tools.jackson.databind.JsonNode;

/**
 * Four senders and a reader run through the balancer while node 2 gets SIGKILL and is started again. Each batch is
 * the whole five-minute visit of twenty viewers of its own, so an acknowledged batch must show as twenty records of
 * 300 s each; the clients send again what got no answer (a cut connection, a 502), and nothing else may fail.
 */
final class KilledNode {

    private static final int SENDERS = 4;
    private static final int VIEWERS_PER_BATCH = 20;
    private static final long ROOM = 990_001;
    private static final int KILLED = 2;

    private final Cluster cluster;
    private final Balancer balancer;
    private final TestAccount account;
    private final long at = (System.currentTimeMillis() / 1000 - 3600) / 60 * 60;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final Queue<Long> acknowledgedViewers = new ConcurrentLinkedQueue<>();
    private final Queue<Answer> readerFailures = new ConcurrentLinkedQueue<>();
    private final Queue<Throwable> errors = new ConcurrentLinkedQueue<>();

    KilledNode(Cluster cluster, TestAccount account) {
        this.cluster = cluster;
        this.balancer = new Balancer(cluster.port());
        this.account = account;
    }

    void run() throws Exception {
        List<Thread> clients = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            clients.add(client(() -> {
                for (long k = 0; !stop.get(); k++) {
                    long first = 1_000_000L * (sender + 1) + k * VIEWERS_PER_BATCH;
                    balancer.ingest(account.ingestKey(), visits(first));
                    for (int v = 0; v < VIEWERS_PER_BATCH; v++) {
                        acknowledgedViewers.add(first + v);
                    }
                }
            }));
        }
        clients.add(client(() -> {
            while (!stop.get()) {
                Answer a = balancer.list(account.readKey(), 1, 10);
                if (!a.accepted() && a.status() != 429) {
                    readerFailures.add(a);
                }
                Thread.sleep(100);
            }
        }));
        clients.forEach(Thread::start);
        Thread.sleep(3000);
        int beforeKill = acknowledgedViewers.size();
        cluster.kill(KILLED);
        Thread.sleep(3000);
        int whileDown = acknowledgedViewers.size() - beforeKill;
        cluster.restartNode(KILLED);
        for (int i = 0; i < 40 && !cluster.balancerView(KILLED).equals("UP"); i++) {
            Thread.sleep(250);
        }
        assertThat(cluster.balancerView(KILLED)).as("HAProxy routes to the restarted node again").isEqualTo("UP");
        Thread.sleep(2000);
        stop.set(true);
        for (Thread t : clients) {
            t.join(120_000);
        }

        assertThat(errors).as("client errors").isEmpty();
        assertThat(whileDown).as("batches acknowledged in the 3 s after the kill: the other nodes kept serving")
                .isPositive();
        assertThat(readerFailures).as("queries that failed: only one in flight to the killed node")
                .allSatisfy(a -> assertThat(a.status()).isIn(0, 502, 503, 504)).hasSizeLessThanOrEqualTo(1);
        assertThat(balancer.failedAttempts.get()).as("ingest attempts that failed: only those in flight to the killed"
                + " node, one a sender at most").isLessThanOrEqualTo(SENDERS);
        Map<String, JsonNode> records = balancer.walk(account.readKey());
        assertThat(records).hasSize(acknowledgedViewers.size());
        for (long viewer : acknowledgedViewers) {
            JsonNode r = records.get(ROOM + "/" + viewer);
            assertThat(r).as("the record of acknowledged viewer %d", viewer).isNotNull();
            assertThat(r.get("stay_duration").asLong()).as("stay of viewer %d", viewer).isEqualTo(300);
        }
    }

    /** Twenty viewers each watching 300 s: enter, a beat every 30 s, leave; every event with its {@code at}. */
    private List<IngestEvent> visits(long firstViewer) {
        List<IngestEvent> events = new ArrayList<>();
        for (long viewer = firstViewer; viewer < firstViewer + VIEWERS_PER_BATCH; viewer++) {
            String session = "k" + viewer;
            events.add(IngestEvent.enter(ROOM, viewer, session, at, null, EnterProfile.NONE));
            for (long t = at + 30; t < at + 300; t += 30) {
                events.add(IngestEvent.heartbeat(ROOM, viewer, session, t, null));
            }
            events.add(IngestEvent.leave(ROOM, viewer, session, at + 300, null));
        }
        return events;
    }

    private interface Work {
        void run() throws Exception;
    }

    private Thread client(Work work) {
        return new Thread(() -> {
            try {
                work.run();
            } catch (Throwable e) {
                errors.add(e);
            }
        });
    }
}
