package io.watchtime.server.ingest.core;

import static io.watchtime.server.ingest.core.CoreHarness.NOW;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.EventType;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.protocol.WatchMode;
import io.watchtime.server.support.Events;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random event streams of a few rooms and viewers, cut into batches: the raw material of the property tests. */
public final class RandomStreams {

    public static final long[] ROOMS = {11, 12};
    public static final long[] VIEWERS = {101, 102, 103};
    private static final WatchMode[] MODES = {null, null, WatchMode.LIVE, WatchMode.PLAYBACK, WatchMode.PREVIEW};

    private static final String[] NAMES = {"CLANNAD", "梦回君乡", ":)"};
    private static final String[] IPS = {"123.52.16.175", "220.184.19.51", "10.0.0.1", "2001:db8::1"};
    private static final String[] AGENTS = {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X)",
        "Mozilla/5.0 (Linux; Android 14)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"};

    private RandomStreams() {
    }

    /** Some of what an enter may tell; each field present or absent by chance. */
    private static EnterProfile profile(Random random) {
        EnterProfile.Builder profile = EnterProfile.builder();
        if (random.nextBoolean()) {
            profile.wechatUserName(NAMES[random.nextInt(NAMES.length)]).wechatUserPhoto("https://p.example/" + random.nextInt(3));
        }
        if (random.nextBoolean()) {
            profile.ip(IPS[random.nextInt(IPS.length)]).userAgent(AGENTS[random.nextInt(AGENTS.length)]);
        }
        if (random.nextInt(3) == 0) {
            profile.thirdUuid("crm-" + random.nextInt(3))
                    .thirdWechatInfo(ThirdWechatInfo.of("wx1", random.nextBoolean() ? "o" + random.nextInt(3) : "", ""));
        }
        if (random.nextInt(3) == 0) {
            profile.channelInfo(ChannelInfo.of(random.nextInt(3), "门店" + random.nextInt(3), ""))
                    .inviter(random.nextInt(3), "邀请人");
        }
        return profile.build();
    }

    /** One account's stream: rooms going live and ending, sessions of a few viewers, random gaps and modes. */
    public static List<List<IngestEvent>> batches(long seed) {
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
                WatchMode mode = MODES[random.nextInt(MODES.length)];
                events.add(type == EventType.ENTER && random.nextBoolean()
                        ? IngestEvent.enter(room, viewer, session, at, mode, profile(random))
                        : Events.viewer(type, room, viewer, session, at, mode));
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

    /**
     * The same stream as the room events' late arrival delivers it: room events come from the streaming back end
     * and viewer events from the players, so each room event reaches Watchtime up to an hour (the harness's
     * lateness) after the viewer events of its time, in its own order; viewer batches keep theirs.
     */
    public static List<List<IngestEvent>> lateRoomEvents(List<List<IngestEvent>> batches, Random random) {
        List<List<IngestEvent>> viewerBatches = batches.stream()
                .map(batch -> batch.stream().filter(e -> e.type().isViewerEvent()).toList())
                .filter(batch -> !batch.isEmpty()).toList();
        List<IngestEvent> roomEvents = batches.stream().flatMap(List::stream)
                .filter(e -> !e.type().isViewerEvent()).toList();
        List<List<IngestEvent>> arrivals = new ArrayList<>();
        int next = 0;
        for (IngestEvent roomEvent : roomEvents) {
            long arrives = roomEvent.at() + random.nextInt(3601);
            while (next < viewerBatches.size() && viewerBatches.get(next).stream().allMatch(e -> e.at() <= arrives)) {
                arrivals.add(viewerBatches.get(next++));
            }
            arrivals.add(List.of(roomEvent));
        }
        arrivals.addAll(viewerBatches.subList(next, viewerBatches.size()));
        return arrivals;
    }
}
