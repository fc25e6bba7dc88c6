package io.watchtime.server.cluster;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An hour of live rooms, two hours ago, cut into one batch of room events and one batch per sender for each minute.
 * Every viewer comes back to a room up to three times, each visit a session of its own sent by another sender than
 * the visit before, so that a viewer's sessions go through different nodes. Visits of one viewer never share a
 * minute, and each minute's room events go first: one sender sending everything in order sees the same events in
 * the same order of time, which is what a one-node replay is compared with.
 */
final class SimulatedHour {

    static final int SENDERS = 4;
    static final int MINUTES = 60;
    private static final int ROOMS = 8;
    private static final int VIEWERS_PER_ROOM = 300;
    private static final String[] AGENTS = {
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) MicroMessenger/8.0.50",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) MicroMessenger/8.0.49",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) WindowsWechat"};
    private static final String[] IPS = {"123.52.16.175", "58.246.0.1", "113.108.0.1", "61.135.169.121"};

    private final long start = (System.currentTimeMillis() / 1000 - 2 * 3600) / 60 * 60;
    private final List<List<IngestEvent>> roomEvents = new ArrayList<>();
    private final List<List<List<IngestEvent>>> viewerEvents = new ArrayList<>(); // [sender][minute]
    private int events;

    SimulatedHour(long seed) {
        Random random = new Random(seed);
        for (int m = 0; m < MINUTES; m++) {
            roomEvents.add(new ArrayList<>());
        }
        for (int s = 0; s < SENDERS; s++) {
            List<List<IngestEvent>> minutes = new ArrayList<>();
            for (int m = 0; m < MINUTES; m++) {
                minutes.add(new ArrayList<>());
            }
            viewerEvents.add(minutes);
        }
        for (int r = 0; r < ROOMS; r++) {
            long room = 880_000 + r;
            long firstStart = start + 120 + random.nextInt(600);
            long firstEnd = firstStart + 900 + random.nextInt(900);
            add(roomEvents, IngestEvent.roomStart(room, 1, firstStart));
            add(roomEvents, IngestEvent.roomEnd(room, 1, firstEnd));
            if (r % 2 == 0) { // a second round, left open: live until the end of the hour
                add(roomEvents, IngestEvent.roomStart(room, 2, firstEnd + 300 + random.nextInt(600)));
            }
            for (int v = 0; v < VIEWERS_PER_ROOM; v++) {
                visits(random, room, 60_000 + v * 3L + r % 3, v);
            }
        }
    }

    private void visits(Random random, long room, long viewer, int v) {
        long from = start + random.nextInt(40 * 60);
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            long to = from + 60 + random.nextInt(900);
            if (to >= start + MINUTES * 60) {
                return;
            }
            List<List<IngestEvent>> sender = viewerEvents.get((v + k) % SENDERS);
            String session = "s" + room + "-" + viewer + "-" + k;
            WatchMode mode = random.nextInt(10) == 0 ? WatchMode.LIVE : null;
            add(sender, IngestEvent.enter(room, viewer, session, from, mode, EnterProfile.builder()
                    .ip(IPS[random.nextInt(IPS.length)]).userAgent(AGENTS[random.nextInt(AGENTS.length)])
                    .wechatUserName("viewer " + viewer + " visit " + k)
                    .channelInfo(new ChannelInfo(3_000_000L + random.nextInt(5), "channel", "store-" + k))
                    .inviter(k == 0 ? 0 : viewer + 1, k == 0 ? null : "inviter " + k).build()));
            for (long t = from + 30; t < to; t += 30) {
                add(sender, IngestEvent.heartbeat(room, viewer, session, t, mode));
            }
            if (random.nextInt(4) > 0) { // else the session just falls silent
                add(sender, IngestEvent.leave(room, viewer, session, to, mode));
            }
            from = to + 90 + random.nextInt(600); // never the same minute as the visit before
        }
    }

    private void add(List<List<IngestEvent>> minutes, IngestEvent event) {
        minutes.get((int) ((event.at() - start) / 60)).add(event);
        events++;
    }

    /** The room events of a minute (room starts and ends), sent before its viewer events. */
    List<IngestEvent> roomEvents(int minute) {
        return roomEvents.get(minute);
    }

    /** What sender {@code s} sends for a minute. */
    List<IngestEvent> viewerEvents(int sender, int minute) {
        return viewerEvents.get(sender).get(minute);
    }

    int events() {
        return events;
    }
}
