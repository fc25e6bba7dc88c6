package io.watchtime.server.viewing;

import static io.watchtime.server.support.Events.beat;
import static io.watchtime.server.support.Events.body;
import static io.watchtime.server.support.Events.enter;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.HttpTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code total} is kept between requests, yet a write shows in the very next answer: this node's writes carry
 * the kept count forward without counting again, and a write of another node makes it count again.
 */
class TotalCountsTest extends HttpTest {

    @Autowired
    private TotalCounts totals;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void thisNodesWritesCarryTheCountForwardWithoutCountingAgain() throws InterruptedException {
        TestAccount account = newAccount();
        long at = Instant.now().getEpochSecond() - 100;
        ingest(account.ingestKey(), body(List.of(enter(1, 7, "a", at, null))));
        long next = Instant.now().getEpochSecond() + 1;
        while (Instant.now().getEpochSecond() < next) {
            Thread.sleep(20); // the writes below get a later update_time than the first
        }
        String since = ",\"update_time_start\":" + next;
        assertThat(total(account, 0, "")).isEqualTo(1);
        assertThat(total(account, 0, since)).isEqualTo(0);
        long counts = totals.countsTaken();
        for (int viewer = 8; viewer < 13; viewer++) {
            ingest(account.ingestKey(), body(List.of(enter(1, viewer, "s" + viewer, at, null),
                    beat(1, 7, "a", at + viewer)))); // a new record, and one that moves in time
            assertThat(total(account, 0, "")).isEqualTo(viewer - 6);
            assertThat(total(account, 7, "")).isEqualTo(1);
            assertThat(total(account, 0, since)).as("changed since the first write").isEqualTo(viewer - 6);
        }
        assertThat(totals.countsTaken()).as("full counts while following five writes").isEqualTo(counts + 1);
    }

    @Test
    void aWriteOfAnotherNodeIsCountedAgain() {
        TestAccount account = newAccount();
        long at = Instant.now().getEpochSecond() - 100;
        ingest(account.ingestKey(), body(List.of(enter(1, 7, "a", at, null))));
        String until = ",\"update_time_end\":" + (Instant.now().getEpochSecond() + 3600);
        assertThat(total(account, 0, until)).isEqualTo(1);
        // What another node's writer does: a change and a version this node's log has never seen.
        jdbc.update("UPDATE viewings SET update_time = update_time + 7200 WHERE account_id = ?", account.id());
        jdbc.update("UPDATE account_versions SET version = version + 1 WHERE account_id = ?", account.id());
        assertThat(total(account, 0, until)).isEqualTo(0);
        assertThat(total(account, 0, "")).isEqualTo(1);
    }

    @Test
    void aKeptTotalFollowsEveryWriteAtOnce() {
        TestAccount account = newAccount();
        long at = Instant.now().getEpochSecond() - 100;
        ingest(account.ingestKey(), body(List.of(enter(1, 7, "a", at, null))));
        assertThat(total(account, 0)).isEqualTo(1);
        assertThat(total(account, 0)).as("asked again, nothing changed").isEqualTo(1);

        ingest(account.ingestKey(), body(List.of(enter(1, 8, "b", at, null))));
        assertThat(total(account, 0)).isEqualTo(2);
        assertThat(total(account, 7)).isEqualTo(1);

        ingest(account.ingestKey(), body(List.of(enter(2, 7, "c", at, null))));
        assertThat(total(account, 7)).isEqualTo(2);
        assertThat(total(account, 0)).isEqualTo(3);
    }

    private long total(TestAccount account, long viewer) {
        return total(account, viewer, "");
    }

    private long total(TestAccount account, long viewer, String filter) {
        Reply reply = list(account.readKey(), "{\"page\":1,\"page_size\":1,\"sort\":\"asc\",\"wechat_user_space_id\":"
                + viewer + filter + "}");
        return reply.json().get("data").get("total").asLong();
    }
}
