package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The store (门店) a viewer came through; {@link #UNKNOWN} is written as {@code {}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"channel_id", "channel_name", "store_id"})
public record ChannelInfo(
        @JsonProperty("channel_id") Long channelId,
        @JsonProperty("channel_name") String channelName,
        @JsonProperty("store_id") String storeId) {

    public static final ChannelInfo UNKNOWN = new ChannelInfo(null, null, null);

    /** Known when the channel id is positive; then all three are written, {@code ""} for a missing name. */
    public static ChannelInfo of(long channelId, String channelName, String storeId) {
        if (channelId <= 0) {
            return UNKNOWN;
        }
        return new ChannelInfo(channelId, channelName == null ? "" : channelName, storeId == null ? "" : storeId);
    }

    public boolean known() {
        return channelId != null;
    }
}
