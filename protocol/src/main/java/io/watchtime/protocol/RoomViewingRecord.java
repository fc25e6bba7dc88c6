package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One item of getRoomUserDurationList's {@code data.list}: Nuoyun's fields in its order, then the extension
 * {@code update_time} as in the seed. For a round, durations, {@code first_time} / {@code last_time} (the first and
 * last second credited to the round) and {@code update_time} are the round's; the profile is the room record's.
 */
@JsonPropertyOrder({"wechat_user_space_id", "wechat_user_name", "wechat_user_photo", "first_time", "last_time",
        "stay_duration", "ip", "third_uuid", "third_wechat_info", "live_duration", "playback_duration", "channel_info",
        "update_time"})
public record RoomViewingRecord(
        @JsonProperty("wechat_user_space_id") long wechatUserSpaceId,
        @JsonProperty("wechat_user_name") String wechatUserName,
        @JsonProperty("wechat_user_photo") String wechatUserPhoto,
        @JsonProperty("first_time") String firstTime,
        @JsonProperty("last_time") String lastTime,
        @JsonProperty("stay_duration") long stayDuration,
        @JsonProperty("ip") String ip,
        @JsonProperty("third_uuid") String thirdUuid,
        @JsonProperty("third_wechat_info") ThirdWechatInfo thirdWechatInfo,
        @JsonProperty("live_duration") long liveDuration,
        @JsonProperty("playback_duration") long playbackDuration,
        @JsonProperty("channel_info") ChannelInfo channelInfo,
        @JsonProperty("update_time") long updateTime) {
}
