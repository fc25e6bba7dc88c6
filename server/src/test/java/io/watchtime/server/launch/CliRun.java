package io.watchtime.server.launch;

import io.watchtime.server.WatchtimeApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One run of the jar's command line in this JVM, with what it printed and the server starts it asked for. */
public record CliRun(int exitCode, String out, String err, List<List<String>> starts) {

    /** A run in which {@code serve} only records its settings. */
    public static CliRun of(String... args) {
        List<List<String>> starts = new ArrayList<>();
        return run(args, (settings, check) -> starts.add(List.of(settings)), starts);
    }

    /** A run in which {@code serve} really starts the server (the tests use it for starts that fail). */
    static CliRun starting(String... args) {
        return run(args, WatchtimeApplication::run, List.of());
    }

    private static CliRun run(String[] args, ServerCli.Starter starter, List<List<String>> starts) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            int code = ServerCli.run(args, starter);
            return new CliRun(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8),
                    starts);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
