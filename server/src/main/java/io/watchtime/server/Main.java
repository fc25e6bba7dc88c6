package io.watchtime.server;

import io.watchtime.server.admin.AdminCli;

/** The jar's entry point: the admin CLI for {@code account ...} and {@code key ...}, otherwise the server. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && AdminCli.handles(args[0])) {
            System.exit(AdminCli.run(args));
        }
        WatchtimeApplication.run(args);
    }
}
