package io.watchtime.protocol;

/** The path of every endpoint, written once for the server, the client and the benchmarks. */
public final class Paths {

    /** The seed API: every viewing record of the caller's account. */
    public static final String DURATION_LIST = "/Api/RoomRounds/getAccountUserDurationList/2.0.0";
    /** Events in: a batch of room and viewer events, answered once it is durable. */
    public static final String INGEST = "/ingest/v1/events";

    private Paths() {
    }
}
