package io.watchtime.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.client.RateLimit;
import io.watchtime.client.RetryPolicy;
import io.watchtime.client.WatchtimeClient;
import io.watchtime.client.support.FakeTime;
import io.watchtime.client.support.TestServer;
import io.watchtime.protocol.DurationListRequest;
import io.watchtime.protocol.Sort;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Client and server on one fake clock: the client's waits move it, the server's limiter reads it. */
class PacingTest {

    private static final DurationListRequest SMALL_PAGE = new DurationListRequest(1, 1, Sort.ASC, 0, 0, 0);

    private final TestServer server = TestServer.get(TestServer.Kind.FAKE_CLOCK);
    private final FakeTime time = server.fakeTime();

    @Test
    void aClientPacingAtTheLimitFor30SecondsIsNeverRefused() {
        time.advance(60_000); // no window of an earlier test reaches here
        // Giving up at once turns any 429 into a failure of this test.
        WatchtimeClient client = server.client(server.newAccount().readKey())
                .retryPolicy(RetryPolicy.DEFAULT.withGiveUpAfter(Duration.ZERO)).build();
        long start = time.millis();
        int requests = 0;
        while (time.millis() - start < 30_000) {
            client.viewings().page(SMALL_PAGE);
            requests++;
        }
        assertThat(client.stats().refused()).isZero();
        assertThat(requests).as("three full windows").isGreaterThanOrEqualTo(3000);
        assertThat(client.stats().requests()).isEqualTo(requests);
    }

    @Test
    void aClientToldToGoFasterIsRefusedAndRecoversByRetryAfter() {
        time.advance(60_000);
        WatchtimeClient client = server.client(server.newAccount().readKey())
                .rateLimit(new RateLimit(1500, Duration.ofSeconds(10))).build();
        long start = time.millis();
        for (int i = 0; i < 1500; i++) {
            assertThat(client.viewings().page(SMALL_PAGE).total()).isZero();
        }
        // 1000 go through at once; the 1001st is refused with Retry-After 10, waited for, and accepted.
        assertThat(client.stats().refused()).isEqualTo(1);
        assertThat(client.stats().retried()).isEqualTo(1);
        assertThat(time.millis() - start).isEqualTo(10_000);
    }
}
