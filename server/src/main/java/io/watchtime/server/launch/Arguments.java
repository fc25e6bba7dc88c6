package io.watchtime.server.launch;

import io.watchtime.server.settings.SettingNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A command line split into the words picocli reads (commands and options) and the Spring-style settings
 * ({@code --server.port=8081}: a dotted name and a value) that it passes on. A misspelt Watchtime setting is
 * refused here, before anything starts: Spring would ignore it and use the default.
 *
 * @param problem what is wrong with the settings, if anything
 */
record Arguments(List<String> words, List<String> settings, Optional<String> problem) {

    private static final Pattern SETTING = Pattern.compile("--([A-Za-z][\\w-]*(?:\\.[\\w\\[\\]-]+)+)=.*", Pattern.DOTALL);

    static Arguments split(String[] args) {
        List<String> words = new ArrayList<>();
        List<String> settings = new ArrayList<>();
        Optional<String> problem = Optional.empty();
        for (String arg : args) {
            var setting = SETTING.matcher(arg);
            if (setting.matches()) {
                settings.add(arg);
                problem = problem.or(() -> SettingNames.problemWith(setting.group(1)));
            } else {
                words.add(arg);
            }
        }
        return new Arguments(List.copyOf(words), List.copyOf(settings), problem);
    }
}
