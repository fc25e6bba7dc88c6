package io.watchtime.server.ingest.core;

import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sessions of one record, kept in the record's own row (column {@code open_sessions}): a viewer event then
 * reads and writes one row, not a record and a session, which halves what the database does per event. A
 * session silent for {@link #KEEP_SECONDS} before the record's newest one is forgotten, and at most
 * {@link #MAX_SESSIONS} of the newest are kept; crediting stays exact without them, since the record's
 * credited_until refuses any second credited before, so a forgotten session that speaks again starts afresh.
 * Stored as text, one {@code lastAt mode ended length:sessionId} after another, the id length-prefixed so that
 * it may hold any character: {@code "1760000000 f 0 5:abcde1760000300 l 1 2:s2"}.
 */
final class OpenSessions {

    static final int MAX_SESSIONS = 16;
    static final long KEEP_SECONDS = 86_400;
    /** The column's width; 16 sessions of the longest id allowed (128) stay well below it. */
    private static final int MAX_CHARS = 4000;

    private OpenSessions() {
    }

    static List<Session> decode(long roomId, long viewerId, String text) {
        List<Session> sessions = new ArrayList<>();
        if (text == null) {
            return sessions;
        }
        for (int at = 0; at < text.length(); ) {
            int space = text.indexOf(' ', at);
            long lastAt = Long.parseLong(text, at, space, 10);
            WatchMode mode = CreditedSpans.mode(text.charAt(space + 1)); // 'f': follows the room
            boolean ended = text.charAt(space + 3) == '1';
            int colon = text.indexOf(':', space + 5);
            int length = Integer.parseInt(text, space + 5, colon, 10);
            sessions.add(new Session(roomId, viewerId, text.substring(colon + 1, colon + 1 + length), lastAt, mode,
                    ended));
            at = colon + 1 + length;
        }
        return sessions;
    }

    /** The sessions worth keeping, newest first, as text that fits the column. */
    static String encode(List<Session> sessions) {
        List<Session> kept = new ArrayList<>(sessions);
        kept.removeIf(s -> s.lastAt() == 0);
        kept.sort(Comparator.comparingLong(Session::lastAt).reversed());
        long newest = kept.isEmpty() ? 0 : kept.get(0).lastAt();
        kept.removeIf(s -> s.lastAt() < newest - KEEP_SECONDS);
        StringBuilder text = new StringBuilder();
        for (Session s : kept.subList(0, Math.min(kept.size(), MAX_SESSIONS))) {
            int before = text.length();
            text.append(s.lastAt()).append(' ').append(CreditedSpans.code(s.mode()))
                    .append(' ').append(s.ended() ? '1' : '0').append(' ').append(s.sessionId().length()).append(':')
                    .append(s.sessionId());
            if (text.length() > MAX_CHARS) {
                text.setLength(before);
                break;
            }
        }
        return text.toString();
    }
}
