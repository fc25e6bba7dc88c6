package io.watchtime.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.watchtime.protocol.IngestAck;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A caller who stops waiting and the writer never both get the same batch. */
class TicketTest {

    @Test
    void aBatchNotClaimedInTimeIsWithdrawnAndReportedNotApplied() {
        Ticket ticket = new Ticket(1, List.of());

        assertThatThrownBy(() -> ticket.await(Duration.ZERO)).isInstanceOf(IngestFailure.class)
                .extracting(e -> ((IngestFailure) e).reason()).isEqualTo(IngestFailure.Reason.WITHDRAWN);
        assertThat(ticket.claim()).as("the writer must skip a withdrawn batch").isFalse();
    }

    @Test
    void aClaimedBatchIsWaitedForPastTheTimeout() throws Exception {
        Ticket ticket = new Ticket(1, List.of());
        assertThat(ticket.claim()).isTrue();
        new Thread(() -> {
            sleep(300);
            ticket.done.complete(new IngestAck(3, 3, 0));
        }).start();

        assertThat(ticket.await(Duration.ofSeconds(1))).isEqualTo(new IngestAck(3, 3, 0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
