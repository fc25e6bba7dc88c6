package io.watchtime.server.launch;

import io.watchtime.server.admin.AccountCommands;
import io.watchtime.server.admin.AdminSession;
import io.watchtime.server.admin.KeyCommands;
import io.watchtime.server.settings.DatabaseLocation;
import io.watchtime.server.settings.StartupCheck;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;

/**
 * The server jar's command line, by picocli's conventions: {@code serve} (also with no command, or {@code --demo}),
 * {@code account ...}, {@code key ...}, {@code help}; {@code --help} and {@code --version} everywhere; bad usage is
 * one line and exit 2. Anything else once started a full server on port 8080. Spring-style settings
 * ({@code --server.port=8081}) pass through to the server or the admin context, before or after the command.
 */
@Command(name = "watchtime-server.jar", mixinStandardHelpOptions = true, versionProvider = Version.class,
        scope = ScopeType.INHERIT, usageHelpWidth = 110, // paths and settings unbroken
        subcommands = {ServerCli.Serve.class, AccountCommands.class, KeyCommands.class, CommandLine.HelpCommand.class},
        description = {"Watchtime: watch time of live rooms. Without a command it starts the server, as serve does."},
        footer = {"", "Settings: --NAME=VALUE for any setting of the README's Configuration table, before or after the"
                + " command (e.g. --server.port=8081, --watchtime.redis.url=redis://127.0.0.1:6379), or as environment"
                + " variables (WATCHTIME_REDIS_URL=...).",
                "Default database: $XDG_DATA_HOME/watchtime/watchtime.db, else ~/.local/share/watchtime/watchtime.db."})
public final class ServerCli implements Callable<Integer> {

    /** What a started server returns: it runs on in its own threads, so the JVM must not exit. */
    public static final int SERVING = -1;

    /** How the server is started: the real one, or a stand-in that records the call in tests. */
    @FunctionalInterface
    public interface Starter {
        void start(String[] settings, ApplicationListener<?> check);
    }

    private final List<String> settings;
    private final Starter starter;
    private final StartupCheck check = new StartupCheck();

    @Option(names = "--database", paramLabel = "FILE|JDBC_URL", scope = ScopeType.INHERIT,
            description = "The database: a SQLite file (made if missing) or a JDBC URL; same as"
                    + " --watchtime.database.url=...")
    String database;

    @Option(names = "--demo", scope = ScopeType.LOCAL, description = "Start the server with a demo account and a"
            + " live-room simulator; prints a read key and a curl line.")
    boolean demo;

    private ServerCli(List<String> settings, Starter starter) {
        this.settings = settings;
        this.starter = starter;
    }

    /** Runs a command line; returns the exit code (0 ok, 1 failure, 2 bad usage) or {@link #SERVING}. */
    public static int run(String[] args, Starter starter) {
        Arguments arguments = Arguments.split(args);
        PrintWriter err = new PrintWriter(System.err, true);
        if (arguments.problem().isPresent()) {
            err.println("error: " + arguments.problem().get() + "; see: watchtime-server.jar --help");
            return 2;
        }
        ServerCli root = new ServerCli(arguments.settings(), starter);
        try (AdminSession session = new AdminSession(root::settings, root.check)) {
            CommandLine cli = new CommandLine(root, new Factory(session))
                    .setOut(new PrintWriter(System.out, true)).setErr(err);
            cli.setParameterExceptionHandler(new BadUsage());
            cli.setExecutionExceptionHandler((e, line, parsed) -> root.failed(e, err));
            return cli.execute(arguments.words().toArray(String[]::new));
        }
    }

    @Override
    public Integer call() {
        return serve(demo);
    }

    /** The settings for Spring: those given as {@code --name=value}, with {@code --database} spelt out. */
    List<String> settings() {
        List<String> all = new ArrayList<>(settings);
        if (database != null) {
            all.add("--watchtime.database.url=" + DatabaseLocation.fromOption(database));
        }
        return all;
    }

    private int serve(boolean withDemo) {
        List<String> all = settings();
        if (withDemo) {
            all.add("--demo");
        }
        starter.start(all.toArray(String[]::new), check);
        return SERVING;
    }

    /** A failed start or command: one or two lines that say what to do; the stack trace goes to the log at DEBUG. */
    private int failed(Exception e, PrintWriter err) {
        LoggerFactory.getLogger(ServerCli.class).debug("failed", e);
        err.println("error: " + StartupFailures.describe(e, check.found()));
        return 1;
    }

    @Command(name = "serve", description = "Start the server (the same as no command).")
    static final class Serve implements Callable<Integer> {

        @ParentCommand
        private ServerCli root;

        @Option(names = "--demo", description = "With a demo account and a live-room simulator.")
        boolean demo;

        @Override
        public Integer call() {
            return root.serve(demo);
        }
    }

    /** Admin commands get the session (opened when they first need the database); the others are made as usual. */
    private record Factory(AdminSession session) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (var constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == AdminSession.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(session));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
