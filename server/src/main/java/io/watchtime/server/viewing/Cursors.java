package io.watchtime.server.viewing;

import io.watchtime.protocol.InvalidRequestException;
import io.watchtime.protocol.Sort;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code cursor} extension's tokens: a position plus the filter and order it belongs to, so that a cursor
 * cannot silently continue a different walk. Not secret; the account always comes from the key.
 */
final class Cursors {

    private static final String VERSION = "1";
    private static final String START_AGAIN = "; pass next_cursor back unchanged, or \"\" to start a new walk";

    private Cursors() {
    }

    static String encode(Filter filter, Sort sort, Position after) {
        String text = String.join(".", VERSION, sort.name(), Long.toString(filter.viewerId()),
                Long.toString(filter.updateTimeStart()), Long.toString(filter.updateTimeEnd()),
                Long.toString(after.updateTime()), Long.toString(after.roomId()), Long.toString(after.viewerId()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position to continue after, or null for {@code ""}, which starts at the beginning. */
    static Position decode(String cursor, Filter filter, Sort sort) {
        if (cursor.isEmpty()) {
            return null;
        }
        String[] parts = parts(cursor);
        if (!parts[1].equals(sort.name()) || !parts[2].equals(Long.toString(filter.viewerId()))
                || !parts[3].equals(Long.toString(filter.updateTimeStart()))
                || !parts[4].equals(Long.toString(filter.updateTimeEnd()))) {
            throw new InvalidRequestException("cursor belongs to a walk with another sort, update_time_start, "
                    + "update_time_end or wechat_user_space_id" + START_AGAIN);
        }
        try {
            return new Position(Long.parseLong(parts[5]), Long.parseLong(parts[6]), Long.parseLong(parts[7]));
        } catch (NumberFormatException e) {
            throw notIssued();
        }
    }

    private static String[] parts(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.", -1);
            if (parts.length == 8 && parts[0].equals(VERSION)) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // not base64: reported below like any other token this server did not issue
        }
        throw notIssued();
    }

    private static InvalidRequestException notIssued() {
        return new InvalidRequestException("cursor is not one this server issued" + START_AGAIN);
    }
}
