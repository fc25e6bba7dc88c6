package io.watchtime.server.ingest.core;

import io.watchtime.server.support.Events;
import static io.watchtime.server.ingest.core.CoreHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.EventType;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.storage.ViewingRow;
import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random event streams through the real writer: the numbers stay sane, and re-sending, duplicating or
 * reordering batches changes nothing.
 */
class CreditingPropertiesTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong();
    private static CoreHarness harness;

    @BeforeContainer
    static void start() {
        harness = new CoreHarness();
    }

    @Property(tries = 60)
    void stayCoversLiveAndPlaybackAndLiveNeverExceedsTheRounds(@ForAll long seed) {
        long account = ACCOUNTS.incrementAndGet();
        List<List<IngestEvent>> batches = RandomStreams.batches(seed);
        batches.forEach(batch -> harness.ingest(account, batch));

        long lastEvent = batches.stream().flatMap(List::stream).mapToLong(IngestEvent::at).max().orElse(NOW);
        for (long room : RandomStreams.ROOMS) {
            long roundSeconds = harness.room(account, room).rounds().stream()
                    .mapToLong(r -> (r.endedAt() == 0 ? lastEvent : r.endedAt()) - r.startedAt()).sum();
            for (long viewer : RandomStreams.VIEWERS) {
                ViewingRow v = harness.viewing(account, room, viewer);
                assertThat(v.stayDuration).as("stay >= live + playback").isGreaterThanOrEqualTo(v.liveDuration + v.playbackDuration);
                assertThat(v.liveDuration).as("live within the rounds").isLessThanOrEqualTo(roundSeconds);
                assertThat(v.liveDuration).isNotNegative();
                assertThat(v.playbackDuration).isNotNegative();
            }
        }
    }

    @Property(tries = 60)
    void resentDuplicatedAndReorderedBatchesChangeNothing(@ForAll long seed) {
        Random random = new Random(seed);
        List<List<IngestEvent>> batches = RandomStreams.batches(seed);
        long inOrder = ACCOUNTS.incrementAndGet();
        long shuffledWithin = ACCOUNTS.incrementAndGet();
        for (List<IngestEvent> batch : batches) {
            harness.ingest(inOrder, batch);
            harness.ingest(shuffledWithin, shuffled(batch, random));
        }
        String state = harness.dump(inOrder);
        String audience = harness.dumpAudience(inOrder);
        assertThat(harness.dump(shuffledWithin)).as("order within a batch does not matter").isEqualTo(state);
        assertThat(harness.dumpAudience(shuffledWithin)).isEqualTo(audience);

        List<List<IngestEvent>> again = new ArrayList<>();
        for (List<IngestEvent> batch : batches) {
            int copies = random.nextInt(3);
            for (int i = 0; i < copies; i++) {
                List<IngestEvent> copy = shuffled(batch, random);
                if (random.nextBoolean()) {
                    copy.addAll(copy.subList(0, random.nextInt(copy.size() + 1)));
                }
                again.add(copy);
            }
        }
        Collections.shuffle(again, random);
        again.forEach(batch -> assertThat(harness.ingest(inOrder, batch).applied()).isZero());
        assertThat(harness.dump(inOrder)).isEqualTo(state);
        assertThat(harness.dumpAudience(inOrder)).as("round rows and minutes too").isEqualTo(audience);
    }

    /**
     * Room events come from the streaming back end and viewer events from the players: each room event may reach
     * Watchtime up to the lateness (an hour here) after the viewer events of its time, in its own order. Whatever
     * the delays, every record ends as in-order delivery leaves it, live and replay split alike.
     */
    @Property(tries = 100)
    void roomEventsArrivingLateGiveTheRecordsOfInOrderDelivery(@ForAll long seed) {
        Random random = new Random(seed);
        List<List<IngestEvent>> batches = RandomStreams.batches(seed);
        long inOrder = ACCOUNTS.incrementAndGet();
        batches.forEach(batch -> harness.ingest(inOrder, batch));

        long late = ACCOUNTS.incrementAndGet();
        RandomStreams.lateRoomEvents(batches, random).forEach(batch -> harness.ingest(late, batch));

        assertThat(harness.dump(late)).isEqualTo(harness.dump(inOrder));
    }

    private static List<IngestEvent> shuffled(List<IngestEvent> batch, Random random) {
        List<IngestEvent> copy = new ArrayList<>(batch);
        Collections.shuffle(copy, random);
        return copy;
    }
}
