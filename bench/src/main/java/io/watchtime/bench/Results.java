package io.watchtime.bench;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The file a scale.sh run collects its figures in, one {@code name value} line each; {@link Table} prints them. */
final class Results {

    private final String file;

    Results(String file) {
        this.file = file;
    }

    void put(String name, double value) {
        try (PrintWriter w = new PrintWriter(new FileWriter(file, StandardCharsets.UTF_8, true))) {
            w.printf("%s %.4f%n", name, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
