package io.watchtime.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.ingest.core.CoreHarness;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.TestDatabase;
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
