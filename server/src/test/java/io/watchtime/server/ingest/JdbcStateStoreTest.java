package io.watchtime.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.ingest.core.CoreHarness;
import io.watchtime.server.ingest.core.RandomStreams;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * The real writer on a real database (SQLite, PostgreSQL or MariaDB, as the run says) keeps exactly the state the
 * core keeps in memory: the SQL store loses, adds and reorders nothing, whatever the events.
 */
class JdbcStateStoreTest {

    private static final AtomicLong ACCOUNTS = new AtomicLong();
    private static WriterHarness writer;

    @BeforeContainer
    static void start() {
        writer = new WriterHarness();
    }

    @AfterContainer
    static void stop() {
        writer.close();
    }

    @Property(tries = 25)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // checked by mostStreamsCredit; no table in the log
    void theDatabaseHoldsWhatTheCoreComputes(@ForAll long seed) {
        long account = ACCOUNTS.incrementAndGet();
        CoreHarness memory = new CoreHarness();
        for (List<IngestEvent> batch : RandomStreams.batches(seed)) {
            assertThat(writer.ingest(account, batch)).isEqualTo(memory.ingest(account, batch));
        }
        assertThat(writer.dump(account)).isEqualTo(memory.dump(account)).isNotEmpty();
        assertThat(writer.dumpAudience(account)).isEqualTo(memory.dumpAudience(account));
        mostStreamsCredit(memory.dumpAudience(account));
    }

    /**
     * Late room events move seconds between rounds and merge a room's preview into its first round: the upserts
     * add up in SQL as in memory, capped last visits and deleted rows included.
     */
    @Property(tries = 15)
    @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
    void roundRowsAndMinutesAddUpInTheDatabaseAsInMemory(@ForAll long seed) {
        long account = ACCOUNTS.incrementAndGet();
        CoreHarness memory = new CoreHarness();
        for (List<IngestEvent> batch : RandomStreams.lateRoomEvents(RandomStreams.batches(seed), new Random(seed))) {
            writer.ingest(account, batch);
            memory.ingest(account, batch);
        }
        assertThat(writer.dumpAudience(account)).isEqualTo(memory.dumpAudience(account));
        mostStreamsCredit(memory.dumpAudience(account));
    }

    /**
     * A stream may credit nothing (seed 753: 20 events, none of them a second beat within max_gap), and then there
     * is no round row to compare; most streams must credit, or the property would compare empty tables.
     */
    private static void mostStreamsCredit(String audience) {
        Statistics.label("streams that credit seconds").collect(!audience.isEmpty())
                .coverage(coverage -> coverage.check(true).percentage(p -> p >= 50));
    }
}
