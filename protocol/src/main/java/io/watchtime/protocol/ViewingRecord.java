package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One item of {@code data.list}: the seed's fields in the seed's order, then the extension
 * {@code update_time} (unix seconds of the row's last change) that lets a syncing client keep a watermark.
 */
@JsonPropertyOrder({"room_id", "wechat_user_space_id", "wechat_user_name", "wechat_user_photo", "stay_duration", "ip",
        "third_uuid", "third_wechat_info", "live_duration", "playback_duration", "channel_info",
        "invited_wechat_user_space_id", "invited_name", "first_visit_time", "last_visit_time", "device", "area",
        "update_time"})
public record ViewingRecord(
        @JsonProperty("room_id") long roomId,
        @JsonProperty("wechat_user_space_id") long wechatUserSpaceId,
        @JsonProperty("wechat_user_name") String wechatUserName,
        @JsonProperty("wechat_user_photo") String wechatUserPhoto,
        @JsonProperty("stay_duration") long stayDuration,
        @JsonProperty("ip") String ip,
        @JsonProperty("third_uuid") String thirdUuid,
        @JsonProperty("third_wechat_info") ThirdWechatInfo thirdWechatInfo,
        @JsonProperty("live_duration") long liveDuration,
        @JsonProperty("playback_duration") long playbackDuration,
        @JsonProperty("channel_info") ChannelInfo channelInfo,
        @JsonProperty("invited_wechat_user_space_id") long invitedWechatUserSpaceId,
        @JsonProperty("invited_name") String invitedName,
        @JsonProperty("first_visit_time") String firstVisitTime,
        @JsonProperty("last_visit_time") String lastVisitTime,
        @JsonProperty("device") String device,
        @JsonProperty("area") String area,
        @JsonProperty("update_time") long updateTime) {
}
