package io.watchtime.server.admin;

import io.watchtime.server.settings.StartupCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The database side of the admin commands ({@code account ...}, {@code key ...}): the same database as the server
 * (same settings) through a context of its own ({@link AdminContext}: no web server, no writer), so it may run
 * beside a running server. Opened on first use, so that {@code --help} and bad usage never touch the database.
 */
public final class AdminSession implements AutoCloseable {

    private final Supplier<List<String>> settings;
    private final StartupCheck check;
    /** Null until a command needs the database; one command runs per session, on one thread. */
    private ConfigurableApplicationContext context;

    /** @param settings the Spring-style {@code --name=value} arguments, read when the database is first needed */
    public AdminSession(Supplier<List<String>> settings, StartupCheck check) {
        this.settings = settings;
        this.check = check;
    }

    <T> T bean(Class<T> type) {
        if (context == null) {
            // Quiet: the command's own output is what the operator reads; warnings and errors still show.
            List<String> arguments = new ArrayList<>(List.of("--logging.level.root=WARN"));
            arguments.addAll(settings.get());
            context = new SpringApplicationBuilder(AdminContext.class).web(WebApplicationType.NONE)
                    .logStartupInfo(false).listeners(check).run(arguments.toArray(String[]::new));
        }
        return context.getBean(type);
    }

    @Override
    public void close() {
        if (context != null) {
            context.close();
        }
    }
}
