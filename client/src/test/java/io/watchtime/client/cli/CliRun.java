package io.watchtime.client.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** One run of the command line in this JVM: exit code, standard output as bytes, standard error as text. */
record CliRun(int exit, byte[] data, String err) {

    static CliRun of(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter err = new StringWriter();
        int exit = WatchtimeCli.run(args, out, new PrintWriter(err, true));
        return new CliRun(exit, out.toByteArray(), err.toString());
    }

    String out() {
        return new String(data, StandardCharsets.UTF_8);
    }
}
