package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The order of {@code update_time}, then {@code room_id}, then {@code wechat_user_space_id}. */
public enum Sort {
    ASC, DESC;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
