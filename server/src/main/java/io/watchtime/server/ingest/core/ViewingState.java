package io.watchtime.server.ingest.core;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.server.storage.ViewingRow;
import java.util.Objects;

/** The viewing record of one viewer in one room as crediting changes it; {@link #dirty()} marks what to save. */
public final class ViewingState {

    private final ViewingRow row;
    private final long updateTimeBefore;
    private boolean dirty;

    public ViewingState(ViewingRow row) {
        this.row = row;
        this.updateTimeBefore = row.updateTime;
    }

    static ViewingState fresh(long accountId, long roomId, long viewerId) {
        return new ViewingState(new ViewingRow(accountId, roomId, viewerId));
    }

    /** The row as it stands; read it, never change it outside this class. */
    public ViewingRow row() {
        return row;
    }

    public boolean dirty() {
        return dirty;
    }

    /** The record's update_time when it was loaded; 0 for a new one. */
    public long updateTimeBefore() {
        return updateTimeBefore;
    }

    /** Stamps a changed record with the commit's update_time. */
    public void stamp(long updateTime) {
        row.updateTime = updateTime;
    }

    long creditedUntil() {
        return row.creditedUntil;
    }

    long lastVisit() {
        return row.lastVisit;
    }

    void credit(long from, long to, long liveSeconds, long playbackSeconds) {
        row.stayDuration += to - from;
        row.liveDuration += liveSeconds;
        row.playbackDuration += playbackSeconds;
        row.creditedUntil = to;
        dirty = true;
    }

    /** Any accepted event is a sign of a visit; only {@code enter} moves the last visit. */
    void visited(long at, boolean enter) {
        if (row.firstVisit == 0 || at < row.firstVisit) {
            row.firstVisit = at;
            dirty = true;
        }
        if ((enter || row.lastVisit == 0) && at > row.lastVisit) {
            row.lastVisit = at;
            dirty = true;
        }
    }

    /**
     * The profile an {@code enter} carries: the latest visit overwrites, an older one only fills what is
     * missing. Channel and inviter are first touch: the first one seen sticks.
     */
    void applyProfile(EnterProfile profile, String area, String device, boolean latest) {
        if (profile.ip() != null && (latest || row.ip.isEmpty())) {
            row.ip = set(row.ip, profile.ip());
            row.area = set(row.area, area);
        }
        if (profile.userAgent() != null && (latest || row.device.isEmpty())) {
            row.device = set(row.device, device);
        }
        if (profile.wechatUserName() != null && (latest || row.viewerName.isEmpty())) {
            row.viewerName = set(row.viewerName, profile.wechatUserName());
        }
        if (profile.wechatUserPhoto() != null && (latest || row.viewerPhoto.isEmpty())) {
            row.viewerPhoto = set(row.viewerPhoto, profile.wechatUserPhoto());
        }
        if (profile.thirdUuid() != null && (latest || row.thirdUuid.isEmpty())) {
            row.thirdUuid = set(row.thirdUuid, profile.thirdUuid());
        }
        ThirdWechatInfo wechat = profile.thirdWechatInfo();
        if (wechat != null && wechat.known() && (latest || row.wxAppid == null)) {
            row.wxAppid = set(row.wxAppid, wechat.authorizerAppid());
            row.wxOpenid = set(row.wxOpenid, wechat.openid());
            row.wxUnionid = set(row.wxUnionid, wechat.unionid());
        }
        ChannelInfo channel = profile.channelInfo();
        if (row.channelId == 0 && channel != null && channel.known()) {
            row.channelId = channel.channelId();
            row.channelName = channel.channelName();
            row.storeId = channel.storeId();
            dirty = true;
        }
        if (row.inviterId == 0 && profile.invitedWechatUserSpaceId() > 0) {
            row.inviterId = profile.invitedWechatUserSpaceId();
            row.inviterName = profile.invitedName() == null ? "" : profile.invitedName();
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
