package io.watchtime.client.cli;

import io.watchtime.client.WatchtimeException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command-line client: {@code java -jar watchtime-client.jar export|sync ...}. */
@Command(name = "watchtime-client", mixinStandardHelpOptions = true, version = "watchtime-client 0.1.0",
        subcommands = {ExportCommand.class, SyncCommand.class, CommandLine.HelpCommand.class},
        description = "Pull viewing records from a Watchtime server (or any server of the same API): export them"
                + " to a file, or keep a database table in sync.")
public final class WatchtimeCli implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // One line per log event (the JDK's default takes two).
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$s %5$s%6$s%n");
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; returns the exit code (0 ok, 1 failure, 2 bad usage). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new WatchtimeCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(out)
                .setErr(err);
        cli.setParameterExceptionHandler((e, arguments) -> {
            err.println("error: " + e.getMessage());
            err.println("see: " + e.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("error: " + describe(e));
            if (System.getenv("WATCHTIME_DEBUG") != null) {
                e.printStackTrace(err);
            }
            return 1;
        });
        return cli.execute(args);
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
