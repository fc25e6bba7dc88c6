package io.watchtime.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** picocli's conventions, as an operator meets them in the first minutes: help, version, typos. No server needed. */
class CliUsageTest {

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help", "export --help", "export -h", "help export", "sync --help",
            "help sync", "export --format csv --help", "sync --table t --help"})
    void helpPrintsUsageAndExitsZeroEvenWithoutRequiredOptions(String line) {
        CliRun run = CliRun.of(line.split(" "));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        String command = line.contains("export") ? "export" : line.contains("sync") ? "sync" : "";
        assertThat(run.out()).startsWith(("Usage: watchtime-client " + command).strip());
        if (command.equals("export")) {
            assertThat(run.out()).contains("--format", "--out", "standard output", "update_time");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "-V", "export --version", "sync -V"})
    void versionPrintsTheBuildsVersion(String line) {
        CliRun run = CliRun.of(line.split(" "));

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).matches("(?s)watchtime-client [0-9]+\\.[0-9]+\\.[0-9]+\\S*\\RJava .*");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "export --fromat csv --out x.csv | Unknown option: '--fromat' (did you mean --format?); see: watchtime-client export --help",
            "export --format csv --out x.csv --sinse 2025-09-16 | Unknown option: '--sinse' (did you mean --since?)",
            "sync --jdbc-url jdbc:postgresql://h/d --tabel t | Unknown option: '--tabel' (did you mean --table?)",
            "exprot --format csv | Unknown command: 'exprot' (did you mean export?); see: watchtime-client --help",
            "sycn | Unknown command: 'sycn' (did you mean sync?)",
            "export --format csv --out x.csv extra | Unexpected argument: 'extra'",
            "export --format csv --out x.csv --bogus | Unknown option: '--bogus'; see: watchtime-client export --help"})
    void anUnknownWordExitsTwoWithOneLineNamingItAndTheNearestValidOne(String line, String says) {
        CliRun run = CliRun.of(line.strip().split(" "));

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains(says.strip());
        assertThat(run.data()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"export --out x.csv", "export --format csv --out x.csv --time-zone Mars/Olympus"})
    void otherBadUsageIsOneLineToo(String line) {
        CliRun run = CliRun.of(line.split(" "));

        assertThat(run.exit()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith("error: ").contains("see: watchtime-client export --help");
    }
}
