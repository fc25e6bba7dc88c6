package io.watchtime.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Who came, as an {@code enter} tells it: where from, on what, under which name, through which store and
 * inviter. Null (0 for the inviter) means "not given": the record keeps what it holds. On the wire these
 * fields sit in the event object itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnterProfile(
        @JsonProperty("ip") String ip,
        @JsonProperty("user_agent") String userAgent,
        @JsonProperty("wechat_user_name") String wechatUserName,
        @JsonProperty("wechat_user_photo") String wechatUserPhoto,
        @JsonProperty("third_uuid") String thirdUuid,
        @JsonProperty("third_wechat_info") ThirdWechatInfo thirdWechatInfo,
        @JsonProperty("channel_info") ChannelInfo channelInfo,
        @JsonProperty("invited_wechat_user_space_id") @JsonInclude(JsonInclude.Include.NON_DEFAULT)
        long invitedWechatUserSpaceId,
        @JsonProperty("invited_name") String invitedName) {

    /** An enter that says nothing about the viewer. */
    public static final EnterProfile NONE = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the fields an enter carries; every one is optional. */
    public static final class Builder {
        private String ip;
        private String userAgent;
        private String wechatUserName;
        private String wechatUserPhoto;
        private String thirdUuid;
        private ThirdWechatInfo thirdWechatInfo;
        private ChannelInfo channelInfo;
        private long invitedWechatUserSpaceId;
        private String invitedName;

        private Builder() {
        }

        public Builder ip(String value) {
            ip = value;
            return this;
        }

        public Builder userAgent(String value) {
            userAgent = value;
            return this;
        }

        public Builder wechatUserName(String value) {
            wechatUserName = value;
            return this;
        }

        public Builder wechatUserPhoto(String value) {
            wechatUserPhoto = value;
            return this;
        }

        public Builder thirdUuid(String value) {
            thirdUuid = value;
            return this;
        }

        public Builder thirdWechatInfo(ThirdWechatInfo value) {
            thirdWechatInfo = value;
            return this;
        }

        public Builder channelInfo(ChannelInfo value) {
            channelInfo = value;
            return this;
        }

        /** The viewer who invited this one; 0 for none. */
        public Builder inviter(long wechatUserSpaceId, String name) {
            invitedWechatUserSpaceId = wechatUserSpaceId;
            invitedName = name;
            return this;
        }

        public EnterProfile build() {
            return new EnterProfile(ip, userAgent, wechatUserName, wechatUserPhoto, thirdUuid, thirdWechatInfo,
                    channelInfo, invitedWechatUserSpaceId, invitedName);
        }
    }
}
