package io.watchtime.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The server jar's command line: help, version, bad usage and what starts the server, in this JVM. */
class ServerCliTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help", "help account", "help key", "help serve", "account --help",
            "key create --help", "key --help", "serve --help", "account list --help"})
    void helpPrintsUsageAndExitsZeroWithoutStartingAnything(String line) {
        CliRun run = CliRun.of(line.split(" "));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Usage: watchtime-server.jar");
        assertThat(run.starts()).isEmpty();
    }

    @Test
    void theTopHelpNamesEveryCommandAndTheSettings() {
        assertThat(CliRun.of("--help").out()).contains("serve", "account", "key", "help", "--database", "--demo",
                "--server.port=8081", "~/.local/share/watchtime/watchtime.db");
    }

    @Test
    void versionNamesTheBuild() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("watchtime-server ").doesNotContain("@project.version@");
        assertThat(run.starts()).isEmpty();
    }

    @Test
    void unknownCommandsAndOptionsAreOneLineExitTwoWithTheNearest() {
        assertUsage(CliRun.of("acount", "list"), "unknown command 'acount' (did you mean account?)");
        assertUsage(CliRun.of("key", "crate"), "unknown command 'crate' (did you mean create?)");
        assertUsage(CliRun.of("sevre"), "unknown command 'sevre' (did you mean serve?)");
        assertUsage(CliRun.of("--port=8081", "account", "list"), "unknown option '--port=8081' (settings are");
        assertUsage(CliRun.of("serve", "--demoo"), "unknown option '--demoo' (did you mean --demo?)");
        assertUsage(CliRun.of("--watchtime.databse.url=jdbc:sqlite:x.db"),
                "unknown setting watchtime.databse.url (did you mean watchtime.database.url?)");
        assertUsage(CliRun.of("key", "create", "--account", "1"), "Missing required option: '--scope=<scope>'");
    }

    @Test
    void theServerStartsWithNoCommandServeOrDemoAndNothingElse() {
        assertThat(CliRun.of().starts()).containsExactly(List.of());
        assertThat(CliRun.of("serve").starts()).containsExactly(List.of());
        assertThat(CliRun.of("--demo").starts()).containsExactly(List.of("--demo"));
        assertThat(CliRun.of("serve", "--demo").starts()).containsExactly(List.of("--demo"));
        CliRun run = CliRun.of("--server.port=8081", "serve", "--watchtime.redis.url=redis://127.0.0.1:6379");
        assertThat(run.exitCode()).isEqualTo(ServerCli.SERVING);
        assertThat(run.starts()).containsExactly(List.of("--server.port=8081", "--watchtime.redis.url=redis://127.0.0.1:6379"));
    }

    @Test
    void databaseIsAFriendlyNameForTheSetting() {
        Path file = Path.of("target", "some.db").toAbsolutePath().normalize();
        assertThat(CliRun.of("--database", "target/some.db").starts())
                .containsExactly(List.of("--watchtime.database.url=jdbc:sqlite:" + file));
        assertThat(CliRun.of("serve", "--database=jdbc:postgresql://db:5432/wt").starts())
                .containsExactly(List.of("--watchtime.database.url=jdbc:postgresql://db:5432/wt"));
    }

    private static void assertUsage(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(message).contains("--help");
        assertThat(run.starts()).isEmpty();
    }
}
