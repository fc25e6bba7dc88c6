package io.watchtime.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.Paths;
import io.watchtime.server.support.MutableClock;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.HttpTest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * The default limit, 1000 accepted requests per account and endpoint in any 10 s, over real HTTP on a
 * clock the test moves (this class has its own server, since its clock is not the system's).
 */
@Import(MutableClock.AsBean.class)
class RateLimitTest extends HttpTest {

    private static final int LIMIT = 1000;
    private static final long WINDOW_MILLIS = 10_000;
    private static final String SMALL_PAGE = "{\"page\":1,\"page_size\":1,\"sort\":\"asc\"}";

    @Autowired
    private MutableClock clock;
    @Autowired
    private Clock appClock;

    private long start;

    /** Every test starts a minute after the last one, so that no window reaches back into another test. */
    @BeforeEach
    void moveOn() {
        clock.advance(Duration.ofMinutes(1));
        start = clock.millis();
    }

    @Test
    void theServerRunsOnTheTestClock() {
        assertThat(appClock).isSameAs(clock);
    }

    @Test
    void aThousandInOneWindowThenRetryAfterThenAcceptedAgain() {
        TestAccount a = newAccount();
        for (int i = 1; i <= LIMIT; i++) {
            assertAccepted(list(a.readKey(), SMALL_PAGE), i);
        }
        assertRefused(list(a.readKey(), SMALL_PAGE), 10);

        clock.set(start + WINDOW_MILLIS - 1);
        assertRefused(list(a.readKey(), SMALL_PAGE), 1);

        // The window is 10 s: requests made exactly 10 s ago no longer count.
        clock.set(start + WINDOW_MILLIS);
        assertAccepted(list(a.readKey(), SMALL_PAGE), 1);
        clock.set(start + WINDOW_MILLIS + 1);
        assertAccepted(list(a.readKey(), SMALL_PAGE), 2);
    }

    @Test
    void aClientPacingItselfAtTheLimitIsNeverRefused() {
        TestAccount a = newAccount();
        int perSecond = LIMIT / 10;
        for (int second = 0; second < 20; second++) {
            clock.set(start + second * 1000L);
            for (int i = 1; i <= perSecond; i++) {
                assertAccepted(list(a.readKey(), SMALL_PAGE), second * perSecond + i);
            }
        }
        // The log is full now: one more request in the same second is over the limit.
        assertRefused(list(a.readKey(), SMALL_PAGE), 1);
    }

    @Test
    void theLimitIsPerAccountAndPerEndpointHoweverThePathIsSpelled() {
        TestAccount a = newAccount();
        TestAccount b = newAccount();
        for (int i = 1; i <= LIMIT; i++) {
            assertAccepted(list(a.readKey(), SMALL_PAGE), i);
        }
        assertRefused(list(a.readKey(), SMALL_PAGE), 10);
        // Another key of the same account shares the account's limit ...
        assertRefused(list(a.adminKey(), SMALL_PAGE), 10);
        // ... while another account, and the same account's other endpoint, are untouched.
        assertAccepted(list(b.readKey(), SMALL_PAGE), 1);
        String beat = Events.body(List.of(Events.beat(1, 1, "s", clock.instant().getEpochSecond() - 10)));
        assertAccepted(post(INGEST_PATH, a.ingestKey(), "application/json", beat), 1);
        assertAccepted(post(INGEST_PATH, a.adminKey(), "application/json", beat), 2);
        // Spellings of the same path that Tomcat and Spring MVC route to the same endpoint share its limit.
        for (String path : List.of(LIST_PATH + ";x=1", "/Api;x=2/RoomRounds/getAccountUserDurationList/2.0.0",
                "/%41pi/RoomRounds/getAccountUserDurationList/2.0.0",
                "/Api/RoomRounds/getAccountUserDurationList/2%2E0%2E0")) {
            assertRefused(post(path, a.readKey(), "application/json", SMALL_PAGE), 10);
        }
    }

    @Test
    void eachRoomEndpointHasABudgetOfItsOwn() {
        TestAccount a = newAccount();
        String room = "{\"room_id\":1}";
        for (int i = 1; i <= LIMIT; i++) {
            assertAccepted(post(Paths.DEVICE_STATS, a.readKey(), "application/json", room), i);
        }
        assertRefused(post(Paths.DEVICE_STATS, a.readKey(), "application/json", room), 10);
        for (String other : List.of(Paths.ROOM_SUMMARY, Paths.ONLINE_SERIES)) {
            assertAccepted(post(other, a.readKey(), "application/json", room), 1);
        }
        assertAccepted(list(a.readKey(), SMALL_PAGE), 1);
    }

    private static void assertAccepted(Reply reply, int n) {
        assertThat(reply.status()).as("request %d: %s", n, reply.raw().body()).isEqualTo(200);
    }

    private static void assertRefused(Reply reply, long retryAfterSeconds) {
        assertThat(reply.status()).as(reply.raw().body()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isEqualTo(Long.toString(retryAfterSeconds));
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode json = reply.json();
        assertThat(json.get("code").asInt()).isEqualTo(429);
        assertThat(json.get("msg").asString()).contains("rate limit");
        assertThat(json.get("data").isNull()).isTrue();
    }
}
