package io.watchtime.protocol;

import java.util.List;

/** The path of every endpoint, written once for the server, the client and the benchmarks. */
public final class Paths {

    /** The seed API: every viewing record of the caller's account. */
    public static final String DURATION_LIST = "/Api/RoomRounds/getAccountUserDurationList/2.0.0";
    /** Events in: a batch of room and viewer events, answered once it is durable. */
    public static final String INGEST = "/ingest/v1/events";

    /** Nuoyun's sibling of the seed: one room's records, or one round's. */
    public static final String ROOM_DURATION_LIST = "/Api/RoomRounds/getRoomUserDurationList/2.0.0";
    /** Nuoyun: a room's viewers by device. */
    public static final String DEVICE_STATS = "/Api/RoomStat/deviceStatList/2.0.0";
    /** Ours: the account's rooms, most recently active first. */
    public static final String ROOM_LIST = "/Api/RoomStat/getRoomList/1.0.0";
    /** Ours: one room's totals, rounds, peak audience and stay distribution. */
    public static final String ROOM_SUMMARY = "/Api/RoomStat/getRoomSummary/1.0.0";
    /** Ours: one room's audience minute by minute. */
    public static final String ONLINE_SERIES = "/Api/RoomStat/getOnlineSeries/1.0.0";
    /** Ours: one room's viewers by province, store or inviter. */
    public static final String ROOM_RANKING = "/Api/RoomStat/getRoomRanking/1.0.0";
    /** Ours: the account's records by day of first visit. */
    public static final String ACCOUNT_TREND = "/Api/RoomStat/getAccountTrend/1.0.0";

    /** Every endpoint a key calls; each has its own rate-limit budget. */
    public static final List<String> API = List.of(DURATION_LIST, INGEST, ROOM_DURATION_LIST, DEVICE_STATS,
            ROOM_LIST, ROOM_SUMMARY, ONLINE_SERIES, ROOM_RANKING, ACCOUNT_TREND);

    private Paths() {
    }
}
