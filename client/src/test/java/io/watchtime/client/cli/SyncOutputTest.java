package io.watchtime.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.client.support.TargetDatabase;
import io.watchtime.client.support.TestServer;
import io.watchtime.client.support.Traffic;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** What {@code sync} says: one summary line, numbers as plain digits (a timestamp is no amount). */
class SyncOutputTest {

    @Test
    void aSyncPrintsOneSummaryAndNoNumberWithSeparators() throws Exception {
        TestServer server = TestServer.get(TestServer.Kind.CURSOR);
        TestServer.TestAccount account = server.newAccount();
        new Traffic(server.client(account.ingestKey()).build(), 3).insert(20);
        TargetDatabase db = TargetDatabase.create(TargetDatabase.Kind.POSTGRESQL);

        // The SDK logs through java.util.logging, which the real jar prints on stderr beside the summary.
        List<String> logged = new CopyOnWriteArrayList<>();
        Logger sdk = Logger.getLogger("io.watchtime.client");
        Level before = sdk.getLevel();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record.getLevel() + " " + new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        sdk.setLevel(Level.ALL);
        sdk.addHandler(capture);
        CliRun run;
        try {
            run = CliRun.of("sync", "--url", server.baseUrl(), "--key", account.readKey(), "--jdbc-url", db.url(),
                    "--table", "wt_viewings");
        } finally {
            sdk.removeHandler(capture);
            sdk.setLevel(before);
        }

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err().lines().toList()).singleElement().asString()
                .contains("synced 20 records").matches(".*update_time [0-9]{10}$");
        assertThat(logged).as("the SDK's own account of the run is for debugging only")
                .allSatisfy(line -> assertThat(line).matches("(FINE|FINER|FINEST|CONFIG) .*"))
                .anySatisfy(line -> assertThat(line).contains("sync done"));
        assertThat(String.join("\n", logged) + run.err()).doesNotContainPattern("[0-9],[0-9]{3}");
    }
}
