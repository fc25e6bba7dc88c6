package io.watchtime.protocol;

import static io.watchtime.protocol.JsonFields.integer;
import static io.watchtime.protocol.JsonFields.optional;
import static io.watchtime.protocol.JsonFields.required;
import static io.watchtime.protocol.JsonFields.string;
import static io.watchtime.protocol.JsonFields.unixSeconds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * One event of an ingest batch. Zero means "not given" for {@code round_id} and {@code at} (then: arrival
 * time); {@code profile} is {@link EnterProfile#NONE} on every event but {@code enter}. Build them with the
 * named factories ({@link #roomStart}, {@link #enter}, {@link #heartbeat}, ...); the names are the wire's.
 */
@JsonPropertyOrder({"type", "room_id", "round_id", "wechat_user_space_id", "session_id", "at", "mode"})
public record IngestEvent(
        @JsonProperty("type") EventType type,
        @JsonProperty("room_id") long roomId,
        @JsonProperty("round_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long roundId,
        @JsonProperty("wechat_user_space_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long wechatUserSpaceId,
        @JsonProperty("session_id") @JsonInclude(JsonInclude.Include.NON_NULL) String sessionId,
        @JsonProperty("at") @JsonInclude(JsonInclude.Include.NON_DEFAULT) long at,
        @JsonProperty("mode") @JsonInclude(JsonInclude.Include.NON_NULL) WatchMode mode,
        @JsonUnwrapped EnterProfile profile) {

    public static final int MAX_SESSION_ID = 128;
    public static final int MAX_TEXT = 256;
    public static final int MAX_URL = 1024;

    public IngestEvent {
        if (profile == null) {
            profile = EnterProfile.NONE;
        }
    }

    /** A round starts; {@code roundId} 0 numbers it after the room's last round. */
    public static IngestEvent roomStart(long roomId, long roundId, long at) {
        return new IngestEvent(EventType.ROOM_START, roomId, roundId, 0, null, at, null, EnterProfile.NONE);
    }

    /** The round that was live at {@code at} ends. */
    public static IngestEvent roomEnd(long roomId, long at) {
        return roomEnd(roomId, 0, at);
    }

    /** Round {@code roundId} ends; 0 names the round that was live at {@code at}. */
    public static IngestEvent roomEnd(long roomId, long roundId, long at) {
        return new IngestEvent(EventType.ROOM_END, roomId, roundId, 0, null, at, null, EnterProfile.NONE);
    }

    /** A session opens the room; {@code mode} null follows the room (live while it is live, else the replay). */
    public static IngestEvent enter(long roomId, long wechatUserSpaceId, String sessionId, long at, WatchMode mode,
            EnterProfile profile) {
        return new IngestEvent(EventType.ENTER, roomId, 0, wechatUserSpaceId, sessionId, at, mode, profile);
    }

    /** The session's sign of life, every 30 s. */
    public static IngestEvent heartbeat(long roomId, long wechatUserSpaceId, String sessionId, long at,
            WatchMode mode) {
        return new IngestEvent(EventType.HEARTBEAT, roomId, 0, wechatUserSpaceId, sessionId, at, mode,
                EnterProfile.NONE);
    }

    /** The session ends at once. */
    public static IngestEvent leave(long roomId, long wechatUserSpaceId, String sessionId, long at, WatchMode mode) {
        return new IngestEvent(EventType.LEAVE, roomId, 0, wechatUserSpaceId, sessionId, at, mode, EnterProfile.NONE);
    }

    public IngestEvent withAt(long newAt) {
        return new IngestEvent(type, roomId, roundId, wechatUserSpaceId, sessionId, newAt, mode, profile);
    }

    /** Validates one element of {@code events}; {@code where} (like {@code events[3]}) prefixes every message. */
    public static IngestEvent fromJson(JsonNode node, String where) {
        try {
            return parse(node);
        } catch (InvalidRequestException e) {
            throw new InvalidRequestException(where + "." + e.getMessage());
        }
    }

    private static IngestEvent parse(JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidRequestException("type: an event must be a JSON object, got " + JsonFields.describe(node));
        }
        String typeText = string("type", required(node, "type"), 32);
        EventType type = EventType.fromWire(typeText);
        if (type == null) {
            throw new InvalidRequestException("type must be one of room_start, room_end, enter, heartbeat, leave; got \""
                    + typeText + "\"");
        }
        long roomId = integer("room_id", required(node, "room_id"), 1, Long.MAX_VALUE);
        long at = optional(node, "at") == null ? 0 : unixSeconds("at", node.get("at"));
        if (!type.isViewerEvent()) {
            long roundId = optional(node, "round_id") == null ? 0 : integer("round_id", node.get("round_id"), 0, Long.MAX_VALUE);
            return new IngestEvent(type, roomId, roundId, 0, null, at, null, EnterProfile.NONE);
        }
        long viewerId = integer("wechat_user_space_id", required(node, "wechat_user_space_id"), 1, Long.MAX_VALUE);
        String sessionId = string("session_id", required(node, "session_id"), MAX_SESSION_ID);
        if (sessionId.isBlank()) {
            throw new InvalidRequestException("session_id must not be empty");
        }
        WatchMode mode = mode(optional(node, "mode"));
        if (type != EventType.ENTER) {
            return new IngestEvent(type, roomId, 0, viewerId, sessionId, at, mode, EnterProfile.NONE);
        }
        return enter(roomId, viewerId, sessionId, at, mode, profile(node));
    }

    private static EnterProfile profile(JsonNode node) {
        JsonNode inviter = optional(node, "invited_wechat_user_space_id");
        return new EnterProfile(
                ip(optionalString(node, "ip", 64)),
                optionalString(node, "user_agent", MAX_URL),
                optionalString(node, "wechat_user_name", MAX_TEXT),
                optionalString(node, "wechat_user_photo", MAX_URL),
                optionalString(node, "third_uuid", MAX_TEXT),
                thirdWechatInfo(optional(node, "third_wechat_info")),
                channelInfo(optional(node, "channel_info")),
                inviter == null ? 0 : integer("invited_wechat_user_space_id", inviter, 0, Long.MAX_VALUE),
                optionalString(node, "invited_name", MAX_TEXT));
    }

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** An IPv4 or IPv6 literal, or "" for unknown: never a host name, which would need DNS to mean anything. */
    private static String ip(String text) {
        if (text == null || text.isEmpty() || IPV4.matcher(text).matches() || IPV6.matcher(text).matches()) {
            return text;
        }
        throw new InvalidRequestException("ip must be an IPv4 or IPv6 address like 123.52.16.175, got \""
                + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "\"");
    }

    private static WatchMode mode(JsonNode value) {
        if (value == null) {
            return null;
        }
        WatchMode mode = WatchMode.fromWire(string("mode", value, 16));
        if (mode == null) {
            throw new InvalidRequestException("mode must be one of live, playback, preview; got " + JsonFields.describe(value));
        }
        return mode;
    }

    private static String optionalString(JsonNode node, String field, int maxLength) {
        JsonNode value = optional(node, field);
        return value == null ? null : string(field, value, maxLength);
    }

    private static ThirdWechatInfo thirdWechatInfo(JsonNode value) {
        if (value == null) {
            return null;
        }
        requireObject("third_wechat_info", value);
        return ThirdWechatInfo.of(
                optionalString(value, "authorizer_appid", MAX_TEXT),
                optionalString(value, "openid", MAX_TEXT),
                optionalString(value, "unionid", MAX_TEXT));
    }

    private static ChannelInfo channelInfo(JsonNode value) {
        if (value == null) {
            return null;
        }
        requireObject("channel_info", value);
        JsonNode id = optional(value, "channel_id");
        return ChannelInfo.of(id == null ? 0 : integer("channel_info.channel_id", id, 0, Long.MAX_VALUE),
                optionalString(value, "channel_name", MAX_TEXT),
                optionalString(value, "store_id", MAX_TEXT));
    }

    private static void requireObject(String field, JsonNode value) {
        if (!value.isObject()) {
            throw new InvalidRequestException(field + " must be an object, got " + JsonFields.describe(value));
        }
    }
}
