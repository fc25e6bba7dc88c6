package io.watchtime.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs; names listed as required must be there. */
final class Options {

    private Options() {
    }

    static Map<String, String> parse(String[] args, String... required) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        for (String name : required) {
            if (!options.containsKey(name)) {
                System.err.println("missing " + name + "; required: " + String.join(" ", required));
                System.exit(2);
            }
        }
        return options;
    }

    /** The option's value; without it, a usage line and exit 2. */
    static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            System.err.println("missing " + name);
            System.exit(2);
        }
        return value;
    }
}
