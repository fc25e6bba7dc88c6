package io.watchtime.client.viewing;

import io.watchtime.client.WatchtimeException;
import io.watchtime.client.http.Json;
import io.watchtime.protocol.ApiResponse;
import io.watchtime.protocol.ViewingRecord;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * A cursor page whose head ({@code total}, {@code next_cursor}) has been read but whose {@code list} has not
 * been bound yet. Binding 500 records takes milliseconds; reading the head takes microseconds, so a walk can
 * ask for the next page as soon as the bytes are in and bind this list while that request is in flight.
 *
 * <p>{@code cursorSupported} is false when {@code data} had no {@code next_cursor} key: a server without the
 * extension. Otherwise {@code nextCursor} continues the walk, or is null at its end.
 */
final class UnboundCursorPage {

    /** Reads the list in the middle of the envelope: the braces that close data and the envelope follow it. */
    private static final ObjectReader LIST_READER = Json.MAPPER.readerFor(
                    Json.MAPPER.getTypeFactory().constructCollectionType(List.class, ViewingRecord.class))
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final long total;
    private final boolean cursorSupported;
    private final String nextCursor;
    private final byte[] body;

    private UnboundCursorPage(long total, boolean cursorSupported, String nextCursor, byte[] body) {
        this.total = total;
        this.cursorSupported = cursorSupported;
        this.nextCursor = nextCursor;
        this.body = body;
    }

    long total() {
        return total;
    }

    boolean cursorSupported() {
        return cursorSupported;
    }

    String nextCursor() {
        return nextCursor;
    }

    /**
     * Reads the envelope and the head of {@code data}, stopping at {@code list} once {@code code}, {@code msg}
     * and {@code next_cursor} have been seen (the server writes them all before the list). Keys in another order
     * still read right: the list is then skipped (tokenised, not bound) to find what comes after it. Null when
     * the bytes are not the envelope.
     */
    static ApiResponse<UnboundCursorPage> readHead(byte[] body) {
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Integer code = null;
            String msg = null;
            UnboundCursorPage data = null;
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "code" -> code = parser.getValueAsInt();
                    case "msg" -> msg = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                    case "data" -> {
                        if (value != JsonToken.START_OBJECT) {
                            parser.skipChildren();
                            break;
                        }
                        boolean headComplete = code != null && msg != null;
                        data = readDataHead(parser, body, headComplete);
                        if (headComplete) {
                            return new ApiResponse<>(code, msg, data); // what is left is the list and closing braces
                        }
                    }
                    default -> parser.skipChildren();
                }
            }
            return code == null ? null : new ApiResponse<>(code, msg, data);
        }
    }

    /** Reads {@code data}'s fields from its START_OBJECT; may return at {@code list} without reading it. */
    private static UnboundCursorPage readDataHead(JsonParser parser, byte[] body, boolean mayStopAtList) {
        long total = 0;
        boolean cursorSeen = false;
        String nextCursor = null;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken value = parser.nextToken();
            switch (name) {
                case "total" -> total = parser.getValueAsLong();
                case "next_cursor" -> {
                    cursorSeen = true;
                    nextCursor = value == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                }
                case "list" -> {
                    if (cursorSeen && mayStopAtList) {
                        return new UnboundCursorPage(total, true, nextCursor, body);
                    }
                    parser.skipChildren();
                }
                default -> parser.skipChildren();
            }
        }
        return new UnboundCursorPage(total, cursorSeen, nextCursor, body);
    }

    /**
     * Binds {@code data.list} (a second, cheap walk to it over the few bytes of the head). A list that does not
     * bind is reported like any answer that is not the contract's, here where the caller asks for the page.
     */
    List<ViewingRecord> list() {
        try (JsonParser parser = Json.MAPPER.createParser(body)) {
            expect(parser, parser.nextToken(), JsonToken.START_OBJECT);
            if (moveTo(parser, "data") != JsonToken.START_OBJECT || moveTo(parser, "list") != JsonToken.START_ARRAY) {
                return List.of(); // no list, or null: no records
            }
            return LIST_READER.readValue(parser);
        } catch (JacksonException | IllegalStateException e) {
            throw new WatchtimeException(0, "unexpected answer: the page's list does not read as records ("
                    + e.getMessage() + ")", null, e);
        }
    }

    /** Moves to the value of {@code name} among the current object's properties; null when it has none. */
    private static JsonToken moveTo(JsonParser parser, String name) {
        for (String current = parser.nextName(); current != null; current = parser.nextName()) {
            JsonToken value = parser.nextToken();
            if (current.equals(name)) {
                return value;
            }
            parser.skipChildren();
        }
        return null;
    }

    private static void expect(JsonParser parser, JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " but found " + actual);
        }
    }
}
