package io.watchtime.client.support;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.protocol.ViewingRecord;

/** Records made by hand, for tests of targets and files. */
public final class Records {

    private Records() {
    }

    public static ViewingRecord record(long room, long viewer, String name, long stay, long updateTime) {
        return new ViewingRecord(room, viewer, name, "https://example.com/p.jpg", stay, "123.52.16.175", "",
                ThirdWechatInfo.of("wx1", "openid-" + viewer, ""), stay / 2, stay - stay / 2,
                ChannelInfo.of(3128527, "袁, \"门店\"", ""), 0, "", "2025-09-16 15:06:06", "2025-09-16 15:16:06", "iOS",
                "河南 郑州", updateTime);
    }
}
