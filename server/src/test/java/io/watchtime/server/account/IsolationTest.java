package io.watchtime.server.account;

import io.watchtime.protocol.EnterProfile;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.EventType;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.WatchMode;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.HttpTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * No data of one account is ever visible to, or writable by, another: the account of a request comes
 * from its API key alone. Also: revoked keys and keys without the needed scope are refused.
 */
class IsolationTest extends HttpTest {

    private static final long SHARED_ROOM = 501;
    private static final long ONLY_A_ROOM = 502;
    private static final long SHARED_VIEWER = 9_000_000_001L;
    private static final long ONLY_A_VIEWER = 9_000_000_002L;
    private static final long ONLY_B_VIEWER = 9_000_000_003L;
    private static final String ALL = "{\"page\":1,\"page_size\":500,\"sort\":\"asc\"}";

    private TestAccount a;
    private TestAccount b;

    /**
     * A: the shared room is live, its viewer there watches 30 s live; plus a viewer and a room of its own.
     * B: the same room id (never started in B) and viewer id, with another name and 50 s; plus a viewer of its own.
     */
    @BeforeEach
    void twoAccountsWithOverlappingIds() {
        a = newAccount();
        b = newAccount();
        long t0 = Instant.now().getEpochSecond() - 3600;
        ingest(a.ingestKey(), Events.body(List.of(
                IngestEvent.roomStart(SHARED_ROOM, 1, t0),
                enter(SHARED_ROOM, SHARED_VIEWER, "a1", t0 + 10, "alice@A"),
                Events.beat(SHARED_ROOM, SHARED_VIEWER, "a1", t0 + 40),
                enter(SHARED_ROOM, ONLY_A_VIEWER, "a2", t0 + 10, "carol@A"),
                Events.beat(SHARED_ROOM, ONLY_A_VIEWER, "a2", t0 + 25),
                enter(ONLY_A_ROOM, SHARED_VIEWER, "a3", t0 + 10, "alice@A"),
                Events.beat(ONLY_A_ROOM, SHARED_VIEWER, "a3", t0 + 20))));
        ingest(b.ingestKey(), Events.body(List.of(
                enter(SHARED_ROOM, SHARED_VIEWER, "b1", t0 + 10, "bob@B"),
                Events.beat(SHARED_ROOM, SHARED_VIEWER, "b1", t0 + 60),
                enter(SHARED_ROOM, ONLY_B_VIEWER, "b2", t0 + 10, "dave@B"),
                Events.beat(SHARED_ROOM, ONLY_B_VIEWER, "b2", t0 + 15))));
    }

    @Test
    void eachReadKeySeesOnlyItsOwnRecordsAndTotals() {
        assertThat(records(a.readKey(), ALL)).containsExactlyInAnyOrder(
                row(SHARED_ROOM, SHARED_VIEWER, "alice@A", 30, 30),
                row(SHARED_ROOM, ONLY_A_VIEWER, "carol@A", 15, 15),
                row(ONLY_A_ROOM, SHARED_VIEWER, "alice@A", 10, 0));
        assertThat(total(a.readKey(), ALL)).isEqualTo(3);

        // Room 501 is live in A only: B's viewer there gets no live seconds from A's round.
        assertThat(records(b.readKey(), ALL)).containsExactlyInAnyOrder(
                row(SHARED_ROOM, SHARED_VIEWER, "bob@B", 50, 0),
                row(SHARED_ROOM, ONLY_B_VIEWER, "dave@B", 5, 0));
        assertThat(total(b.readKey(), ALL)).isEqualTo(2);
    }

