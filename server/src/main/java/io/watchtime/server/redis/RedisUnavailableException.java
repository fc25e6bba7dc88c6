package io.watchtime.server.redis;

/** Redis did not answer, now or in the last second; the caller falls back to its per-node way. */
public final class RedisUnavailableException extends RuntimeException {

    RedisUnavailableException(String address, Throwable cause) {
        super("Redis at " + address + (cause == null ? " did not answer within the last second"
                : " does not answer: " + cause.getMessage()), cause);
    }
}
