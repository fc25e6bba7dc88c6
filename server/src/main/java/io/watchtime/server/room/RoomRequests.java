package io.watchtime.server.room;

import static io.watchtime.protocol.JsonFields.integer;
import static io.watchtime.protocol.JsonFields.optional;
import static io.watchtime.protocol.JsonFields.required;
import static io.watchtime.protocol.JsonFields.unixSeconds;

import io.watchtime.protocol.DurationListRequest;
import io.watchtime.protocol.InvalidRequestException;
import io.watchtime.protocol.JsonFields;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * The requests of the room statistics, read with the seed's rules (integers as numbers or strings of digits, a
 * message naming the field for every bad value, unknown fields ignored); zero or absent optional fields take
 * their defaults.
 */
final class RoomRequests {

    static final List<String> STATUSES = List.of("live", "ended", "preview");
    static final int MAX_ROOMS_PAGE = 100;
    static final int MAX_RANKING = 100;
    static final int DEFAULT_RANKING = 10;
    static final int MAX_DAYS = 90;
    static final int DEFAULT_DAYS = 30;
    /** The longest online series one answer holds: seven days of minutes. */
    static final long MAX_SERIES_SECONDS = 7 * 86_400L;

    private RoomRequests() {
    }

    /** deviceStatList, getRoomSummary: {@code room_id} alone. */
    static long roomId(JsonNode body) {
        return integer("room_id", required(object(body), "room_id"), 1, Long.MAX_VALUE);
    }

    /** getRoomList; {@code status} null for every room. */
    record RoomPage(long page, int pageSize, String status) {
        static RoomPage fromJson(JsonNode body) {
            object(body);
            long page = integer("page", required(body, "page"), 1, DurationListRequest.MAX_PAGE);
            int pageSize = (int) integer("page_size", required(body, "page_size"), 1, MAX_ROOMS_PAGE);
            return new RoomPage(page, pageSize, word(body, "status", STATUSES));
        }

        long offset() {
            return (page - 1) * pageSize;
        }
    }

    /**
     * getOnlineSeries: the minutes from {@code start} to {@code end}, both unix seconds and inclusive. One bound
     * given, the other is seven days away; none, the seven days up to the room's last minute ({@code end} 0 here).
     */
    record Series(long roomId, long start, long end) {
        static Series fromJson(JsonNode body) {
            long roomId = RoomRequests.roomId(body);
            JsonNode startValue = optional(body, "start");
            JsonNode endValue = optional(body, "end");
            long start = startValue == null ? 0 : unixSeconds("start", startValue);
            long end = endValue == null ? 0 : unixSeconds("end", endValue);
            if (start > 0 && end > 0) {
                if (start > end) {
                    throw new InvalidRequestException("start (" + start + ") must not be after end (" + end + ")");
                }
                if (end - start > MAX_SERIES_SECONDS) {
                    throw new InvalidRequestException("end must be at most 7 days (" + MAX_SERIES_SECONDS
                            + " s) after start, got " + (end - start) + " s; ask for the series a week at a time");
                }
                return new Series(roomId, start, end);
            }
            if (start > 0) {
                return new Series(roomId, start, start + MAX_SERIES_SECONDS - 60);
            }
            if (end > 0) {
                return new Series(roomId, Math.max(1, end - MAX_SERIES_SECONDS + 60), end);
            }
            return new Series(roomId, 0, 0);
        }

        /** The window ending at {@code last}, for a request without bounds. */
        Series endingAt(long last) {
            return new Series(roomId, Math.max(1, last - MAX_SERIES_SECONDS + 60), last);
        }
    }

    /** getRoomRanking. */
    record Ranking(long roomId, By by, int limit) {
        enum By { PROVINCE, STORE, INVITER }

        static Ranking fromJson(JsonNode body) {
            long roomId = RoomRequests.roomId(body);
            String by = word(body, "by", List.of("province", "store", "inviter"));
            if (by == null) {
                throw new InvalidRequestException("by is required: \"province\", \"store\" or \"inviter\"");
            }
            JsonNode limit = optional(body, "limit");
            return new Ranking(roomId, By.valueOf(by.toUpperCase(Locale.ROOT)),
                    limit == null ? DEFAULT_RANKING : (int) integer("limit", limit, 1, MAX_RANKING));
        }
    }

    /** getAccountTrend: the last {@code days} days, today included. */
    static int days(JsonNode body) {
        JsonNode days = optional(object(body), "days");
        return days == null ? DEFAULT_DAYS : (int) integer("days", days, 1, MAX_DAYS);
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("request body must be a JSON object");
        }
        return body;
    }

    /** One of {@code words} (any case, trimmed), or null when the field is absent. */
    private static String word(JsonNode body, String field, List<String> words) {
        JsonNode value = optional(object(body), field);
        if (value == null) {
            return null;
        }
        if (value.getNodeType() == JsonNodeType.STRING) {
            String word = value.stringValue().trim().toLowerCase(Locale.ROOT);
            if (words.contains(word)) {
                return word;
            }
        }
        throw new InvalidRequestException(field + " must be one of \"" + String.join("\", \"", words) + "\", got "
                + JsonFields.describe(value));
    }
}
