package io.watchtime.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.HttpTest.Reply;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks of the contract's envelope, shared by the API tests. */
public final class Replies {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Replies() {
    }

    public static List<String> fieldNames(JsonNode object) {
        return new ArrayList<>(object.propertyNames());
    }

    /**
     * The body is the contract's envelope, {@code {"code","msg","data"}} in that order with code equal to the
     * HTTP status, a JSON media type, and nothing of a framework's error page or a stack trace. Returns the body.
     */
    public static JsonNode assertEnvelope(Reply reply) {
        String body = reply.raw().body();
        String context = "HTTP " + reply.status() + " " + body;
        assertThat(body).as(context).doesNotContain("Exception").doesNotContain("at io.")
                .doesNotContainIgnoringCase("<html").doesNotContain("\tat ");
        assertThat(reply.header("Content-Type")).as(context).startsWith("application/json");
        JsonNode json = JSON.readTree(body);
        assertThat(json.isObject()).as(context).isTrue();
        assertThat(fieldNames(json)).as(context).containsExactly("code", "msg", "data");
        assertThat(json.get("code").isIntegralNumber()).as(context).isTrue();
        assertThat(json.get("code").asInt()).as(context).isEqualTo(reply.status());
        assertThat(json.get("msg").isString()).as(context).isTrue();
        return json;
    }

    /** A failure: the given status, {@code data: null}, and a msg that contains each of the fragments. */
    public static JsonNode assertError(Reply reply, int status, String... msgFragments) {
        JsonNode json = assertEnvelope(reply);
        String context = "HTTP " + reply.status() + " " + reply.raw().body();
        assertThat(reply.status()).as(context).isEqualTo(status);
        assertThat(json.get("data").isNull()).as(context).isTrue();
        assertThat(json.get("msg").asString()).as(context).isNotBlank();
        for (String fragment : msgFragments) {
            assertThat(json.get("msg").asString()).as(context).contains(fragment);
        }
        return json;
    }

    /** A success: HTTP 200, {@code "msg":"Success"}; returns {@code data}. */
    public static JsonNode assertSuccess(Reply reply) {
        JsonNode json = assertEnvelope(reply);
        String context = "HTTP " + reply.status() + " " + reply.raw().body();
        assertThat(reply.status()).as(context).isEqualTo(200);
        assertThat(json.get("msg").asString()).as(context).isEqualTo("Success");
        assertThat(json.get("data").isObject()).as(context).isTrue();
        return json.get("data");
    }
}
