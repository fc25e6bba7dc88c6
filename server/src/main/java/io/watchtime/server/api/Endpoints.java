package io.watchtime.server.api;

/** The API's paths, in one place for the controllers, the auth filter and the rate limiter. */
public final class Endpoints {

    public static final String DURATION_LIST = "/Api/RoomRounds/getAccountUserDurationList/2.0.0";
    public static final String INGEST = "/ingest/v1/events";

    private Endpoints() {
    }
}
