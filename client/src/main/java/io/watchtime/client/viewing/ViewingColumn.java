package io.watchtime.client.viewing;

import io.watchtime.protocol.ViewingRecord;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * A record as flat columns, in the contract's order, with the contract's Chinese labels (the nested
 * {@code third_wechat_info} and {@code channel_info} become their fields). One definition for every flat
 * output: CSV, XLSX and database tables. Unknown nested fields are null. The visit times are text on the wire
 * ({@code yyyy-MM-dd HH:mm:ss} in the server's zone) and date-times where the output has a type for them.
 */
public enum ViewingColumn {
    ROOM_ID("room_id", "直播间ID", true, 0, ViewingRecord::roomId),
    WECHAT_USER_SPACE_ID("wechat_user_space_id", "用户ID", true, 0, ViewingRecord::wechatUserSpaceId),
    WECHAT_USER_NAME("wechat_user_name", "用户昵称", false, 256, ViewingRecord::wechatUserName),
    WECHAT_USER_PHOTO("wechat_user_photo", "用户头像", false, 1024, ViewingRecord::wechatUserPhoto),
    STAY_DURATION("stay_duration", "在线时长(秒)", true, 0, ViewingRecord::stayDuration),
    IP("ip", "最近访问IP", false, 64, ViewingRecord::ip),
    THIRD_UUID("third_uuid", "三方系统用户ID", false, 256, ViewingRecord::thirdUuid),
    AUTHORIZER_APPID("authorizer_appid", "第三方公众号appid", false, 256, r -> r.thirdWechatInfo().authorizerAppid()),
    OPENID("openid", "第三方openid", false, 256, r -> r.thirdWechatInfo().openid()),
    UNIONID("unionid", "第三方unionid", false, 256, r -> r.thirdWechatInfo().unionid()),
    LIVE_DURATION("live_duration", "直播时长(秒)", true, 0, ViewingRecord::liveDuration),
    PLAYBACK_DURATION("playback_duration", "回放时长(秒)", true, 0, ViewingRecord::playbackDuration),
    CHANNEL_ID("channel_id", "门店ID", true, 0, r -> r.channelInfo().channelId()),
    CHANNEL_NAME("channel_name", "门店名称", false, 256, r -> r.channelInfo().channelName()),
    STORE_ID("store_id", "门店编码", false, 256, r -> r.channelInfo().storeId()),
    INVITED_WECHAT_USER_SPACE_ID("invited_wechat_user_space_id", "邀请用户ID", true, 0,
            ViewingRecord::invitedWechatUserSpaceId),
    INVITED_NAME("invited_name", "邀请用户昵称", false, 256, ViewingRecord::invitedName),
    FIRST_VISIT_TIME("first_visit_time", "初次访问时间", false, 19, ViewingRecord::firstVisitTime),
    LAST_VISIT_TIME("last_visit_time", "最近访问时间", false, 19, ViewingRecord::lastVisitTime),
    DEVICE("device", "使用设备", false, 16, ViewingRecord::device),
    AREA("area", "地区", false, 128, ViewingRecord::area),
    UPDATE_TIME("update_time", "更新时间(时间戳)", true, 0, ViewingRecord::updateTime);

    /** How the contract writes a visit time. */
    private static final DateTimeFormatter VISIT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String field;
    private final String label;
    private final boolean integer;
    private final int maxLength;
    private final Function<ViewingRecord, Object> value;

    ViewingColumn(String field, String label, boolean integer, int maxLength, Function<ViewingRecord, Object> value) {
        this.field = field;
        this.label = label;
        this.integer = integer;
        this.maxLength = maxLength;
        this.value = value;
    }

    /** The contract's field name, also the column name in a database table. */
    public String field() {
        return field;
    }

    /** The header an operator reads (the contract's own description). */
    public String label() {
        return label;
    }

    public boolean isInteger() {
        return integer;
    }

    /** A visit time: text on the wire, a date-time (in the server's zone) in typed outputs. */
    public boolean isDateTime() {
        return this == FIRST_VISIT_TIME || this == LAST_VISIT_TIME;
    }

    /** The longest text the server stores in this field (0 for integers). */
    public int maxLength() {
        return maxLength;
    }

    /** A {@code Long}, a {@code String}, or null for a field of an unknown channel or WeChat info. */
    public Object of(ViewingRecord record) {
        return value.apply(record);
    }

    /**
     * A visit time as written by the contract, as a date-time in the server's zone; null when empty (never
     * visited). Throws {@link IllegalArgumentException}, naming the text, when it is not in the contract's form.
     */
    public static LocalDateTime visitTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.trim(), VISIT_TIME);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("visit time \"" + text + "\" is not yyyy-MM-dd HH:mm:ss", e);
        }
    }
}
