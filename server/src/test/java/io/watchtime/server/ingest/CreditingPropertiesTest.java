package io.watchtime.server.ingest;

import io.watchtime.server.support.Events;
import static io.watchtime.server.ingest.WriterHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.EventType;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random event streams through the real writer: the numbers stay sane, and re-sending, duplicating or
 * reordering batches changes nothing.
 */
class CreditingPropertiesTest {

    private static final long[] ROOMS = {11, 12};
    private static final long[] VIEWERS = {101, 102, 103};
    private static final WatchMode[] MODES = {null, null, WatchMode.LIVE, WatchMode.PLAYBACK, WatchMode.PREVIEW};
    private static final AtomicLong ACCOUNTS = new AtomicLong();
    private static WriterHarness harness;

    @BeforeContainer
    static void start() {
        harness = new WriterHarness();
    }

    @AfterContainer
    static void stop() {
        harness.close();
    }

    @Property(tries = 60)
    void stayCoversLiveAndPlaybackAndLiveNeverExceedsTheRounds(@ForAll long seed) {
        long account = ACCOUNTS.incrementAndGet();
        List<List<IngestEvent>> batches = batches(seed);
        batches.forEach(batch -> harness.ingest(account, batch));

        long lastEvent = batches.stream().flatMap(List::stream).mapToLong(IngestEvent::at).max().orElse(NOW);
        for (long room : ROOMS) {
            long roundSeconds = harness.room(account, room).rounds.stream()
                    .mapToLong(r -> (r.endedAt == 0 ? lastEvent : r.endedAt) - r.startedAt).sum();
            for (long viewer : VIEWERS) {
                Viewing v = harness.viewing(account, room, viewer);
                assertThat(v.stay).as("stay >= live + playback").isGreaterThanOrEqualTo(v.live + v.playback);
                assertThat(v.live).as("live within the rounds").isLessThanOrEqualTo(roundSeconds);
                assertThat(v.live).isNotNegative();
                assertThat(v.playback).isNotNegative();
            }
        }
    }

    @Property(tries = 60)
    void resentDuplicatedAndReorderedBatchesChangeNothing(@ForAll long seed) {
        Random random = new Random(seed);
        List<List<IngestEvent>> batches = batches(seed);
        long inOrder = ACCOUNTS.incrementAndGet();
        long shuffledWithin = ACCOUNTS.incrementAndGet();
        for (List<IngestEvent> batch : batches) {
            harness.ingest(inOrder, batch);
            harness.ingest(shuffledWithin, shuffled(batch, random));
        }
        String state = harness.dump(inOrder);
        assertThat(harness.dump(shuffledWithin)).as("order within a batch does not matter").isEqualTo(state);

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
    }

    /** One account's stream: rooms going live and ending, sessions of a few viewers, random gaps and modes. */
    private static List<List<IngestEvent>> batches(long seed) {
        Random random = new Random(seed);
        List<IngestEvent> events = new ArrayList<>();
        long at = NOW;
        long round = 0;
        int count = 20 + random.nextInt(120);
        for (int i = 0; i < count; i++) {
            at += random.nextInt(10) == 0 ? 100 + random.nextInt(400) : random.nextInt(45);
            long room = ROOMS[random.nextInt(ROOMS.length)];
            int kind = random.nextInt(20);
            if (kind == 0) {
                events.add(IngestEvent.roomStart(room, random.nextBoolean() ? ++round : 0, at));
            } else if (kind == 1) {
                events.add(IngestEvent.roomEnd(room, at));
            } else {
                EventType type = kind < 5 ? EventType.ENTER : kind < 18 ? EventType.HEARTBEAT : EventType.LEAVE;
                long viewer = VIEWERS[random.nextInt(VIEWERS.length)];
                String session = "s" + viewer + "-" + random.nextInt(2);
                events.add(Events.viewer(type, room, viewer, session, at, MODES[random.nextInt(MODES.length)]));
            }
        }
        List<List<IngestEvent>> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + random.nextInt(15));
            batches.add(events.subList(from, to));
            from = to;
        }
        return batches;
    }

    private static List<IngestEvent> shuffled(List<IngestEvent> batch, Random random) {
        List<IngestEvent> copy = new ArrayList<>(batch);
        Collections.shuffle(copy, random);
        return copy;
    }
}
