package io.watchtime.server.viewing;

import static io.watchtime.server.support.Events.body;
import static io.watchtime.server.support.Events.enter;
import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.HttpTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code total} is kept between requests, yet a write shows in the very next answer. */
class TotalsTest extends HttpTest {

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
        Reply reply = list(account.readKey(), "{\"page\":1,\"page_size\":1,\"sort\":\"asc\",\"wechat_user_space_id\":" + viewer + "}");
        return reply.json().get("data").get("total").asLong();
    }
}
