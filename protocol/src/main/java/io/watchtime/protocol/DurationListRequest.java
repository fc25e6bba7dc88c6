package io.watchtime.protocol;

import static io.watchtime.protocol.JsonFields.integer;
import static io.watchtime.protocol.JsonFields.optional;
import static io.watchtime.protocol.JsonFields.required;
import static io.watchtime.protocol.JsonFields.string;
import static io.watchtime.protocol.JsonFields.unixSeconds;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * The request of getAccountUserDurationList. Zero in {@code update_time_start}, {@code update_time_end}
 * and {@code wechat_user_space_id} means "no bound" / "every viewer", as in the seed.
 *
 * <p>{@code cursor} is Watchtime's additive extension: null when absent (the documented contract), {@code ""} to
 * start a cursor walk, or the {@code next_cursor} of the previous page to continue it; {@code page} is then ignored.
 */
@JsonPropertyOrder({"page", "page_size", "sort", "update_time_start", "update_time_end", "wechat_user_space_id",
        "cursor"})
public record DurationListRequest(
        @JsonProperty("page") long page,
        @JsonProperty("page_size") int pageSize,
        @JsonProperty("sort") Sort sort,
        @JsonProperty("update_time_start") long updateTimeStart,
        @JsonProperty("update_time_end") long updateTimeEnd,
        @JsonProperty("wechat_user_space_id") long wechatUserSpaceId,
        @JsonProperty("cursor") @JsonInclude(JsonInclude.Include.NON_NULL) String cursor) {

    public static final int MAX_PAGE_SIZE = 500;
    /** Cursors the server issues are far shorter; the bound keeps garbage out of the decoder. */
    public static final int MAX_CURSOR_LENGTH = 200;
    /** Keeps {@code (page - 1) * page_size} far from overflow; no account holds a billion pages. */
    public static final long MAX_PAGE = Integer.MAX_VALUE;

    public DurationListRequest {
        if (page < 1 || page > MAX_PAGE) {
            throw new InvalidRequestException("page must be between 1 and " + MAX_PAGE + ", got " + page);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("page_size must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        if (sort == null) {
            throw new InvalidRequestException("sort is required");
        }
        if (updateTimeStart > 0 && updateTimeEnd > 0 && updateTimeStart > updateTimeEnd) {
            throw new InvalidRequestException("update_time_start (" + updateTimeStart
                    + ") must not be after update_time_end (" + updateTimeEnd + ")");
        }
        if (cursor != null && cursor.length() > MAX_CURSOR_LENGTH) {
            throw new InvalidRequestException("cursor must be at most " + MAX_CURSOR_LENGTH + " characters");
        }
    }

    /** A request of the documented contract, without a cursor. */
    public DurationListRequest(long page, int pageSize, Sort sort, long updateTimeStart, long updateTimeEnd,
            long wechatUserSpaceId) {
        this(page, pageSize, sort, updateTimeStart, updateTimeEnd, wechatUserSpaceId, null);
    }

    /** The same filter and order, continuing at {@code cursor}. */
    public DurationListRequest withCursor(String cursor) {
        return new DurationListRequest(page, pageSize, sort, updateTimeStart, updateTimeEnd, wechatUserSpaceId, cursor);
    }

    /** Validates a parsed JSON body; unknown fields are ignored. */
    public static DurationListRequest fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("request body must be a JSON object");
        }
        long page = integer("page", required(body, "page"), 1, MAX_PAGE);
        int pageSize = (int) integer("page_size", required(body, "page_size"), 1, MAX_PAGE_SIZE);
        Sort sort = sort(required(body, "sort"));
        long start = optionalSeconds(body, "update_time_start");
        long end = optionalSeconds(body, "update_time_end");
        JsonNode viewer = optional(body, "wechat_user_space_id");
        long viewerId = viewer == null ? 0 : integer("wechat_user_space_id", viewer, 0, Long.MAX_VALUE);
        JsonNode cursor = optional(body, "cursor");
        return new DurationListRequest(page, pageSize, sort, start, end, viewerId,
                cursor == null ? null : string("cursor", cursor, MAX_CURSOR_LENGTH));
    }

    /** Rows skipped before this page. */
    @JsonIgnore
    public long offset() {
        return (page - 1) * pageSize;
    }

    private static long optionalSeconds(JsonNode body, String field) {
        JsonNode value = optional(body, field);
        return value == null ? 0 : unixSeconds(field, value);
    }

    private static Sort sort(JsonNode value) {
        if (value.getNodeType() == JsonNodeType.STRING) {
            switch (value.stringValue().trim().toLowerCase(Locale.ROOT)) {
                case "asc":
                    return Sort.ASC;
                case "desc":
                    return Sort.DESC;
                default:
                    break;
            }
        }
        throw new InvalidRequestException("sort must be \"asc\" or \"desc\", got " + JsonFields.describe(value));
    }
}
