package io.watchtime.server.settings;

import io.watchtime.protocol.NearestWord;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The name of every Watchtime setting, read off {@link WatchtimeProperties} so that it never falls behind it. Spring
 * ignores a {@code watchtime.*} name it cannot bind, so a misspelt {@code --watchtime.databse.url} used to leave the
 * default database in use without a word; these names let it be refused, with the name that was meant.
 */
public final class SettingNames {

    private static final String PREFIX = "watchtime.";
    private static final String VARIABLE_PREFIX = "WATCHTIME_";
    /** The command-line client's own variables (README): an operator's shell may hold them when it starts the server. */
    private static final Set<String> CLIENT_VARIABLES = Set.of("WATCHTIME_URL", "WATCHTIME_KEY", "WATCHTIME_DB_PASSWORD",
            "WATCHTIME_DEBUG");
    private static final List<String> KNOWN = namesOf(PREFIX, WatchtimeProperties.class);

    private SettingNames() {
    }

    public static List<String> all() {
        return KNOWN;
    }

    /** What is wrong with a setting of this name ({@code watchtime.x.y}), if it is a Watchtime one that does not exist. */
    public static Optional<String> problemWith(String name) {
        if (!name.toLowerCase(Locale.ROOT).startsWith(PREFIX)
                || KNOWN.stream().anyMatch(known -> relaxed(known).equals(relaxed(name)))) {
            return Optional.empty();
        }
        return Optional.of("unknown setting " + name + NearestWord.in(KNOWN, name).map(n -> " (did you mean " + n + "?)")
                .orElse("") + "; the settings are in the README's Configuration table");
    }

    /** The same for an environment variable ({@code WATCHTIME_X_Y}). */
    public static Optional<String> problemWithVariable(String variable) {
        if (!variable.startsWith(VARIABLE_PREFIX) || CLIENT_VARIABLES.contains(variable)) {
            return Optional.empty();
        }
        // Spring binds WATCHTIME_CREDITING_MAXGAP and WATCHTIME_CREDITING_MAX_GAP alike to watchtime.crediting.max-gap.
        List<String> variables = KNOWN.stream().map(n -> n.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'))
                .toList();
        if (variables.stream().anyMatch(v -> v.replace("_", "").equals(variable.replace("_", "")))) {
            return Optional.empty();
        }
        return Optional.of("unknown environment variable " + variable + NearestWord.in(variables, variable)
                .map(v -> " (did you mean " + v + "?)").orElse("") + "; unset it, or see the README's Configuration table");
    }

    /** Spring's relaxed binding: case, dashes and underscores do not matter. */
    private static String relaxed(String name) {
        return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    }

    private static List<String> namesOf(String prefix, Class<?> record) {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            String name = prefix + component.getName().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
            if (component.getType().isRecord()) {
                names.addAll(namesOf(name + ".", component.getType()));
            } else {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }
}
