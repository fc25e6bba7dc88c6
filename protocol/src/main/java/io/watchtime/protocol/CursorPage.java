package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * {@code data} of a page asked for with a {@code cursor}: the documented {@link DurationList} plus
 * {@code next_cursor}, which continues the walk, or JSON null once the walk has reached the end. It comes before
 * {@code list}, so that a streaming client can ask for the next page before it reads this one.
 */
@JsonPropertyOrder({"total", "next_cursor", "list"})
public record CursorPage(
        @JsonProperty("total") long total,
        @JsonProperty("next_cursor") @JsonInclude(JsonInclude.Include.ALWAYS) String nextCursor,
        @JsonProperty("list") List<ViewingRecord> list) {
}
