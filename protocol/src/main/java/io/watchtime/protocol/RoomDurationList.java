package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code data} of a successful getRoomUserDurationList: {@code total} counts the room's (or round's) viewers. */
@JsonPropertyOrder({"total", "list"})
public record RoomDurationList(long total, List<RoomViewingRecord> list) {
}
