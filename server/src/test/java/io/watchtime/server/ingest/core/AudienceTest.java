package io.watchtime.server.ingest.core;

import static io.watchtime.server.ingest.core.CoreHarness.NOW;
import static io.watchtime.server.ingest.core.CoreHarness.UPDATE_TIME;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.storage.ViewingRow;
import io.watchtime.server.support.Events;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The round rows and minutes kept at ingest (see {@link Audience}) against what the credited seconds say, whatever
 * order room and viewer events arrive in and however batches are grouped.
 */
class AudienceTest {

    private static final long ROOM = 7;
    private static final long VIEWER = 70;
    private static final AtomicLong ACCOUNTS = new AtomicLong();

    private record Key(long roomId, long viewerId) {
    }

    @Property(tries = 100)
    void roundRowsAndMinutesAreWhatTheCreditedSecondsGive(@ForAll long seed) {
        List<List<IngestEvent>> batches = RandomStreams.batches(seed);
        Random random = new Random(seed);
        CoreHarness harness = new CoreHarness();
        long inOrder = ACCOUNTS.incrementAndGet();
        batches.forEach(batch -> harness.ingest(inOrder, batch));
        long late = ACCOUNTS.incrementAndGet();
        RandomStreams.lateRoomEvents(batches, random).forEach(batch -> harness.ingest(late, batch));
        long grouped = ACCOUNTS.incrementAndGet();
        for (int from = 0; from < batches.size(); ) {
            int to = Math.min(batches.size(), from + 1 + random.nextInt(4));
            harness.ingestGroup(grouped, batches.subList(from, to));
            from = to;
        }

        Map<Key, List<CreditedSpans.Span>> credited = credited(batches);
        String expected = expected(credited, harness, inOrder);
        assertThat(harness.dumpAudience(inOrder)).isEqualTo(expected);
        assertThat(harness.dumpAudience(late)).as("room events late").isEqualTo(expected);
        assertThat(harness.dumpAudience(grouped)).as("batches grouped").isEqualTo(expected);
        for (long account : new long[] {inOrder, late, grouped}) {
            assertRoundsAddUpToTheRecords(harness, account);
        }
    }

    @Test
    void aViewerWithTwoSessionsCountsOncePerMinute() {
        CoreHarness harness = new CoreHarness();
        long account = ACCOUNTS.incrementAndGet();
        long minute = NOW / 60 * 60 + 60;
        harness.ingest(account, List.of(Events.enter(ROOM, VIEWER, "phone", minute + 10, null),
                Events.enter(ROOM, VIEWER, "pc", minute + 12, null), Events.beat(ROOM, VIEWER, "phone", minute + 40),
                Events.beat(ROOM, VIEWER, "pc", minute + 50), Events.beat(ROOM, VIEWER, "pc", minute + 80),
                Events.enter(ROOM, VIEWER + 1, "s", minute + 30, null), Events.beat(ROOM, VIEWER + 1, "s", minute + 59)));
        harness.ingest(account, List.of(Events.beat(ROOM, VIEWER, "phone", minute + 100))); // same minute again

        assertThat(harness.dumpAudience(account)).contains("minute " + ROOM + " " + minute + " 2\n",
                "minute " + ROOM + " " + (minute + 60) + " 1\n");
    }

    @Test
    void previewBeforeTheFirstRoundIsTheFirstRoundsWhenTheStartComesFirstOrLast() {
        CoreHarness harness = new CoreHarness();
        long startFirst = ACCOUNTS.incrementAndGet();
        long startLast = ACCOUNTS.incrementAndGet();
        List<IngestEvent> viewer = List.of(Events.enter(ROOM, VIEWER, "s", NOW, null), Events.beat(ROOM, VIEWER, "s", NOW + 30),
                Events.beat(ROOM, VIEWER, "s", NOW + 60), Events.beat(ROOM, VIEWER, "s", NOW + 90));
        harness.ingest(startFirst, List.of(IngestEvent.roomStart(ROOM, 5, NOW + 45)));
        harness.ingest(startFirst, viewer);
        harness.ingest(startLast, viewer);
        harness.ingest(startLast, List.of(IngestEvent.roomStart(ROOM, 5, NOW + 45)));

        String row = CoreHarness.dumpRound(ROOM, 5, VIEWER, 90, 45, 0, NOW, NOW + 89, UPDATE_TIME);
        assertThat(harness.dumpAudience(startFirst)).startsWith(row + "\n");
        assertThat(harness.dumpAudience(startLast)).isEqualTo(harness.dumpAudience(startFirst));
    }

