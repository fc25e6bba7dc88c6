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

    static WatchMode fromWire(String text) {
        for (WatchMode mode : values()) {
            if (mode.wire().equals(text)) {
                return mode;
            }
        }
        return null;
    }
}
