package io.watchtime.protocol;

/** The order of {@code update_time}, then {@code room_id}, then {@code wechat_user_space_id}. */
public enum Sort {
    ASC, DESC;

    @com.fasterxml.jackson.annotation.JsonValue
    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
