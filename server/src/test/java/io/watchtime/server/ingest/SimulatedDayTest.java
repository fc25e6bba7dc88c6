package io.watchtime.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.ingest.core.CoreHarness;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.HttpTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A day of six rooms with a known physical truth (when each round was live, when each viewer was there), sent
 * through the real ingest endpoint clean, with lost heartbeats, re-sent and shuffled, and with every room event
 * arriving minutes late; every way, each record comes back as the documented rule says, counted here second by
 * second and independently of the server's code.
 */
class SimulatedDayTest extends HttpTest {

    private static final long DAY = CoreHarness.NOW - 2 * 86_400;
    private static final int ROOMS = 6;
    private static final int VIEWERS_PER_ROOM = 40;

    private record Round(long room, long id, long start, long end) {
    }

    private record Visit(long room, long viewer, String session, long from, long to) {
    }

    private record Durations(long stay, long live, long playback) {
    }

    private final Random random = new Random(20261203);
    private final List<Round> rounds = new ArrayList<>();
    private final List<Visit> visits = new ArrayList<>();

    SimulatedDayTest() {
        for (int r = 0; r < ROOMS; r++) {
            long room = 900_100 + r;
            for (int k = 0; k < 3; k++) {
                long start = DAY + r * 700 + k * 8 * 3600 + random.nextInt(3600);
                rounds.add(new Round(room, k + 1, start, start + 1800 + random.nextInt(5400)));
            }
            for (int v = 0; v < VIEWERS_PER_ROOM; v++) {
                long viewer = 70_000 + v * 7 + r;
                long from = DAY + random.nextInt(6 * 3600);
                for (int n = 0; n < 1 + random.nextInt(3) && from < DAY + 86_000; n++) {
                    long to = from + 120 + random.nextInt(2400);
                    visits.add(new Visit(room, viewer, "v" + visits.size(), from, to));
                    from = to + 60 + random.nextInt(8 * 3600);
                }
            }
        }
    }

    @Test
    void everyRecordIsWhatTheRuleSaysHoweverTheEventsArrive() {
        Map<String, Durations> truth = truth();
        List<IngestEvent> roomEvents = new ArrayList<>();
        rounds.forEach(r -> roomEvents.addAll(List.of(IngestEvent.roomStart(r.room(), r.id(), r.start()),
                IngestEvent.roomEnd(r.room(), r.id(), r.end()))));

        TestAccount clean = newAccount();
        send(clean, inTimeOrder(roomEvents, viewerEvents(false)));
        assertThat(records(clean)).isEqualTo(truth);

        TestAccount lossy = newAccount();
        send(lossy, inTimeOrder(roomEvents, viewerEvents(true)));
        assertThat(records(lossy)).as("lost heartbeats, never two in a row").isEqualTo(truth);

        TestAccount resent = newAccount();
        List<List<IngestEvent>> batches = inTimeOrder(roomEvents, viewerEvents(false));
        for (int i = 0; i < batches.size(); i++) {
            send(resent, List.of(batches.get(i)));
            if (i > 0 && random.nextInt(3) == 0) { // the previous batch again, shuffled, some events twice
                List<IngestEvent> again = new ArrayList<>(batches.get(i - 1));
                again.addAll(again.subList(0, random.nextInt(again.size())));
                Collections.shuffle(again, random);
                send(resent, List.of(again));
            }
        }
        assertThat(records(resent)).as("re-sent, duplicated and shuffled").isEqualTo(truth);

        TestAccount lateRooms = newAccount();
        List<IngestEvent> delayed = new ArrayList<>(viewerEvents(false));
        delayed.addAll(roomEvents);
        Map<IngestEvent, Long> arrival = new HashMap<>();
        delayed.forEach(e -> arrival.put(e, e.type().isViewerEvent() ? e.at() : e.at() + 240 + random.nextInt(421)));
        delayed.sort(Comparator.comparingLong(arrival::get));
        send(lateRooms, cut(delayed));
        assertThat(records(lateRooms)).as("room events 4-11 minutes late").isEqualTo(truth);
    }

    /** The documented rule, second by second: live in a round, replay after the room's first round outside one. */
    private Map<String, Durations> truth() {
        Map<String, Durations> truth = new HashMap<>();
        for (Visit visit : visits) {
            List<Round> ofRoom = rounds.stream().filter(r -> r.room() == visit.room()).toList();
            long firstEnd = ofRoom.get(0).end();
            long live = 0;
            long playback = 0;
            for (long t = visit.from(); t < visit.to(); t++) {
                long second = t;
                if (ofRoom.stream().anyMatch(r -> r.start() <= second && second < r.end())) {
                    live++;
                } else if (second >= firstEnd) {
                    playback++;
                }
            }
            Durations d = new Durations(visit.to() - visit.from(), live, playback);
            truth.merge(visit.room() + "/" + visit.viewer(), d,
                    (a, b) -> new Durations(a.stay() + b.stay(), a.live() + b.live(), a.playback() + b.playback()));
        }
        return truth;
    }

    /** Each visit as a player sends it: enter, a beat every 30 s, leave; lossy drops some beats, never two in a row. */
    private List<IngestEvent> viewerEvents(boolean lossy) {
        List<IngestEvent> events = new ArrayList<>();
        for (Visit v : visits) {
            events.add(IngestEvent.enter(v.room(), v.viewer(), v.session(), v.from(), null,
                    EnterProfile.builder().ip("123.52.16.175").build()));
            boolean lostLast = false;
            for (long t = v.from() + 30; t < v.to(); t += 30) {
                lostLast = lossy && !lostLast && random.nextInt(4) == 0;
                if (!lostLast) {
                    events.add(Events.beat(v.room(), v.viewer(), v.session(), t));
                }
            }
            events.add(IngestEvent.leave(v.room(), v.viewer(), v.session(), v.to(), null));
        }
        return events;
    }

    private static List<List<IngestEvent>> inTimeOrder(List<IngestEvent> roomEvents, List<IngestEvent> viewerEvents) {
        List<IngestEvent> all = new ArrayList<>(roomEvents);
        all.addAll(viewerEvents);
        all.sort(Comparator.comparingLong(IngestEvent::at));
        return cut(all);
    }

    /** Batches of a few hundred consecutive events, as a back end sends what arrived in the last moments. */
    private static List<List<IngestEvent>> cut(List<IngestEvent> events) {
        List<List<IngestEvent>> batches = new ArrayList<>();
        for (int from = 0; from < events.size(); from += 400) {
            batches.add(events.subList(from, Math.min(events.size(), from + 400)));
        }
        return batches;
    }

    private void send(TestAccount account, List<List<IngestEvent>> batches) {
        batches.forEach(batch -> ingest(account.ingestKey(), Events.body(batch)));
    }

    private Map<String, Durations> records(TestAccount account) {
        Map<String, Durations> records = new HashMap<>();
        for (int page = 1; ; page++) {
            JsonNode data = list(account.readKey(), "{\"page\":" + page + ",\"page_size\":500,\"sort\":\"asc\"}")
                    .json().get("data");
            for (JsonNode r : data.get("list")) {
                records.put(r.get("room_id").asLong() + "/" + r.get("wechat_user_space_id").asLong(),
                        new Durations(r.get("stay_duration").asLong(), r.get("live_duration").asLong(),
                                r.get("playback_duration").asLong()));
            }
            if (data.get("list").size() < 500) {
                return records;
            }
        }
    }
}