    @Test
    void filteringOnAViewerOfTheOtherAccountFindsNothing() {
        for (String body : List.of(viewerFilter(ONLY_B_VIEWER), viewerFilter(ONLY_B_VIEWER).replace("asc", "desc"))) {
            JsonNode data = list(a.readKey(), body).json().get("data");
            assertThat(data.get("total").asLong()).isZero();
            assertThat(data.get("list").isArray()).isTrue();
            assertThat(data.get("list").isEmpty()).isTrue();
        }
        JsonNode data = list(b.readKey(), viewerFilter(ONLY_A_VIEWER)).json().get("data");
        assertThat(data.get("total").asLong()).isZero();
        assertThat(data.get("list").isEmpty()).isTrue();

        // A viewer id both accounts have: each sees its own data only.
        assertThat(records(a.readKey(), viewerFilter(SHARED_VIEWER))).containsExactlyInAnyOrder(
                row(SHARED_ROOM, SHARED_VIEWER, "alice@A", 30, 30),
                row(ONLY_A_ROOM, SHARED_VIEWER, "alice@A", 10, 0));
        assertThat(total(a.readKey(), viewerFilter(SHARED_VIEWER))).isEqualTo(2);
        assertThat(records(b.readKey(), viewerFilter(SHARED_VIEWER))).containsExactly(
                row(SHARED_ROOM, SHARED_VIEWER, "bob@B", 50, 0));
        assertThat(total(b.readKey(), viewerFilter(SHARED_VIEWER))).isEqualTo(1);
    }

    @Test
    void anIngestKeyWritesIntoItsOwnAccountWhateverTheRequestSays() {
        List<String> bBefore = records(b.readKey(), ALL);
        long t1 = Instant.now().getEpochSecond() - 1800;

        // Try to name account B in the query string, the body and the event: all are ignored.
        ObjectNode body = (ObjectNode) JSON.readTree(Events.body(List.of(
                enter(SHARED_ROOM, ONLY_B_VIEWER, "intruder", t1, "intruder"),
                Events.beat(SHARED_ROOM, ONLY_B_VIEWER, "intruder", t1 + 40),
                enter(SHARED_ROOM, SHARED_VIEWER, "intruder", t1, "intruder"),
                Events.beat(SHARED_ROOM, SHARED_VIEWER, "intruder", t1 + 40))));
        body.put("account_id", b.id());
        body.put("accountId", b.id());
        for (JsonNode event : body.get("events")) {
            ((ObjectNode) event).put("account_id", b.id());
        }
        Reply reply = post(INGEST_PATH + "?account_id=" + b.id() + "&accountId=" + b.id(), a.ingestKey(),
                "application/json", JSON.writeValueAsString(body));
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        assertThat(reply.json().get("data").get("applied").asInt()).isEqualTo(4);

        assertThat(records(b.readKey(), ALL)).isEqualTo(bBefore);
        assertThat(total(b.readKey(), ALL)).isEqualTo(2);
        // The events landed in A: a new record for B's viewer id, and 40 more seconds on A's shared record
        // (the "intruder" enter renames A's viewer, being the latest enter).
        assertThat(records(a.readKey(), ALL)).containsExactlyInAnyOrder(
                row(SHARED_ROOM, SHARED_VIEWER, "intruder", 70, 70),
                row(SHARED_ROOM, ONLY_A_VIEWER, "carol@A", 15, 15),
                row(ONLY_A_ROOM, SHARED_VIEWER, "alice@A", 10, 0),
                row(SHARED_ROOM, ONLY_B_VIEWER, "intruder", 40, 40));
        assertThat(total(a.readKey(), ALL)).isEqualTo(4);
    }

    @Test
    void aRevokedKeyGets401WithTheJsonErrorBody() {
        ApiKeys.CreatedKey read = apiKeys.create(a.id(), Scope.READ, "to revoke");
        ApiKeys.CreatedKey admin = apiKeys.create(a.id(), Scope.ADMIN, "to revoke");
        assertThat(list(read.secret(), ALL).status()).isEqualTo(200);
        assertThat(post(INGEST_PATH, admin.secret(), "application/json", oneBeat()).status()).isEqualTo(200);

        assertThat(apiKeys.revoke(read.info().id())).isTrue();
        assertThat(apiKeys.revoke(admin.info().id())).isTrue();
        assertThat(apiKeys.revoke(admin.info().id())).as("revoking twice").isFalse();

        assertError(list(read.secret(), ALL), 401);
        assertError(list(admin.secret(), ALL), 401);
        assertError(post(INGEST_PATH, admin.secret(), "application/json", oneBeat()), 401);
        // The account's other keys go on working.
        assertThat(list(a.readKey(), ALL).status()).isEqualTo(200);
        assertThat(post(INGEST_PATH, a.ingestKey(), "application/json", oneBeat()).status()).isEqualTo(200);
    }

