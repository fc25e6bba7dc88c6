package io.watchtime.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchtime.server.web.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A caller who stops waiting and the writer never both get the same batch. */
class TicketTest {

    @Test
    void aBatchNotClaimedInTimeIsWithdrawnAndReportedNotApplied() {
        Ticket ticket = new Ticket(1, List.of());

        assertThatThrownBy(() -> ticket.await(0)).isInstanceOf(ApiException.class).hasMessageContaining("not applied");
        assertThat(ticket.claim()).as("the writer must skip a withdrawn batch").isFalse();
    }

    @Test
    void aClaimedBatchIsWaitedForPastTheTimeout() throws Exception {
        Ticket ticket = new Ticket(1, List.of());
        assertThat(ticket.claim()).isTrue();
        new Thread(() -> {
            sleep(300);
            ticket.done.complete(new IngestWriter.Outcome(3, 0));
        }).start();

        assertThat(ticket.await(1)).isEqualTo(new IngestWriter.Outcome(3, 0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
