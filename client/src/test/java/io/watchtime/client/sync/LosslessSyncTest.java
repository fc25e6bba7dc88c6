package io.watchtime.client.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.client.WatchtimeClient;
import io.watchtime.client.support.MemoryTarget;
import io.watchtime.client.support.MemoryTarget.Key;
import io.watchtime.client.support.TestServer;
import io.watchtime.client.support.Traffic;
import io.watchtime.client.viewing.ViewingFilter;
import io.watchtime.protocol.ViewingRecord;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Against the real server while a writer keeps inserting and updating records through the real ingest
 * endpoint during the pull: after each sync the target holds every record as it was before the sync began,
 * or a newer version of it. Several syncs in a row, so the watermark and overlap are exercised too.
 */
class LosslessSyncTest {

    @Property(tries = 15)
    void nothingIsMissingWithTheCursor(@ForAll @LongRange(min = 1, max = 1_000_000_000) long seed) {
        check(TestServer.Kind.CURSOR, seed, "cursor");
    }

    @Property(tries = 15)
    void nothingIsMissingWithWindowsWhenTheServerHasNoCursor(@ForAll @LongRange(min = 1, max = 1_000_000_000) long seed) {
        check(TestServer.Kind.NO_CURSOR, seed, "windows");
    }

    private static void check(TestServer.Kind kind, long seed, String expectedStrategy) {
        Random random = new Random(seed);
        TestServer server = TestServer.get(kind);
        TestServer.TestAccount account = server.newAccount();
        Traffic traffic = new Traffic(server.client(account.ingestKey()).build(), seed);
        for (int i = random.nextInt(4); i >= 0; i--) {
            traffic.insert(20 + random.nextInt(200));
        }
        WatchtimeClient syncing = server.client(account.readKey()).pageSize(3 + random.nextInt(60)).build();
        Duration overlap = Duration.ofSeconds(new long[] {0, 1, 120}[random.nextInt(3)]);
        MemoryTarget target = new MemoryTarget();
        for (int round = 0; round < 3; round++) {
            Map<Key, ViewingRecord> before = everything(server, account);
            int batches = random.nextInt(25);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                for (int i = 0; i < batches; i++) {
                    traffic.step();
                }
            });
            SyncResult result = new ViewingSync(syncing, target, overlap).run();
            writer.join();

            assertThat(result.strategy()).isEqualTo(expectedStrategy);
            Map<Key, ViewingRecord> held = target.records();
            for (ViewingRecord old : before.values()) {
                ViewingRecord now = held.get(Key.of(old));
                assertThat(now).as("round %d: record %s", round, Key.of(old)).isNotNull();
                assertThat(now.updateTime()).as("round %d, update_time of %s; delivered: %s", round, Key.of(old),
                        target.deliveriesOf(Key.of(old))).isGreaterThanOrEqualTo(old.updateTime());
                assertThat(now.stayDuration()).as("round %d, stay of %s; before: %s; delivered: %s", round, Key.of(old),
                        old, target.deliveriesOf(Key.of(old))).isGreaterThanOrEqualTo(old.stayDuration());
            }
        }
    }

    /** The account's records, read while nothing writes (so any walk is exact). */
    static Map<Key, ViewingRecord> everything(TestServer server, TestServer.TestAccount account) {
        try (var records = server.client(account.readKey()).build().viewings().all(ViewingFilter.ALL)) {
            return records.collect(Collectors.toMap(Key::of, Function.identity()));
        }
    }
}
