package io.watchtime.server.ingest.core;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.server.support.Events;
import static io.watchtime.protocol.EventType.ENTER;
import static io.watchtime.protocol.EventType.HEARTBEAT;
import static io.watchtime.protocol.EventType.LEAVE;
import static io.watchtime.server.ingest.core.CoreHarness.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.EventType;
import io.watchtime.protocol.IngestAck;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.storage.ViewingRow;
import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The crediting rules of DESIGN section 2, through the real writer and a real database. */
class CreditingTest {

    private static final long ROOM = 1248039790L;
    private static final long VIEWER = 8756L;
    private static final AtomicLong ACCOUNTS = new AtomicLong();
    private static CoreHarness harness;

    private final long account = ACCOUNTS.incrementAndGet();

    @BeforeAll
    static void start() {
        harness = new CoreHarness();
    }

    @Test
    void heartbeatsEvery30sFor10MinutesCredit600s() {
        List<IngestEvent> events = new ArrayList<>(List.of(IngestEvent.roomStart(ROOM, 1, NOW - 10)));
        events.add(event(ENTER, "s", NOW, null));
        for (long t = 30; t <= 600; t += 30) {
            events.add(event(HEARTBEAT, "s", NOW + t, null));
        }
        harness.ingest(account, events);

        ViewingRow v = viewing();
        assertThat(v.stayDuration).isEqualTo(600);
        assertThat(v.liveDuration).isEqualTo(600);
        assertThat(v.playbackDuration).isZero();
    }

    @Test
    void aGapLongerThanMaxGapCreditsMaxGap() {
        harness.ingest(account, List.of(event(ENTER, "s", NOW, null), event(HEARTBEAT, "s", NOW + 200, null)));

        assertThat(viewing().stayDuration).isEqualTo(60);
    }

    @Test
    void silenceBeyondTheSessionTimeoutEndsTheSessionAndLeaveEndsItAtOnce() {
        harness.ingest(account, List.of(event(ENTER, "s", NOW, null), event(HEARTBEAT, "s", NOW + 30, null),
                event(HEARTBEAT, "s", NOW + 30 + 301, null), // timed out: credits nothing, starts again
                event(HEARTBEAT, "s", NOW + 30 + 331, null),
                event(LEAVE, "s", NOW + 400, null),
                event(HEARTBEAT, "s", NOW + 420, null))); // after leave: a new start, nothing credited

        assertThat(viewing().stayDuration).isEqualTo(30 + 30 + 39);
    }

    @Test
    void theSplitFollowsTheRoom() {
        harness.ingest(account, List.of(
                event(ENTER, "s", NOW - 60, null),        // preview: stay only
                event(HEARTBEAT, "s", NOW - 30, null),
                IngestEvent.roomStart(ROOM, 7, NOW),
                event(HEARTBEAT, "s", NOW, null),
                event(HEARTBEAT, "s", NOW + 30, null),    // live 30
                event(HEARTBEAT, "s", NOW + 60, null),    // live 30; the round ends at +50 below
                IngestEvent.roomEnd(ROOM, NOW + 50),
                event(HEARTBEAT, "s", NOW + 90, null)));  // after the end: the replay

        ViewingRow v = viewing();
        assertThat(v.stayDuration).isEqualTo(150);
        assertThat(v.liveDuration).isEqualTo(50);
        assertThat(v.playbackDuration).isEqualTo(10 + 30);
    }

