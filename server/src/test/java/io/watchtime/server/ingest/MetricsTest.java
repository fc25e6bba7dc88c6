package io.watchtime.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.Events;
import io.watchtime.server.support.HttpTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an operator scrapes: ingest's own meters and the request meters, in Prometheus' text format. */
class MetricsTest extends HttpTest {

    @Test
    void ingestAndRequestsShowInThePrometheusScrape() {
        TestAccount account = newAccount();
        long at = Instant.now().getEpochSecond() - 120;
        String batch = Events.body(List.of(Events.enter(5, 6, "m", at, null), Events.beat(5, 6, "m", at + 30)));
        double appliedBefore = value(scrape(), "watchtime_ingest_events_total\\{result=\"applied\"}");
        ingest(account.ingestKey(), batch);
        ingest(account.ingestKey(), batch); // the same again: ignored
        list(account.readKey(), "{\"page\":1,\"page_size\":1,\"sort\":\"asc\"}");

        String scrape = scrape();
        assertThat(value(scrape, "watchtime_ingest_events_total\\{result=\"applied\"}") - appliedBefore).isEqualTo(2);
        assertThat(value(scrape, "watchtime_ingest_events_total\\{result=\"ignored\"}")).isGreaterThanOrEqualTo(2);
        assertThat(scrape).contains("watchtime_ingest_queue_events ")
                .contains("watchtime_ingest_commit_seconds_bucket").contains("watchtime_ingest_lock_wait_seconds_count")
                .contains("watchtime_ingest_group_events_count").contains("hikaricp_connections_active")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\"[^}]*uri=\"/ingest/v1/events\"");
    }

    private String scrape() {
        Reply reply = send("GET", "/actuator/prometheus", Map.of(), null);
        assertThat(reply.status()).isEqualTo(200);
        return reply.raw().body();
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
