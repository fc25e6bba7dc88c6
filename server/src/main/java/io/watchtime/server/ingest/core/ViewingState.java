package io.watchtime.server.ingest.core;

import io.watchtime.protocol.ChannelInfo;
import io.watchtime.protocol.EnterProfile;
import io.watchtime.protocol.ThirdWechatInfo;
import io.watchtime.protocol.WatchMode;
import io.watchtime.server.storage.ViewingRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The viewing record of one viewer in one room as crediting changes it; {@link #dirty()} marks what to save. */
public final class ViewingState {

    private final ViewingRow row;
    private final long updateTimeBefore;
    private boolean dirty;
    private List<CreditedSpans.Span> spans; // decoded when first needed, written back to the row by stamp()
    private boolean spansChanged;
    private final Map<Long, Audience.RoundViewing> roundDeltas = new HashMap<>(); // by round, this group's
    private final List<Long> newMinutes = new ArrayList<>(); // minutes this group credits the viewer first in

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

    /**
     * Credits {@code [from, to)}, which starts at or after {@link #creditedUntil()}, to the record and to the rounds
     * that own its seconds, remembering it for corrections while it is newer than {@code keepAfter}.
     */
    void credit(long from, long to, WatchMode mode, Timeline timeline, long keepAfter) {
        timeline.forEachOwner(from, to, (roundId, a, b) -> {
            Timeline.Split split = timeline.split(a, b, mode);
            row.stayDuration += b - a;
            row.liveDuration += split.live();
            row.playbackDuration += split.playback();
            addRoundDelta(new Audience.RoundViewing(row.roomId, roundId, row.viewerId, b - a, split.live(),
                    split.playback(), a, b - 1, Audience.NO_CAP, 0));
        });
        // The viewer's last credited second is creditedUntil - 1 (see Audience): its minute is counted already.
        long minute = Math.floorDiv(from, 60) * 60;
        for (long m = row.creditedUntil > minute ? minute + 60 : minute; m < to; m += 60) {
            newMinutes.add(m);
        }
        row.creditedUntil = to;
        CreditedSpans.append(spans(), from, to, mode, keepAfter);
        spansChanged = true;
        dirty = true;
    }

    /**
     * The room's timeline changed from {@code before} to {@code after}: splits the remembered seconds again, and
     * moves them between rounds when a late start took them. The record changes by what its rounds change by.
     */
    void reclassify(Timeline before, Timeline after) {
        if (spans().isEmpty()) {
            return;
        }
        Map<Long, Audience.RoundViewing> wasByRound = byRound(before);
        Map<Long, Audience.RoundViewing> nowByRound = byRound(after);
        Set<Long> rounds = new HashSet<>(wasByRound.keySet());
        rounds.addAll(nowByRound.keySet());
        Audience.RoundViewing none = new Audience.RoundViewing(row.roomId, 0, row.viewerId, 0, 0, 0, Audience.NO_FIRST,
                Audience.NO_LAST, Audience.NO_CAP, 0);
        for (long roundId : rounds) {
            Audience.RoundViewing was = wasByRound.getOrDefault(roundId, none);
            Audience.RoundViewing now = nowByRound.getOrDefault(roundId, none);
            if (was.equals(now)) {
                continue;
            }
            // A late start only takes a round's newest seconds: the round keeps its older ones, the newest of which
            // is the last it keeps among the remembered seconds, or lies before all of them.
            long cap = now.stay() >= was.stay() ? Audience.NO_CAP
                    : now.stay() > 0 ? now.lastVisit() : was.firstVisit() - 1;
            addRoundDelta(new Audience.RoundViewing(row.roomId, roundId, row.viewerId, now.stay() - was.stay(),
                    now.live() - was.live(), now.playback() - was.playback(), now.firstVisit(),
                    Math.min(now.lastVisit(), cap), cap, 0));
            if (now.live() != was.live() || now.playback() != was.playback()) {
                row.liveDuration += now.live() - was.live();
                row.playbackDuration += now.playback() - was.playback();
                dirty = true;
            }
        }
    }

    /** The remembered seconds by the round that owns them on {@code timeline}, each round's share as one delta. */
    private Map<Long, Audience.RoundViewing> byRound(Timeline timeline) {
        Map<Long, Audience.RoundViewing> shares = new HashMap<>();
        for (CreditedSpans.Span span : spans()) {
            timeline.forEachOwner(span.from(), span.to(), (roundId, a, b) -> {
                Timeline.Split split = timeline.split(a, b, span.mode());
                shares.merge(roundId, new Audience.RoundViewing(row.roomId, roundId, row.viewerId, b - a,
                        split.live(), split.playback(), a, b - 1, Audience.NO_CAP, 0), Audience.RoundViewing::plus);
            });
        }
        return shares;
    }

    private void addRoundDelta(Audience.RoundViewing delta) {
        roundDeltas.merge(delta.roundId(), delta, Audience.RoundViewing::plus);
    }

    /** The room's first round started: what this group credited to round 0 is that round's. */
    void firstRoundStarted(long roundId) {
        Audience.RoundViewing preview = roundDeltas.remove(0L);
        if (preview != null) {
            addRoundDelta(preview.inRound(roundId));
        }
    }

    /** What this group changed in the viewer's rows of the room's rounds. */
    Collection<Audience.RoundViewing> roundDeltas() {
        return roundDeltas.values();
    }

    /** The minutes (epoch second of their start) in which this group credited the viewer's first second. */
    List<Long> newMinutes() {
        return newMinutes;
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
