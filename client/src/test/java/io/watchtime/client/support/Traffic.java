package io.watchtime.client.support;

import io.watchtime.protocol.EnterProfile;
import io.watchtime.client.WatchtimeClient;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Viewers of one account coming and staying, sent through the real ingest endpoint: {@link #insert} makes new
 * records (a viewer enters a room), {@link #update} changes existing ones (heartbeats credit more seconds).
 * Event times start two days back and move one second per batch, so every batch changes what it touches.
 */
public final class Traffic {

    private final WatchtimeClient ingestClient;
    private final Random random;
    private final List<long[]> viewings = new ArrayList<>(); // {room, viewer}
    private long at = System.currentTimeMillis() / 1000 - 2 * 86_400;
    private long nextViewer = 1;

    public Traffic(WatchtimeClient ingestClient, long seed) {
        this.ingestClient = ingestClient;
        this.random = new Random(seed);
    }

    /** {@code count} new records, in one batch. */
    public void insert(int count) {
        at++;
        List<IngestEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long room = 1 + random.nextInt(7);
            long viewer = nextViewer++;
            viewings.add(new long[] {room, viewer});
            events.add(IngestEvent.enter(room, viewer, session(room, viewer), at, WatchMode.LIVE, EnterProfile.builder()
                    .ip("123.52.16.175").userAgent("Mozilla/5.0 (iPhone) MicroMessenger/8.0.50")
                    .wechatUserName("观众" + viewer).wechatUserPhoto("").thirdUuid("").build()));
        }
        ingestClient.ingest().send(events);
    }

    /** About {@code count} existing records get more seconds, in one batch. */
    public void update(int count) {
        at++;
        List<IngestEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count && !viewings.isEmpty(); i++) {
            long[] v = viewings.get(random.nextInt(viewings.size()));
            events.add(IngestEvent.heartbeat(v[0], v[1], session(v[0], v[1]), at, WatchMode.LIVE));
        }
        if (!events.isEmpty()) {
            ingestClient.ingest().send(events);
        }
    }

    /** One batch of each, small and random: what a live account does between two syncs. */
    public void step() {
        insert(1 + random.nextInt(5));
        update(1 + random.nextInt(20));
    }

    private static String session(long room, long viewer) {
        return "s-" + room + "-" + viewer;
    }
}