    @Test
    void aDeclaredModeNarrowsWhatTheRoomsTimelineGives() {
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 1, NOW - 1000), IngestEvent.roomEnd(ROOM, NOW - 900),
                event(ENTER, "replay", NOW, WatchMode.PLAYBACK), event(HEARTBEAT, "replay", NOW + 30, null),
                event(ENTER, "live", NOW + 40, WatchMode.LIVE), event(HEARTBEAT, "live", NOW + 70, null),
                event(ENTER, "page", NOW + 100, WatchMode.PREVIEW), event(HEARTBEAT, "page", NOW + 130, null)));

        ViewingRow v = viewing();
        assertThat(v.stayDuration).isEqualTo(90);
        assertThat(v.playbackDuration).as("the replay exists after the first round").isEqualTo(30);
        assertThat(v.liveDuration).as("declared live while the room is not live").isZero();
    }

    @Test
    void declaredPlaybackCountsOnlyWhileAReplayExistsAndNoRoundIsLive() {
        harness.ingest(account, List.of(event(ENTER, "s", NOW, WatchMode.PLAYBACK), event(HEARTBEAT, "s", NOW + 30, null),
                IngestEvent.roomStart(ROOM, 1, NOW + 100), IngestEvent.roomEnd(ROOM, NOW + 200),
                IngestEvent.roomStart(ROOM, 2, NOW + 3000),
                event(HEARTBEAT, "s2", NOW + 2992, WatchMode.PLAYBACK), event(HEARTBEAT, "s2", NOW + 3022, WatchMode.LIVE),
                event(HEARTBEAT, "s2", NOW + 3052, null)));

        ViewingRow v = viewing();
        assertThat(v.stayDuration).isEqualTo(30 + 30 + 30);
        assertThat(v.playbackDuration).as("nothing before the first round ended; 8 s before round 2").isEqualTo(8);
        assertThat(v.liveDuration).as("live from the switch the player reported").isEqualTo(30);
    }

    @Test
    void aSessionWithoutModeSpanningARoundStartIsReplayBeforeItAndLiveAfter() {
        List<IngestEvent> events = new ArrayList<>(List.of(IngestEvent.roomStart(ROOM, 1, NOW - 1000),
                IngestEvent.roomEnd(ROOM, NOW - 900), IngestEvent.roomStart(ROOM, 2, NOW + 5)));
        for (long t = 0; t <= 600; t += 30) {
            events.add(event(t == 0 ? ENTER : HEARTBEAT, "s", NOW - 295 + t, null));
        }
        harness.ingest(account, events);

        ViewingRow v = viewing();
        assertThat(v.stayDuration).isEqualTo(600);
        assertThat(v.playbackDuration).isEqualTo(300);
        assertThat(v.liveDuration).isEqualTo(300);
    }

    @Test
    void replaySentAfterTheNextRoundStartedIsStillReplay() {
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 1, NOW - 1000), IngestEvent.roomEnd(ROOM, NOW - 900)));
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 2, NOW + 3600)));
        List<IngestEvent> replay = new ArrayList<>();
        for (long t = 0; t <= 600; t += 30) {
            replay.add(event(t == 0 ? ENTER : HEARTBEAT, "s", NOW + t, null));
        }
        harness.ingest(account, replay);

        assertThat(viewing().playbackDuration).isEqualTo(600);
        assertThat(viewing().liveDuration).isZero();
    }

    @Test
    void aLateRoomEndTurnsTheLiveSecondsAfterItIntoReplayAndNeverStretchesTheRound() {
        List<IngestEvent> beats = new ArrayList<>(List.of(IngestEvent.roomStart(ROOM, 1, NOW - 10)));
        for (long t = 0; t <= 600; t += 30) {
            beats.add(event(t == 0 ? ENTER : HEARTBEAT, "s", NOW + t, null));
        }
        harness.ingest(account, beats);
        assertThat(viewing().liveDuration).as("while the end is unknown, the round is live").isEqualTo(600);

        harness.ingest(account, List.of(IngestEvent.roomEnd(ROOM, NOW)));

        Room room = harness.room(account, ROOM);
        assertThat(room.rounds().get(0).endedAt()).isEqualTo(NOW);
        assertThat(viewing().stayDuration).isEqualTo(600);
        assertThat(viewing().liveDuration).isZero();
        assertThat(viewing().playbackDuration).isEqualTo(600);
    }

    @Test
    void aRoomEndOfARoundClosedByTheNextStartStillShortensIt() {
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 1, NOW), IngestEvent.roomStart(ROOM, 2, NOW + 300),
                event(ENTER, "s", NOW + 100, null), event(HEARTBEAT, "s", NOW + 130, null)));
        assertThat(viewing().liveDuration).isEqualTo(30);

        harness.ingest(account, List.of(IngestEvent.roomEnd(ROOM, 1, NOW + 110)));

        assertThat(harness.room(account, ROOM).rounds().get(0).endedAt()).isEqualTo(NOW + 110);
        assertThat(viewing().liveDuration).isEqualTo(10);
        assertThat(viewing().playbackDuration).isEqualTo(20);
    }

    @Test
    void twoSessionsOfOneViewerNeverCountASecondTwice() {
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 1, NOW - 100),
                event(ENTER, "phone", NOW, null), event(ENTER, "pc", NOW + 10, null),
                event(HEARTBEAT, "phone", NOW + 30, null), event(HEARTBEAT, "pc", NOW + 40, null),
                event(HEARTBEAT, "phone", NOW + 60, null), event(HEARTBEAT, "pc", NOW + 70, null)));

        assertThat(viewing().stayDuration).isEqualTo(70);
        assertThat(viewing().liveDuration).isEqualTo(70);
    }

    @Test
    void resendingAndDuplicatingChangeNothingAndAreReportedAsIgnored() {
        List<IngestEvent> batch = List.of(event(ENTER, "s", NOW, null), event(HEARTBEAT, "s", NOW + 30, null),
                event(HEARTBEAT, "s", NOW + 30, null));
        assertThat(harness.ingest(account, batch)).isEqualTo(new IngestAck(3, 2, 1));
        String before = harness.dump(account);

        assertThat(harness.ingest(account, batch)).isEqualTo(new IngestAck(3, 0, 3));
        assertThat(harness.dump(account)).isEqualTo(before);
    }

    @Test
    void channelAndInviterAreFirstTouchTheProfileIsLatest() {
        harness.ingest(account, List.of(enter("s1", NOW, "first", 3128527, 11), enter("s2", NOW + 60, "second", 3128583, 22)));

        ViewingRow v = viewing();
        assertThat(v.viewerName).isEqualTo("second");
        assertThat(v.channelId).isEqualTo(3128527);
        assertThat(v.inviterId).isEqualTo(11);
        assertThat(v.firstVisit).isEqualTo(NOW);
        assertThat(v.lastVisit).isEqualTo(NOW + 60);
    }

    @Test
    void aLateRoomEndKeepsLiveTimeWithinTheRound() {
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 1, NOW), event(ENTER, "s", NOW, null),
                event(HEARTBEAT, "s", NOW + 30, null), event(HEARTBEAT, "s", NOW + 60, null)));
        harness.ingest(account, List.of(IngestEvent.roomEnd(ROOM, NOW + 20)));

        Room room = harness.room(account, ROOM);
        assertThat(room.rounds().get(0).endedAt() - room.rounds().get(0).startedAt()).isEqualTo(20);
        assertThat(viewing().liveDuration).isEqualTo(20);
        assertThat(viewing().playbackDuration).isEqualTo(40);
    }

    @Test
    void aLateRoomStartCannotMakeRoundsOverlap() {
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 1, NOW), event(ENTER, "s", NOW, null),
                event(HEARTBEAT, "s", NOW + 60, null), event(HEARTBEAT, "s", NOW + 120, null)));
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 2, NOW + 100), event(HEARTBEAT, "s", NOW + 150, null)));

        Room room = harness.room(account, ROOM);
        assertThat(room.rounds().get(1).startedAt()).isGreaterThanOrEqualTo(room.rounds().get(0).endedAt());
        assertThat(viewing().liveDuration).isEqualTo(150).isLessThanOrEqualTo(viewing().stayDuration);
    }

    @Test
    void aLateEnterOfAnotherSessionCreditsButKeepsTheNewerProfile() {
        harness.ingest(account, List.of(enter("new", NOW + 600, "newer name", 0, 0)));
        harness.ingest(account, List.of(enter("old", NOW, "older name", 0, 0), event(HEARTBEAT, "old", NOW + 30, null)));

        assertThat(viewing().viewerName).isEqualTo("newer name");
        assertThat(viewing().stayDuration).isEqualTo(30);
        assertThat(viewing().firstVisit).isEqualTo(NOW);
        assertThat(viewing().lastVisit).isEqualTo(NOW + 600);
    }

    @Test
    void anEnterRetriedAfterALaterBatchStillGivesTheProfileAndTheFirstVisit() {
        harness.ingest(account, List.of(event(HEARTBEAT, "s", NOW + 160, null)));
        harness.ingest(account, List.of(enter("s", NOW + 100, "late", 3128527, 11), event(HEARTBEAT, "s", NOW + 130, null)));

        ViewingRow v = viewing();
        assertThat(v.viewerName).isEqualTo("late");
        assertThat(v.channelId).isEqualTo(3128527);
        assertThat(v.inviterId).isEqualTo(11);
        assertThat(v.firstVisit).isEqualTo(NOW + 100);
    }

    @Test
    void aRoomEndResentAfterTheNextRoundStartedInTheSameSecondChangesNothing() {
        List<IngestEvent> end = List.of(IngestEvent.roomEnd(ROOM, NOW + 200));
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 1, NOW)));
        harness.ingest(account, end);
        harness.ingest(account, List.of(IngestEvent.roomStart(ROOM, 2, NOW + 200)));
        harness.ingest(account, end);

        Room room = harness.room(account, ROOM);
        assertThat(room.status()).isEqualTo(Room.Status.LIVE);
        assertThat(room.rounds()).hasSize(2);
        assertThat(room.rounds().get(1).endedAt()).isZero();
    }

    private ViewingRow viewing() {
        return harness.viewing(account, ROOM, VIEWER);
    }

    private static IngestEvent event(EventType type, String session, long at, WatchMode mode) {
        return Events.viewer(type, ROOM, VIEWER, session, at, mode);
    }

    private static IngestEvent enter(String session, long at, String name, long channel, long inviter) {
        return IngestEvent.enter(ROOM, VIEWER, session, at, null, EnterProfile.builder().wechatUserName(name)
                .channelInfo(ChannelInfo.of(channel, "store " + channel, "")).inviter(inviter, "inviter " + inviter)
                .build());
    }
}
