package io.watchtime.server.admin;

import io.watchtime.server.account.Accounts;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code account create NAME} and {@code account list}. */
@Command(name = "account", description = "Create and list accounts (tenants).",
        subcommands = {AccountCommands.Create.class, AccountCommands.ListAll.class})
public final class AccountCommands {

    @Command(name = "create", description = "Create an account; prints its id.")
    static final class Create implements Callable<Integer> {
        private final AdminSession session;

        Create(AdminSession session) {
            this.session = session;
        }

        @Parameters(paramLabel = "NAME", description = "a unique name, e.g. the customer's company")
        String name;

        @Override
        public Integer call() {
            Accounts.Account account = session.bean(Accounts.class).create(name);
            System.out.println("account " + account.id() + " created: " + account.name());
            System.out.println("next: java -jar watchtime-server.jar key create --account " + account.id() + " --scope read");
            return 0;
        }
    }

    @Command(name = "list", description = "List accounts.")
    static final class ListAll implements Callable<Integer> {
        private final AdminSession session;

        ListAll(AdminSession session) {
            this.session = session;
        }

        @Override
        public Integer call() {
            System.out.printf("%-6s %-20s %s%n", "ID", "CREATED", "NAME");
            for (Accounts.Account a : session.bean(Accounts.class).list()) {
                System.out.printf("%-6d %-20s %s%n", a.id(), Instant.ofEpochSecond(a.createdAt()), a.name());
            }
            return 0;
        }
    }
}