    @Test
    void aLateStartTakesTheSecondsAfterItFromTheRoundBefore() {
        CoreHarness harness = new CoreHarness();
        long account = ACCOUNTS.incrementAndGet();
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 1, NOW - 100)));
        harness.ingest(account, List.of(Events.enter(ROOM, VIEWER, "s", NOW, null), Events.beat(ROOM, VIEWER, "s", NOW + 30),
                Events.enter(ROOM, VIEWER + 1, "t", NOW + 50, null), Events.beat(ROOM, VIEWER + 1, "t", NOW + 60),
                Events.beat(ROOM, VIEWER, "s", NOW + 60)));
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 2, NOW + 40)));

        assertThat(harness.dumpAudience(account)).startsWith(String.join("\n",
                CoreHarness.dumpRound(ROOM, 1, VIEWER, 40, 40, 0, NOW, NOW + 39, UPDATE_TIME),
                CoreHarness.dumpRound(ROOM, 2, VIEWER, 20, 20, 0, NOW + 40, NOW + 59, UPDATE_TIME),
                CoreHarness.dumpRound(ROOM, 2, VIEWER + 1, 10, 10, 0, NOW + 50, NOW + 59, UPDATE_TIME)) + "\n");
    }

    /**
     * Every second each record credited, from a run whose records remember all they credit (the seconds credited
     * do not depend on room events, nor on how late they come; only their split and their round do).
     */
    private static Map<Key, List<CreditedSpans.Span>> credited(List<List<IngestEvent>> batches) {
        CoreHarness reference = new CoreHarness(new Crediting(60, 300, 1_000_000_000L));
        long account = ACCOUNTS.incrementAndGet();
        Map<Key, List<CreditedSpans.Span>> credited = new HashMap<>();
        for (List<IngestEvent> batch : batches) {
            Map<Key, Long> until = new HashMap<>();
            for (long room : RandomStreams.ROOMS) {
                for (long viewer : RandomStreams.VIEWERS) {
                    until.put(new Key(room, viewer), reference.viewing(account, room, viewer).creditedUntil);
                }
            }
            reference.ingest(account, batch);
            until.forEach((key, before) -> {
                ViewingRow row = reference.viewing(account, key.roomId(), key.viewerId());
                for (CreditedSpans.Span span : CreditedSpans.decode(row.creditedSpans)) {
                    if (span.to() > before) {
                        credited.computeIfAbsent(key, k -> new ArrayList<>())
                                .add(new CreditedSpans.Span(Math.max(span.from(), before), span.to(), span.mode()));
                    }
                }
            });
        }
        return credited;
    }

    /** The audience dump the credited seconds give on the rooms' final timelines. */
    private static String expected(Map<Key, List<CreditedSpans.Span>> credited, CoreHarness harness, long account) {
        Map<List<Long>, long[]> rows = new TreeMap<>(AudienceTest::compareLists); // room, round, viewer
        Map<List<Long>, Set<Long>> minutes = new TreeMap<>(AudienceTest::compareLists); // room, minute
        credited.forEach((key, spans) -> {
            Room room = harness.room(account, key.roomId());
            Timeline timeline = room.rounds().isEmpty() ? Timeline.EMPTY : Timeline.of(room.rounds());
            for (CreditedSpans.Span span : spans) {
                timeline.forEachOwner(span.from(), span.to(), (roundId, a, b) -> {
                    Timeline.Split split = timeline.split(a, b, span.mode());
                    long[] row = rows.computeIfAbsent(List.of(key.roomId(), roundId, key.viewerId()),
                            k -> new long[] {0, 0, 0, Long.MAX_VALUE, 0});
                    row[0] += b - a;
                    row[1] += split.live();
                    row[2] += split.playback();
                    row[3] = Math.min(row[3], a);
                    row[4] = Math.max(row[4], b - 1);
                });
                for (long t = Math.floorDiv(span.from(), 60) * 60; t < span.to(); t += 60) {
                    minutes.computeIfAbsent(List.of(key.roomId(), t), k -> new TreeSet<>()).add(key.viewerId());
                }
            }
        });
        StringBuilder out = new StringBuilder();
        rows.forEach((k, r) -> out.append(CoreHarness.dumpRound(k.get(0), k.get(1), k.get(2), r[0], r[1], r[2], r[3],
                r[4], UPDATE_TIME)).append('\n'));
        minutes.forEach((k, viewers) -> out.append("minute ").append(k.get(0)).append(' ').append(k.get(1)).append(' ')
                .append(viewers.size()).append('\n'));
        return out.toString();
    }

    /** The rows of all rounds add up to each record; round 0 only while the room has no round; no empty row. */
    private static void assertRoundsAddUpToTheRecords(CoreHarness harness, long account) {
        Map<Key, long[]> sums = new HashMap<>();
        for (Audience.RoundViewing r : harness.roundViewings(account)) {
            assertThat(r.stay()).as("no empty round row").isPositive();
            assertThat(r.roundId() == 0).as("round 0 only before the first round")
                    .isEqualTo(harness.room(account, r.roomId()).rounds().isEmpty());
            long[] sum = sums.computeIfAbsent(new Key(r.roomId(), r.viewerId()), k -> new long[3]);
            sum[0] += r.stay();
            sum[1] += r.live();
            sum[2] += r.playback();
        }
        for (long room : RandomStreams.ROOMS) {
            for (long viewer : RandomStreams.VIEWERS) {
                ViewingRow v = harness.viewing(account, room, viewer);
                assertThat(sums.getOrDefault(new Key(room, viewer), new long[3]))
                        .as("rounds of room %d viewer %d", room, viewer)
                        .containsExactly(v.stayDuration, v.liveDuration, v.playbackDuration);
            }
        }
    }

    private static int compareLists(List<Long> a, List<Long> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = Long.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
