package io.watchtime.server.launch;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The jar's entry point in a JVM of its own: the exit codes a shell sees, and the environment's settings. */
class MainProcessTest {

    private record Exit(int code, String out, String err) {
    }

    @Test
    void exitCodesAreZeroForHelpAndVersionTwoForBadUsage() throws Exception {
        assertThat(main(Map.of(), "--version").code()).isZero();
        assertThat(main(Map.of(), "help", "key").code()).isZero();
        Exit typo = main(Map.of(), "acount", "list");
        assertThat(typo.code()).isEqualTo(2);
        assertThat(typo.err().strip()).isEqualTo(
                "error: unknown command 'acount' (did you mean account?); see: watchtime-server.jar --help");
        assertThat(typo.out()).isEmpty();
    }

    @Test
    void anUnknownWatchtimeVariableIsRefusedByNameButTheClientsAreLeftAlone() throws Exception {
        Exit exit = main(Map.of("WATCHTIME_DATABSE_URL", "jdbc:sqlite:x.db", "WATCHTIME_KEY", "wt_x"), "account", "list");
        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.err().strip()).isEqualTo("error: unknown environment variable WATCHTIME_DATABSE_URL"
                + " (did you mean WATCHTIME_DATABASE_URL?); unset it, or see the README's Configuration table");
        assertThat(exit.out()).doesNotContain("\tat ");
    }

    private static Exit main(Map<String, String> environment, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ended").isTrue();
        return new Exit(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
