package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** {@code data} of a successful getAccountUserDurationList: {@code total} counts records (room x viewer). */
@JsonPropertyOrder({"total", "list"})
public record DurationList(long total, List<ViewingRecord> list) {
}
