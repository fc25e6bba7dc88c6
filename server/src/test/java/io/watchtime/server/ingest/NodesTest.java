package io.watchtime.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.ingest.core.CoreHarness;
import io.watchtime.server.storage.AccountVersions;
import io.watchtime.server.storage.Dialect;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.TestDatabase;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Several writers on one database, as several nodes behind a balancer: every viewer has a session on each node,
 * both beating through the same twenty minutes, and the nodes write at the same time. The records are, field for
 * field, what one writer makes of the same events (before each writer locked its accounts first, a writer
 * overwrote what another had credited: 1155 s of stay where one node gives 1215).
 */
class NodesTest {

    private static final long ACCOUNT = 1;
    private static final long ROOM = 31;
    private static final int VIEWERS = 40;
    private static final long START = CoreHarness.NOW;

    @Test
    void threeNodesWritingOneAccountAtOnceGiveWhatOneNodeGives() throws Exception {
        List<List<IngestEvent>> sessions = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            sessions.add(sessionOnNode(node));
        }
        CoreHarness oneNode = new CoreHarness();
        oneNode.ingest(ACCOUNT, List.of(IngestEvent.roomStart(ROOM, 1, START - 60)));
        for (int minute = 0; minute < 20; minute++) { // one node takes each minute of all sessions in time order
            for (List<IngestEvent> session : sessions) {
                oneNode.ingest(ACCOUNT, minute(session, minute));
            }
        }

        String url = TestDatabase.freshUrl();
        List<WriterHarness> nodes = List.of(new WriterHarness(url), new WriterHarness(url), new WriterHarness(url));
        ExecutorService senders = Executors.newFixedThreadPool(nodes.size());
        try {
            nodes.get(0).ingest(ACCOUNT, List.of(IngestEvent.roomStart(ROOM, 1, START - 60)));
            List<Future<?>> sent = new ArrayList<>();
            for (int n = 0; n < nodes.size(); n++) {
                WriterHarness node = nodes.get(n);
                List<IngestEvent> session = sessions.get(n);
                sent.add(senders.submit(() -> {
                    for (int minute = 0; minute < 20; minute++) {
                        node.ingest(ACCOUNT, minute(session, minute));
                    }
                }));
            }
            for (Future<?> f : sent) {
                f.get();
            }
            assertThat(nodes.get(1).dump(ACCOUNT)).isEqualTo(oneNode.dump(ACCOUNT));
        } finally {
            senders.shutdownNow();
            nodes.forEach(WriterHarness::close);
        }
    }

    /**
     * A node writes each account through one of its writers; another account, on the other writer, commits while
     * the first account's lock is held elsewhere (one writer would have waited with it). SQLite has one writer.
     */
    @Test
    void anAccountLockedByAnotherNodeHoldsBackNoOtherAccount() throws Exception {
        String url = TestDatabase.freshUrl();
        Dialect dialect = Dialect.of(url);
        assumeFalse(dialect == Dialect.SQLITE, "SQLite writes one transaction at a time, so a node has one writer");
        try (WriterHarness node = new WriterHarness(url); Connection otherNode = node.connection()) {
            node.ingest(1, List.of(IngestEvent.roomStart(ROOM, 1, START - 60)));
            node.ingest(2, List.of(IngestEvent.roomStart(ROOM, 1, START - 60)));
            List<IngestEvent> enter = List.of(IngestEvent.enter(ROOM, 500, "s", START, null, EnterProfile.NONE));
            otherNode.setAutoCommit(false);
            AccountVersions.lock(otherNode, dialect, 1);
            Ticket held = node.submit(1, enter);

            IngestAck other = node.ingest(2, enter); // fails after 30 s if it waits behind account 1
            assertThat(other.applied()).isEqualTo(1);
            assertThat(held.done).as("account 1 waits for the other node's lock").isNotDone();

            otherNode.rollback();
            assertThat(held.await(Duration.ofSeconds(30)).applied()).isEqualTo(1);
        }
    }

    /**
     * Every viewer's session on this node: enter at the start, then a beat every 30 s, offset by node, for twenty
     * minutes. Each session covers its seconds without a hole from the same start, so whichever node's batch
     * commits first, the seconds credited are the same: only lost updates can make the nodes differ from one.
     */
    private static List<IngestEvent> sessionOnNode(int node) {
        List<IngestEvent> events = new ArrayList<>();
        for (int viewer = 0; viewer < VIEWERS; viewer++) {
            String session = "node" + node;
            events.add(IngestEvent.enter(ROOM, 500 + viewer, session, START, null, EnterProfile.NONE));
            for (long t = START + 30 + node * 10; t < START + 1200; t += 30) {
                events.add(Events.beat(ROOM, 500 + viewer, session, t));
            }
        }
        return events;
    }

    private static List<IngestEvent> minute(List<IngestEvent> events, int minute) {
        return events.stream().filter(e -> e.at() >= START + minute * 60L && e.at() < START + (minute + 1) * 60L)
                .toList();
    }
}
