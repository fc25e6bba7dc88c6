package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an ingested event says happened. Room events start and end rounds; viewer events drive sessions. */
public enum EventType {
    ROOM_START, ROOM_END, ENTER, HEARTBEAT, LEAVE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isViewerEvent() {
        return this == ENTER || this == HEARTBEAT || this == LEAVE;
    }

    /** The value a client wrote, in any case and with spaces around it, as {@code sort} is read. */
    static EventType fromWire(String text) {
        String word = text.trim().toLowerCase(Locale.ROOT);
        for (EventType type : values()) {
            if (type.wire().equals(word)) {
                return type;
            }
        }
        return null;
    }
}
