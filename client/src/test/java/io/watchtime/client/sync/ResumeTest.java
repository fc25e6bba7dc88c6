package io.watchtime.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.client.WatchtimeClient;
import io.watchtime.client.support.MemoryTarget;
import io.watchtime.client.support.TestServer;
import io.watchtime.client.support.Traffic;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * A sync killed part way (a crash in the target before it stores a batch, or an interrupt of the syncing
 * thread) resumes from the position it stored and ends with the same target as an uninterrupted sync.
 */
class ResumeTest {

    @Property(tries = 12)
    void anInterruptedSyncResumesToTheSameResult(@ForAll @LongRange(min = 1, max = 1_000_000_000) long seed,
                                                 @ForAll boolean cursor, @ForAll MemoryTarget.Failure how) {
        Random random = new Random(seed);
        TestServer server = TestServer.get(cursor ? TestServer.Kind.CURSOR : TestServer.Kind.NO_CURSOR);
        TestServer.TestAccount account = server.newAccount();
        Traffic traffic = new Traffic(server.client(account.ingestKey()).build(), seed);
        for (int i = random.nextInt(3); i >= 0; i--) {
            traffic.insert(50 + random.nextInt(200));
        }
        int pageSize = 3 + random.nextInt(40);
        WatchtimeClient client = server.client(account.readKey()).pageSize(pageSize).build();

        MemoryTarget whole = new MemoryTarget();
        SyncResult uninterrupted = new ViewingSync(client, whole).run();
        long total = whole.records().size();

        MemoryTarget broken = new MemoryTarget().failAfter(pageSize + random.nextInt((int) total - pageSize), how);
        try {
            new ViewingSync(client, broken).run();
        } catch (RuntimeException expected) {
            // the injected crash, or the sync noticing the interrupt
        } finally {
            Thread.interrupted();
        }
        SyncResult resumed = new ViewingSync(client, broken).run();

        assertThat(broken.records()).isEqualTo(whole.records());
        if (resumed.resumed()) {
            assertThat(resumed.records()).as("the resumed sync did not start over").isLessThan(uninterrupted.records());
        } else {
            // The failure hit the last batch after it was stored: the broken run had finished.
            assertThat(how).isEqualTo(MemoryTarget.Failure.INTERRUPT);
        }
    }
}
