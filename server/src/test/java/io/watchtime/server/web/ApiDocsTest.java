package io.watchtime.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.HttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/** /v3/api-docs is open to all, describes every endpoint, and names exactly the fields the real answers carry. */
class ApiDocsTest extends HttpTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping") // the application's controllers, not the actuator's
    private RequestMappingHandlerMapping mappings;

    private JsonNode docs() {
        Reply reply = send("GET", "/v3/api-docs", Map.of(), null);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        return reply.json();
    }

    private JsonNode schema(String name) {
        return docs().at("/components/schemas/" + name);
    }

    private Set<String> properties(String schema) {
        return new TreeSet<>(schema(schema).get("properties").propertyNames());
    }

    @Test
    void servedWithoutAKeyAndNamesTheVersion() {
        JsonNode docs = docs();
        assertThat(docs.get("openapi").asString()).startsWith("3.");
        assertThat(docs.at("/info/version").asString()).isNotBlank().doesNotContain("filled in");
    }

    @Test
    void everyEndpointOfTheServerIsDescribed() {
        Set<String> documented = new TreeSet<>(docs().get("paths").propertyNames());
        List<String> served = new ArrayList<>();
        mappings.getHandlerMethods().keySet().forEach(info -> served.addAll(info.getPatternValues()));
        served.remove("/error"); // Spring's error dispatch, not an endpoint a client calls
        served.removeIf(path -> path.equals("/") || path.startsWith("/console")); // the console's pages, for people
        assertThat(documented).containsAll(served).contains("/actuator/health", "/actuator/health/readiness");
        for (String path : documented) {
            if (path.startsWith("/actuator/")) {
                assertThat(send("GET", path, Map.of(), null).json().has("status")).as(path).isTrue();
            }
        }
    }

    @Test
    void theRecordsFieldsAreTheRealAnswersWithTheSeedsDescriptions() {
        TestAccount account = newAccount();
        ingest(account.ingestKey(), """
                {"events":[{"type":"room_start","room_id":7,"at":1700000000},
                 {"type":"enter","room_id":7,"wechat_user_space_id":8,"session_id":"s","at":1700000010,"ip":"123.52.16.175"},
                 {"type":"leave","room_id":7,"wechat_user_space_id":8,"session_id":"s","at":1700000040}]}""");
        JsonNode ack = post(INGEST_PATH, account.ingestKey(), "application/json", """
                {"events":[{"type":"room_start","room_id":7,"at":1700000000}]}""").json();
        assertThat(fieldsOf(ack)).isEqualTo(properties("IngestResponse"));
        assertThat(fieldsOf(ack.get("data"))).isEqualTo(properties("IngestAck"));

        // every documented request field is accepted, and the page has exactly the documented fields
        JsonNode page = list(account.readKey(), """
                {"page":1,"page_size":10,"sort":"desc","update_time_start":0,"update_time_end":0,"wechat_user_space_id":8}""")
                .json();
        assertThat(fieldsOf(page)).isEqualTo(properties("DurationListResponse"));
        Set<String> pageFields = properties("DurationList");
        pageFields.remove("next_cursor");
        assertThat(fieldsOf(page.get("data"))).isEqualTo(pageFields);
        JsonNode record = page.at("/data/list/0");
        assertThat(fieldsOf(record)).isEqualTo(properties("ViewingRecord"));
        assertThat(new TreeSet<>(iterable(schema("ViewingRecord").get("required")))).isEqualTo(fieldsOf(record));
        assertThat(fieldsOf(record.get("channel_info"))).isSubsetOf(properties("ChannelInfo"));

        JsonNode walk = list(account.readKey(), "{\"page\":1,\"page_size\":10,\"sort\":\"asc\",\"cursor\":\"\"}").json();
        assertThat(fieldsOf(walk.get("data"))).isEqualTo(properties("DurationList"));
        assertThat(properties("DurationListRequest")).contains("cursor");

        JsonNode fields = schema("ViewingRecord").get("properties");
        assertThat(fields.at("/stay_duration/description").asString()).contains("在线时长(秒)");
        assertThat(fields.at("/room_id/description").asString()).contains("直播间ID");
        assertThat(fields.at("/update_time/description").asString()).contains("Extension");
        assertThat(schema("DurationListRequest").at("/properties/page_size/description").asString())
                .contains("一页显示多少");
    }

    @Test
    void errorsAndTheLimitAreDescribedAsTheyAre() {
        JsonNode refused = post(LIST_PATH, "wt_unknown", "application/json", "{}").json();
        assertThat(fieldsOf(refused)).isEqualTo(properties("Error"));
        JsonNode operation = docs().at("/paths/" + LIST_PATH.replace("/", "~1") + "/post");
        assertThat(operation.get("responses").propertyNames()).contains("200", "400", "401", "403", "413", "429", "503");
        assertThat(operation.get("description").asString()).contains("1000 requests per account and endpoint in any 10 s",
                "\"cursor\":\"\"", "next_cursor");
        assertThat(docs().at("/components/responses/TooManyRequests/headers").has("Retry-After")).isTrue();
    }

    private static Set<String> fieldsOf(JsonNode object) {
        return new TreeSet<>(object.propertyNames());
    }

    private static List<String> iterable(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
