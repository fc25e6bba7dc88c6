package io.watchtime.client.http;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client's one JSON mapper, for requests, answers and the JSON-lines export, so the contract's records read
 * and write the same everywhere. Unknown properties are ignored: a server that adds fields (an extension, a newer
 * version of the contract) must not break an older client.
 */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }
}
