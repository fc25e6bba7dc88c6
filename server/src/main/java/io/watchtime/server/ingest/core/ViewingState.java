package io.watchtime.server.ingest.core;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.protocol.WatchMode;
import io.watchtime.server.storage.ViewingRow;
import java.util.List;
import java.util.Objects;

/** The viewing record of one viewer in one room as crediting changes it; {@link #dirty()} marks what to save. */
public final class ViewingState {

    private final ViewingRow row;
    private final long updateTimeBefore;
    private boolean dirty;
    private List<CreditedSpans.Span> spans; // decoded when first needed, written back to the row by stamp()
    private boolean spansChanged;

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

    /** Stamps a changed record with the commit's update_time, and writes its spans back once per group. */
    public void stamp(long updateTime) {
        row.updateTime = updateTime;
        if (spansChanged) {
            row.creditedSpans = CreditedSpans.encode(spans);
            spansChanged = false;
        }
    }

    long creditedUntil() {
        return row.creditedUntil;
    }

    long lastVisit() {
        return row.lastVisit;
    }

    /** Credits {@code [from, to)}, remembering it for corrections while it is newer than {@code keepAfter}. */
    void credit(long from, long to, WatchMode mode, Timeline.Split split, long keepAfter) {
        row.stayDuration += to - from;
        row.liveDuration += split.live();
        row.playbackDuration += split.playback();
        row.creditedUntil = to;
        CreditedSpans.append(spans(), from, to, mode, keepAfter);
        spansChanged = true;
        dirty = true;
    }

    /** The room's timeline changed from {@code before} to {@code after}: splits the remembered seconds again. */
    void reclassify(Timeline before, Timeline after) {
        if (spans().isEmpty()) {
            return;
        }
        Timeline.Split was = CreditedSpans.split(spans(), before);
        Timeline.Split now = CreditedSpans.split(spans(), after);
        if (!was.equals(now)) {
            row.liveDuration += now.live() - was.live();
            row.playbackDuration += now.playback() - was.playback();
            dirty = true;
        }
    }

    private List<CreditedSpans.Span> spans() {
        if (spans == null) {
            spans = CreditedSpans.decode(row.creditedSpans);
        }
        return spans;
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
