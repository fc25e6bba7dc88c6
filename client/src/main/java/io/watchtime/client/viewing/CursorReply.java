package io.watchtime.client.viewing;

import io.watchtime.protocol.ViewingRecord;
import java.util.List;

/**
 * A page asked for with Watchtime's cursor extension. {@code cursorSupported} is false when the answer had no
 * {@code next_cursor} key: the server does not speak the extension (or has it off) and answered the plain
 * contract. Otherwise {@code nextCursor} continues the walk, or is null at its end.
 */
public record CursorReply(long total, List<ViewingRecord> list, boolean cursorSupported, String nextCursor) {
}
