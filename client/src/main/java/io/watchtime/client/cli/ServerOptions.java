package io.watchtime.client.cli;

import io.watchtime.client.RateLimit;
import io.watchtime.client.RetryPolicy;
import io.watchtime.client.WatchtimeClient;
import java.io.PrintWriter;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Which server, which key, and how hard to pull: shared by every command. */
final class ServerOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "${env:WATCHTIME_URL}", paramLabel = "URL",
            description = "The server, like http://localhost:8080 (default: $WATCHTIME_URL).")
    private String url;

    @Option(names = "--key", defaultValue = "${env:WATCHTIME_KEY}", paramLabel = "KEY",
            description = "An API key of scope read (default: $WATCHTIME_KEY).")
    private String key;

    @Option(names = "--rate-limit", defaultValue = "1000", paramLabel = "N",
            description = "The server's limit: requests per window (default: ${DEFAULT-VALUE}).")
    private int requests;

    @Option(names = "--rate-window", defaultValue = "10s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "The window of that limit (default: ${DEFAULT-VALUE}).")
    private Duration window;

    @Option(names = "--give-up-after", defaultValue = "5m", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to retry a failing request before giving up (default: ${DEFAULT-VALUE}).")
    private Duration giveUpAfter;

    /** The command these options belong to, for its usage errors. */
    CommandLine.Model.CommandSpec spec() {
        return spec;
    }

    /** Where a command reports (picocli's error writer, which tests capture). */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    WatchtimeClient client() {
        if (url == null || url.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no server: give --url http://host:port or set WATCHTIME_URL");
        }
        if (key == null || key.isBlank()) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no API key: give --key wt_... or set WATCHTIME_KEY (make one with the server's \"key create\")");
        }
        if (requests < 1 || window.toMillis() < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate-limit and --rate-window must be positive");
        }
        try {
            return WatchtimeClient.builder().baseUrl(url).apiKey(key)
                    .rateLimit(new RateLimit(requests, window))
                    .retryPolicy(RetryPolicy.DEFAULT.withGiveUpAfter(giveUpAfter))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
