package io.watchtime.server.admin;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The admin CLI of the jar: {@code account create|list}, {@code key create|list|revoke}. It opens the same
 * database as the server (same settings, e.g. {@code --watchtime.database.url=...}) through a context of its own
 * ({@link AdminContext}: the database, its schema and the account tables, no web server, no writer), and may run
 * beside a running server.
 */
@Command(name = "watchtime-server.jar", mixinStandardHelpOptions = true,
        subcommands = {AccountCommands.class, KeyCommands.class})
public final class AdminCli {

    private AdminCli() {
    }

    public static boolean handles(String firstArgument) {
        return firstArgument.equals("account") || firstArgument.equals("key");
    }

    /** Runs the CLI; arguments starting with {@code --watchtime.} or {@code --spring.} configure the database. */
    public static int run(String[] args) {
        List<String> cli = new ArrayList<>();
        List<String> settings = new ArrayList<>(List.of("--logging.level.root=WARN"));
        for (String arg : args) {
            (arg.startsWith("--watchtime.") || arg.startsWith("--spring.") ? settings : cli).add(arg);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AdminContext.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(settings.toArray(String[]::new))) {
            // Subcommands get the beans they need through their constructors.
            CommandLine.IFactory beans = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type.getDeclaredConstructors()[0].getParameterCount() == 0
                            ? CommandLine.defaultFactory().create(type)
                            : context.getAutowireCapableBeanFactory().createBean(type);
                }
            };
            return new CommandLine(AdminCli.class, beans)
                    .setExecutionExceptionHandler((e, line, parsed) -> {
                        line.getErr().println("error: " + e.getMessage());
                        return 1;
                    })
                    .execute(cli.toArray(String[]::new));
        }
    }
}
