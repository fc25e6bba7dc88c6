package io.watchtime.server.launch;

import io.watchtime.server.settings.SettingsException;
import io.watchtime.server.settings.StartupCheck;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.NestedExceptionUtils;

/**
 * A failed start as one or two lines that name the setting and say what to do next. Spring's own report is a
 * stack of 120 to 185 lines with the useful sentence at the bottom; the trace still goes to the log at DEBUG.
 */
final class StartupFailures {

    private static final String DETAILS = "; to see where, run again with --logging.level.io.watchtime.server.launch=DEBUG";

    private StartupFailures() {
    }

    static String describe(Throwable failure, StartupCheck.Found found) {
        String database = found == null ? "the database" : found.database();
        if (find(failure, SettingsException.class).isPresent()) {
            return find(failure, SettingsException.class).get().getMessage();
        }
        if (find(failure, PortInUseException.class).isPresent()) {
            int port = find(failure, PortInUseException.class).get().getPort();
            return "port " + port + " is in use (another Watchtime, perhaps the demo, or another program); stop it,"
                    + " or choose another port with --server.port=" + (port + 1);
        }
        if (find(failure, BindException.class).isPresent()) {
            return badValue(find(failure, BindException.class).get());
        }
        if (find(failure, UncheckedIOException.class).filter(e -> e.getMessage().contains("database folder")).isPresent()) {
            return find(failure, UncheckedIOException.class).get().getMessage() + " ("
                    + NestedExceptionUtils.getMostSpecificCause(failure).getMessage() + ")";
        }
        if (find(failure, SQLException.class).isPresent() || find(failure, FlywayException.class).isPresent()) {
            String reason = find(failure, SQLException.class).map(Throwable::getMessage)
                    .orElseGet(() -> NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
            return database.startsWith("jdbc:sqlite:")
                    ? "cannot open the SQLite database " + database + ": " + reason + "; make its folder writable, or"
                            + " choose another file with --database=FILE"
                    : "cannot use the database " + database + ": " + reason + "\n  check that it is running and"
                            + " reachable, and that --database (watchtime.database.url), watchtime.database.username"
                            + " and watchtime.database.password are right";
        }
        if (failure instanceof IllegalArgumentException && failure.getCause() == null) {
            return failure.getMessage(); // a command's own refusal, which says what to do
        }
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(failure);
        return "Watchtime could not start: " + cause.getMessage() + "\n  (" + cause.getClass().getSimpleName() + DETAILS.substring(1) + ")";
    }

    private static String badValue(BindException e) {
        String name = (e.getProperty() == null ? e.getName() : e.getProperty().getName()).toString();
        String value = e.getProperty() == null ? "" : String.valueOf(e.getProperty().getValue());
        Class<?> type = e.getTarget().getType().resolve(Object.class);
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        if (cause instanceof IllegalArgumentException && String.valueOf(cause.getMessage()).startsWith("watchtime.")) {
            return "the setting " + cause.getMessage(); // a setting's own range, refused by WatchtimeProperties
        }
        String expected = type == Duration.class ? "a duration like 500ms, 60s, 5m or 1h"
                : type == ZoneId.class ? "a time zone like Asia/Shanghai or UTC"
                : type == int.class || type == Integer.class ? "a whole number"
                : type == boolean.class || type == Boolean.class ? "true or false"
                : "a " + type.getSimpleName();
        return "the setting " + name + "=" + value + " cannot be used; write " + expected;
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
