package io.watchtime.server.ingest.core;

import io.watchtime.protocol.WatchMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The recent seconds a record credited, as intervals with the mode they were watched in, so that a late room event
 * can split them again. Kept only for the lateness window before the record's newest credited second (older room
 * events would be too late to correct anything) plus the newest one before that, and at most {@link #MAX_SPANS} (the column holds 2000 characters), so a record stays small.
 * Stored as text, one {@code from+length mode} per interval: {@code "1760000000+600f 1760000900+30p"}.
 */
final class CreditedSpans {

    /** Bounds a record whose sessions switch mode every few seconds; a normal viewer has one or two spans. */
    static final int MAX_SPANS = 64;

    record Span(long from, long to, WatchMode mode) {
    }

    private CreditedSpans() {
    }

    static List<Span> decode(String text) {
        List<Span> spans = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return spans;
        }
        for (int start = 0; start < text.length(); ) {
            int plus = text.indexOf('+', start);
            int end = text.indexOf(' ', plus);
            end = end < 0 ? text.length() : end;
            long from = Long.parseLong(text, start, plus, 10);
            long length = Long.parseLong(text, plus + 1, end - 1, 10);
            spans.add(new Span(from, from + length, mode(text.charAt(end - 1))));
            start = end + 1;
        }
        return spans;
    }

    static String encode(List<Span> spans) {
        StringBuilder text = new StringBuilder(spans.size() * 18);
        for (Span span : spans) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(span.from()).append('+').append(span.to() - span.from()).append(code(span.mode()));
        }
        return text.toString();
    }

    /** Adds {@code [from, to)} (after every span so far), joined to the last span when it continues it. */
    static void append(List<Span> spans, long from, long to, WatchMode mode, long keepAfter) {
        Span last = spans.isEmpty() ? null : spans.get(spans.size() - 1);
        if (last != null && last.to() == from && last.mode() == mode) {
            spans.set(spans.size() - 1, new Span(last.from(), to, mode));
        } else {
            spans.add(new Span(from, to, mode));
        }
        // The newest span before the window stays: it holds the last second credited before a late start in
        // the window, which is the last visit left to the round that start takes the newer seconds from.
        int before = 0;
        while (before < spans.size() && spans.get(before).to() <= keepAfter) {
            before++;
        }
        spans.subList(0, Math.max(0, before - 1)).clear();
        while (spans.size() > MAX_SPANS) {
            spans.remove(0);
        }
    }

    private static char code(WatchMode mode) {
        return mode == null ? 'f' : switch (mode) {
            case LIVE -> 'l';
            case PLAYBACK -> 'p';
            case PREVIEW -> 'v';
        };
    }

    private static WatchMode mode(char code) {
        return switch (code) {
            case 'l' -> WatchMode.LIVE;
            case 'p' -> WatchMode.PLAYBACK;
            case 'v' -> WatchMode.PREVIEW;
            default -> null; // 'f': the session follows the room
        };
    }
}
