package io.watchtime.server;

import io.watchtime.server.launch.ServerCli;

/** The jar's entry point: its command line ({@link ServerCli}) decides between the server and the admin commands. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = ServerCli.run(args, WatchtimeApplication::run);
        if (code != ServerCli.SERVING) { // a started server keeps the JVM alive until it is stopped
            System.exit(code);
        }
    }
}
