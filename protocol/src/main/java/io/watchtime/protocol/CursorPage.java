package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code data} of a page asked for with a {@code cursor}: the documented {@link DurationList} plus
 * {@code next_cursor}, which continues the walk, or JSON null once the walk has reached the end.
 */
@JsonPropertyOrder({"total", "list", "next_cursor"})
public record CursorPage(
        @JsonProperty("total") long total,
        @JsonProperty("list") List<ViewingRecord> list,
        @JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor) {
}