    @Test
    void unknownOrMissingKeysGet401() {
        assertError(list("wt_" + "x".repeat(43), ALL), 401);
        assertError(list(null, ALL), 401);
        assertError(post(INGEST_PATH, null, "application/json", oneBeat()), 401);
    }

    @Test
    void aKeyWithoutTheScopeGets403AndAnAdminKeyWorksOnBoth() {
        assertError(list(a.ingestKey(), ALL), 403);
        assertError(post(INGEST_PATH, a.readKey(), "application/json", oneBeat()), 403);

        Reply read = list(a.adminKey(), ALL);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("data").get("total").asLong()).isEqualTo(3);
        Reply write = post(INGEST_PATH, a.adminKey(), "application/json", oneBeat());
        assertThat(write.status()).as(write.raw().body()).isEqualTo(200);
        assertThat(write.json().get("code").asInt()).isEqualTo(200);
    }

    /** Tomcat and Spring MVC decode {@code %41} and drop {@code ;x=1}: such spellings reach the same endpoints. */
    @Test
    void anotherSpellingOfAPathNeedsTheSameKeyAndScope() {
        String encodedList = "/%41pi/RoomRounds/getAccountUserDurationList/2.0.0";
        String parameterisedList = "/Api;x=1/RoomRounds/getAccountUserDurationList/2.0.0";
        String encodedIngest = "/%69ngest/v1/events";
        assertError(post(encodedList, null, "application/json", ALL), 401);
        assertError(post(parameterisedList, null, "application/json", ALL), 401);
        assertError(post(encodedIngest, null, "application/json", oneBeat()), 401);
        assertError(post(encodedList, a.ingestKey(), "application/json", ALL), 403);
        assertError(post(encodedIngest, a.readKey(), "application/json", oneBeat()), 403);

        Reply own = post(encodedList, a.readKey(), "application/json", ALL);
        assertThat(own.status()).as(own.raw().body()).isEqualTo(200);
        assertThat(own.json().get("data").get("total").asLong()).isEqualTo(3);
    }

    private static void assertError(Reply reply, int status) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode json = reply.json();
        assertThat(json.get("code").asInt()).isEqualTo(status);
        assertThat(json.get("msg").asString()).isNotBlank();
        assertThat(json.get("data").isNull()).isTrue();
        assertThat(json.size()).isEqualTo(3);
    }

    /** A first heartbeat of viewer 77 in the shared room: accepted (it adds that viewer's record to the account). */
    private static String oneBeat() {
        return Events.body(List.of(Events.beat(SHARED_ROOM, 77, "probe", Instant.now().getEpochSecond() - 60)));
    }

    private static String viewerFilter(long viewer) {
        return "{\"page\":1,\"page_size\":500,\"sort\":\"asc\",\"wechat_user_space_id\":" + viewer + "}";
    }

    private long total(String key, String body) {
        Reply reply = list(key, body);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        return reply.json().get("data").get("total").asLong();
    }

    /** The records a key sees, each as "room/viewer/name/stay/live". */
    private List<String> records(String key, String body) {
        Reply reply = list(key, body);
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode r : reply.json().get("data").get("list")) {
            rows.add(row(r.get("room_id").asLong(), r.get("wechat_user_space_id").asLong(),
                    r.get("wechat_user_name").asString(), r.get("stay_duration").asLong(),
                    r.get("live_duration").asLong()));
        }
        return rows;
    }

    private static String row(long room, long viewer, String name, long stay, long live) {
        return room + "/" + viewer + "/" + name + "/" + stay + "/" + live;
    }

    private static IngestEvent enter(long room, long viewer, String session, long at, String name) {
        return IngestEvent.enter(room, viewer, session, at, WatchMode.LIVE,
                EnterProfile.builder().wechatUserName(name).build());
    }
}
