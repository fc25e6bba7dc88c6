package io.watchtime.protocol;

import static io.watchtime.protocol.JsonFields.integer;
import static io.watchtime.protocol.JsonFields.required;

import tools.jackson.databind.JsonNode;

/**
 * The request of getRoomUserDurationList: the seed's page, order and filters ({@link DurationListRequest}, same
 * rules and messages) within one room, and within one of its rounds unless {@code room_rounds_id} is 0.
 */
public record RoomDurationListRequest(long roomId, long roomRoundsId, DurationListRequest list) {

    public RoomDurationListRequest {
        if (roomId < 1) {
            throw new InvalidRequestException("room_id must be at least 1, got " + roomId);
        }
        if (roomRoundsId < 0) {
            throw new InvalidRequestException("room_rounds_id must not be negative, got " + roomRoundsId);
        }
        if (list.cursor() != null) {
            throw new IllegalArgumentException("getRoomUserDurationList has no cursor");
        }
    }

    /** Validates a parsed JSON body; unknown fields are ignored, {@code cursor} among them. */
    public static RoomDurationListRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("request body must be a JSON object");
        }
        long roomId = integer("room_id", required(body, "room_id"), 1, Long.MAX_VALUE);
        long roundId = integer("room_rounds_id", required(body, "room_rounds_id"), 0, Long.MAX_VALUE);
        DurationListRequest list = DurationListRequest.fromJson(body);
        return new RoomDurationListRequest(roomId, roundId, list.cursor() == null ? list
                : new DurationListRequest(list.page(), list.pageSize(), list.sort(), list.updateTimeStart(),
                        list.updateTimeEnd(), list.wechatUserSpaceId()));
    }
}
