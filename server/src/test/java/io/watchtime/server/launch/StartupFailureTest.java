package io.watchtime.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.support.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A start that fails is one or two lines on stderr naming the setting and what to do, exit 1, and no stack trace
 * anywhere on the console; the first log lines name version, port, database and limiter. Real starts, in this JVM.
 */
class StartupFailureTest {

    private final String database = "--database=" + TestDatabase.freshUrl("sqlite");

    @Test
    void aPortInUseNamesThePortAndTheSetting() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            CliRun run = CliRun.starting("serve", "--server.port=" + taken.getLocalPort(), database);
            assertFailure(run, "port " + taken.getLocalPort() + " is in use", "--server.port=" + (taken.getLocalPort() + 1));
        }
    }

    @Test
    void anUnreachableDatabaseNamesItsUrlAndTheSettings() {
        CliRun run = CliRun.starting("--database=jdbc:postgresql://127.0.0.1:1/wt?user=wt&password=secret");
        assertFailure(run, "cannot use the database jdbc:postgresql://127.0.0.1:1/wt?user=wt&password=***",
                "watchtime.database.url");
        assertThat(run.err()).doesNotContain("secret");
    }

    @Test
    void theAdminCommandsSayTheSame() {
        CliRun run = CliRun.of("account", "list", "--watchtime.database.url=jdbc:mariadb://127.0.0.1:1/wt");
        assertFailure(run, "cannot use the database jdbc:mariadb://127.0.0.1:1/wt", "watchtime.database.username");
    }

    @Test
    void anUnwritableSqliteFolderSaysSo() throws IOException {
        Path notAFolder = Files.createTempFile("watchtime", ".txt");
        CliRun run = CliRun.starting("--database=" + notAFolder.resolve("sub").resolve("watchtime.db"));
        assertFailure(run, "cannot create the database folder " + notAFolder.resolve("sub"), "--database=FILE");
    }

    @Test
    void aBadDurationNamesTheSettingAndHowToWriteIt() {
        CliRun run = CliRun.starting(database, "--watchtime.crediting.max-gap=sixty",
                "--logging.level.io.watchtime.server.settings=INFO");
        assertFailure(run, "watchtime.crediting.max-gap=sixty", "a duration like 500ms, 60s, 5m or 1h");
        // the first lines, written before the failure: what an operator checks first
        String file = database.substring("--database=jdbc:sqlite:".length());
        assertThat(run.out()).contains("Watchtime ", ", node ", ":8080 pid ", "database jdbc:sqlite:" + file,
                "(SQLite file " + file + ")", "rate limiter in-process");
    }

    @Test
    void aValueOutOfRangeSaysTheRange() {
        CliRun run = CliRun.starting(database, "--watchtime.ingest.writers=0");
        assertFailure(run, "the setting watchtime.ingest.writers=0 cannot be used; write a whole number from 1 to 64");
    }

    @Test
    void anUnsupportedUrlSaysWhichAreSupported() {
        CliRun run = CliRun.starting("--database=jdbc:oracle:thin:@db:1521/wt");
        assertFailure(run, "unsupported database URL jdbc:oracle:thin:@db:1521/wt", "jdbc:postgresql://");
    }

    private static void assertFailure(CliRun run, String... parts) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.errLines()).as(run.err()).hasSizeBetween(1, 2);
        assertThat(run.err()).startsWith("error: ").contains(parts);
        assertThat(run.out() + run.err()).as("no stack trace on the console")
                .doesNotContain("\tat ", "Caused by", "APPLICATION FAILED TO START", "Exception encountered");
    }
}
