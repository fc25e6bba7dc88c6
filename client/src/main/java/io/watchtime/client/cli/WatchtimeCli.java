package io.watchtime.client.cli;

import io.watchtime.client.WatchtimeException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command-line client: {@code java -jar watchtime-client.jar export|sync ...}. The standard help options are
 * inherited, so every subcommand answers {@code --help} (even without its required options) and {@code --version}.
 */
@Command(name = "watchtime-client", mixinStandardHelpOptions = true, versionProvider = Version.class,
        scope = CommandLine.ScopeType.INHERIT,
        subcommands = {ExportCommand.class, SyncCommand.class, CommandLine.HelpCommand.class},
        description = "Pull viewing records from a Watchtime server (or any server of the same API): export them"
                + " to a file, or keep a database table in sync.")
public final class WatchtimeCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Standard output as bytes: where {@code export --out -} writes its data (help and version go there as text). */
    private final OutputStream stdout;

    private WatchtimeCli(OutputStream stdout) {
        this.stdout = stdout;
    }

    public static void main(String[] args) {
        // One line per log event (the JDK's default takes two).
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %5$s%6$s%n");
        System.exit(run(args, System.out, new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code (0 ok, 1 failure, 2 bad usage). */
    public static int run(String[] args, OutputStream stdout, PrintWriter err) {
        CommandLine cli = new CommandLine(new WatchtimeCli(stdout))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true))
                .setErr(err);
        cli.setParameterExceptionHandler(new BadUsage());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("error: " + describe(e));
            if (System.getenv("WATCHTIME_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return cli.execute(args);
    }

    OutputStream stdout() {
        return stdout;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command: export or sync");
    }

    /** What went wrong and what to do next, in one line. */
    static String describe(Exception e) {
        if (e instanceof WatchtimeException w) {
            return switch (w.status()) {
                case 401 -> "the server refused the key (" + w.msg() + "); check --key or WATCHTIME_KEY";
                case 403 -> "the key may not do this (" + w.msg() + "); use a key of scope read";
                case 404 -> "no such API at that URL (" + w.msg() + "); check --url, it should be the server's root";
                case 0 -> w.msg();
                default -> w.status() >= 500 || w.status() == 429
                        ? w.msg() + " (HTTP " + w.status() + "); the server is in trouble or busy: try again later"
                        : w.msg() + " (HTTP " + w.status() + ")";
            };
        }
        if (e instanceof UserError || e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        if (e instanceof java.io.IOException) {
            return "cannot write the file: " + e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage() + " (set WATCHTIME_DEBUG=1 to see where)";
    }
}
