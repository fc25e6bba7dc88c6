package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The viewer's ids at a third-party WeChat account; {@link #UNKNOWN} is written as {@code {}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"authorizer_appid", "openid", "unionid"})
public record ThirdWechatInfo(
        @JsonProperty("authorizer_appid") String authorizerAppid,
        @JsonProperty("openid") String openid,
        @JsonProperty("unionid") String unionid) {

    public static final ThirdWechatInfo UNKNOWN = new ThirdWechatInfo(null, null, null);

    /** Known when any id is present; then all three are written, {@code ""} for a missing one. */
    public static ThirdWechatInfo of(String authorizerAppid, String openid, String unionid) {
        if (isBlank(authorizerAppid) && isBlank(openid) && isBlank(unionid)) {
            return UNKNOWN;
        }
        return new ThirdWechatInfo(orEmpty(authorizerAppid), orEmpty(openid), orEmpty(unionid));
    }

    public boolean known() {
        return authorizerAppid != null;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
