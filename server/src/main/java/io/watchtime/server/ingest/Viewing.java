package io.watchtime.server.ingest;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.ThirdWechatInfo;
import java.util.Objects;

/** The viewing record of one viewer in one room, as the writer changes it; {@code dirty} marks what to save (and bumps update_time). */
final class Viewing {

    final long accountId;
    final long roomId;
    final long viewerId;
    String name = "";
    String photo = "";
    String thirdUuid = "";
    ThirdWechatInfo thirdWechatInfo = ThirdWechatInfo.UNKNOWN;
    long stay;
    long live;
    long playback;
    long creditedUntil;
    String ip = "";
    String area = "";
    String device = "";
    ChannelInfo channel = ChannelInfo.UNKNOWN;
    long inviterId;
    String inviterName = "";
    long firstVisit;
    long lastVisit;
    long updateTime;
    boolean dirty;

    Viewing(long accountId, long roomId, long viewerId) {
        this.accountId = accountId;
        this.roomId = roomId;
        this.viewerId = viewerId;
    }

    void credit(long from, long to, long liveSeconds, long playbackSeconds) {
        stay += to - from;
        live += liveSeconds;
        playback += playbackSeconds;
        creditedUntil = to;
        dirty = true;
    }

    /** Any accepted event is a sign of a visit; only {@code enter} moves the last visit. */
    void visited(long at, boolean enter) {
        if (firstVisit == 0 || at < firstVisit) {
            firstVisit = at;
            dirty = true;
        }
        if ((enter || lastVisit == 0) && at > lastVisit) {
            lastVisit = at;
            dirty = true;
        }
    }

    /**
     * The profile an {@code enter} carries: the latest visit overwrites, an older one only fills what is
     * missing. Channel and inviter are first touch: the first one seen sticks.
     */
    void applyProfile(EnterProfile event, String newArea, String newDevice, boolean latest) {
        if (event.ip() != null && (latest || ip.isEmpty())) {
            ip = set(ip, event.ip());
            area = set(area, newArea);
        }
        if (event.userAgent() != null && (latest || device.isEmpty())) {
            device = set(device, newDevice);
        }
        if (event.wechatUserName() != null && (latest || name.isEmpty())) {
            name = set(name, event.wechatUserName());
        }
        if (event.wechatUserPhoto() != null && (latest || photo.isEmpty())) {
            photo = set(photo, event.wechatUserPhoto());
        }
        if (event.thirdUuid() != null && (latest || thirdUuid.isEmpty())) {
            thirdUuid = set(thirdUuid, event.thirdUuid());
        }
        if (event.thirdWechatInfo() != null && event.thirdWechatInfo().known() && (latest || !thirdWechatInfo.known())) {
            thirdWechatInfo = set(thirdWechatInfo, event.thirdWechatInfo());
        }
        if (!channel.known() && event.channelInfo() != null && event.channelInfo().known()) {
            channel = set(channel, event.channelInfo());
        }
        if (inviterId == 0 && event.invitedWechatUserSpaceId() > 0) {
            inviterId = event.invitedWechatUserSpaceId();
            inviterName = event.invitedName() == null ? "" : event.invitedName();
            dirty = true;
        }
    }

    private <T> T set(T current, T next) {
        if (!Objects.equals(current, next)) {
            dirty = true;
        }
        return next;
    }
}
