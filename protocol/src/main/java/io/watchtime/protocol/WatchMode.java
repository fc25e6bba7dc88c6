package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a viewer session is watching: the live stream, the replay, or the room's page before it starts. */
public enum WatchMode {
    LIVE, PLAYBACK, PREVIEW;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value a client wrote, in any case and with spaces around it, as {@code sort} is read. */
    static WatchMode fromWire(String text) {
        String word = text.trim().toLowerCase(Locale.ROOT);
        for (WatchMode mode : values()) {
            if (mode.wire().equals(word)) {
                return mode;
            }
        }
        return null;
    }
}
