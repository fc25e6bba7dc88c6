package io.watchtime.client;

import java.util.Map;
import java.util.Objects;

/** The headers that authenticate a request: a Watchtime key by default, any set for other servers of the contract. */
@FunctionalInterface
public interface Authentication {

    Map<String, String> headers();

    /** {@code Authorization: Bearer <key>}, how Watchtime authenticates. */
    static Authentication bearer(String apiKey) {
        Objects.requireNonNull(apiKey, "apiKey");
        if (apiKey.isBlank()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        Map<String, String> headers = Map.of("Authorization", "Bearer " + apiKey.trim());
        return () -> headers;
    }

    /** Fixed headers, for a server of the same contract that authenticates another way (app id and token...). */
    static Authentication headers(Map<String, String> headers) {
        Map<String, String> copy = Map.copyOf(headers);
        return () -> copy;
    }
}
