package io.watchtime.server.settings;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Runs once the settings are known and before anything is built from them: refuses unknown {@code watchtime.*}
 * settings given on the command line, in the environment or in a configuration file (system properties are left
 * alone: test harnesses put their own there), then logs what an operator checks first, in the first lines: the
 * version, the port, the database and the rate limiter.
 */
public final class StartupCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final Logger log = LoggerFactory.getLogger(StartupCheck.class);

    /** What was found, for the launcher's one-line explanation of a failed start; empty before the event. */
    private final AtomicReference<Found> found = new AtomicReference<>();

    /** @param database the database URL as it may be shown (no password) */
    public record Found(String version, String port, String database) {
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        for (PropertySource<?> source : environment.getPropertySources()) {
            refuseUnknownNames(source);
        }
        String url = DatabaseLocation.urlOrDefault(environment.getProperty("watchtime.database.url"));
        Found settings = new Found(environment.getProperty("spring.application.version", "(development build)"),
                environment.getProperty("server.port", "8080"), DatabaseLocation.withoutPassword(url));
        found.set(settings);
        String redis = environment.getProperty("watchtime.redis.url", "");
        // The node's id in a cluster's logs: host, port and process (HOSTNAME, not a DNS lookup that could hang).
        log.info("Watchtime {}, node {}:{} pid {}", settings.version(), System.getenv().getOrDefault("HOSTNAME", "localhost"),
                "0".equals(settings.port()) ? "0 (any free port)" : settings.port(), ProcessHandle.current().pid());
        log.info("database {}{}", settings.database(), DatabaseLocation.sqliteFile(url)
                .map(file -> " (SQLite file " + file + ")").orElse(""));
        log.info("rate limiter {}", redis.isBlank() ? "in-process (this node alone; watchtime.redis.url is empty)"
                : "on Redis at " + DatabaseLocation.withoutPassword(redis) + " (shared by every node)");
    }

    public Found found() {
        return found.get();
    }

    private static void refuseUnknownNames(PropertySource<?> source) {
        if (!(source instanceof EnumerablePropertySource<?> names)) {
            return;
        }
        boolean environment = source.getName().equals(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        boolean given = source.getName().equals(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME)
                || source.getName().startsWith("Config resource");
        if (!environment && !given) {
            return;
        }
        for (String name : names.getPropertyNames()) {
            Optional<String> problem = environment ? SettingNames.problemWithVariable(name) : SettingNames.problemWith(name);
            if (problem.isPresent()) {
                throw new SettingsException(problem.get());
            }
        }
    }
}
