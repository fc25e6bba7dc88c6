package io.watchtime.server.ingest.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class OpenSessionsTest {

    @Test
    void anyIdModeAndEndSurviveTheRoundTrip() {
        List<Session> sessions = List.of(
                new Session(1, 2, "a b:c 12:x", 1_760_000_300, WatchMode.LIVE, true),
                new Session(1, 2, "会话", 1_760_000_200, null, false),
                new Session(1, 2, "7", 1_760_000_100, WatchMode.PLAYBACK, false));

        List<Session> back = OpenSessions.decode(1, 2, OpenSessions.encode(sessions));

        assertThat(back).extracting(Session::sessionId, Session::lastAt, Session::mode, Session::ended).containsExactly(
                Tuple.tuple("a b:c 12:x", 1_760_000_300L, WatchMode.LIVE, true),
                Tuple.tuple("会话", 1_760_000_200L, null, false),
                Tuple.tuple("7", 1_760_000_100L, WatchMode.PLAYBACK, false));
        assertThat(OpenSessions.decode(1, 2, "")).isEmpty();
    }

    @Test
    void keepsTheNewestSessionsOfTheLastDayAndFitsTheColumn() {
        List<Session> sessions = new ArrayList<>();
        sessions.add(new Session(1, 2, "old", 1_760_000_000 - OpenSessions.KEEP_SECONDS - 1, null, false));
        for (int i = 0; i < 40; i++) {
            sessions.add(new Session(1, 2, "s".repeat(120) + i, 1_760_000_000L + i, null, false));
        }

        String text = OpenSessions.encode(sessions);
        List<Session> kept = OpenSessions.decode(1, 2, text);

        assertThat(kept).hasSize(OpenSessions.MAX_SESSIONS);
        assertThat(kept.get(0).lastAt()).isEqualTo(1_760_000_039L);
        assertThat(kept).noneMatch(s -> s.sessionId().equals("old"));
        assertThat(text.length()).isLessThanOrEqualTo(4000);
    }
}
