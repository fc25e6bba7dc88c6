package io.watchtime.server.settings;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the database is when nothing says otherwise, and what {@code --database} means. The default is one absolute
 * place per user, so the server and the admin CLI find the same accounts whatever folder they are run from: a path
 * relative to the working folder once made {@code account list} show an empty database of its own.
 */
public final class DatabaseLocation {

    private static final String SQLITE = "jdbc:sqlite:";

    private DatabaseLocation() {
    }

    /** {@code $XDG_DATA_HOME/watchtime/watchtime.db}, else {@code ~/.local/share/watchtime/watchtime.db}. */
    public static String defaultUrl() {
        return defaultUrl(System.getenv(), System.getProperty("user.home"));
    }

    static String defaultUrl(Map<String, String> environment, String home) {
        String xdg = environment.get("XDG_DATA_HOME");
        // The XDG rules: an empty or relative value is to be ignored.
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute() ? Path.of(xdg)
                : Path.of(home, ".local", "share");
        return SQLITE + base.resolve("watchtime").resolve("watchtime.db");
    }

    /** The configured URL, or the default place when none is configured. */
    public static String urlOrDefault(String configured) {
        return configured == null || configured.isBlank() ? defaultUrl() : configured;
    }

    /** {@code --database}: a JDBC URL as it is, else a SQLite file, made absolute against the folder it is typed in. */
    public static String fromOption(String value) {
        return value.startsWith("jdbc:") ? value : SQLITE + Path.of(value).toAbsolutePath().normalize();
    }

    /** The absolute file of a SQLite URL; empty for other databases and for an in-memory one. */
    public static Optional<Path> sqliteFile(String url) {
        if (!url.startsWith(SQLITE)) {
            return Optional.empty();
        }
        String file = url.substring(SQLITE.length());
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        return file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file::memory:") ? Optional.empty()
                : Optional.of(Path.of(file.replaceFirst("^file:", "")).toAbsolutePath().normalize());
    }

    /** The URL as it may be logged and shown: a password in it (query or user info) replaced by stars. */
    public static String withoutPassword(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/:@]*:)[^@/]*@", "$1***@");
    }
}
