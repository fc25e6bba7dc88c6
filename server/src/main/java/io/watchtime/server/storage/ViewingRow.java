package io.watchtime.server.storage;

/**
 * One row of {@code viewings}, field for column (see {@link ViewingsTable}): the writer loads it, changes it and
 * saves it; the query reads it to answer. Plain data: the rules that change it live in {@code ingest.core}.
 */
public final class ViewingRow {

    public long accountId;
    public long roomId;
    public long viewerId;
    public String viewerName = "";
    public String viewerPhoto = "";
    public String thirdUuid = "";
    /** The three WeChat ids are all null while unknown. */
    public String wxAppid;
    public String wxOpenid;
    public String wxUnionid;
    public long stayDuration;
    public long liveDuration;
    public long playbackDuration;
    /** No second before this is credited again, whatever the session. */
    public long creditedUntil;
    /** The recent credited seconds and their modes, for corrections by late room events (ingest.core). */
    public String creditedSpans = "";
    /** The record's sessions, for the writer alone (ingest.core.OpenSessions). */
    public String openSessions = "";
    public String ip = "";
    public String area = "";
    public String device = "";
    /** 0 while unknown. */
    public long channelId;
    public String channelName = "";
    public String storeId = "";
    public long inviterId;
    public String inviterName = "";
    public long firstVisit;
    public long lastVisit;
    public long updateTime;

    public ViewingRow() {
    }

    public ViewingRow(long accountId, long roomId, long viewerId) {
        this.accountId = accountId;
        this.roomId = roomId;
        this.viewerId = viewerId;
    }
}
