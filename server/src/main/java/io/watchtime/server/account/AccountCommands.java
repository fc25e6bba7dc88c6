package io.watchtime.server.account;

import io.watchtime.server.WatchtimeApplication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The admin CLI of the jar: {@code account create|list}, {@code key create|list|revoke}. It opens the same
 * database as the server (same settings, e.g. {@code --watchtime.database.url=...}) and may run beside it.
 */
@Command(name = "watchtime-server.jar", mixinStandardHelpOptions = true, subcommands = {
    AccountCommands.AccountCommand.class, AccountCommands.KeyCommand.class})
public final class AccountCommands {

    public static boolean handles(String firstArgument) {
        return firstArgument.equals("account") || firstArgument.equals("key");
    }

    /** Runs the CLI; arguments starting with {@code --watchtime.} or {@code --spring.} configure the database. */
    public static int run(String[] args) {
        List<String> cli = new ArrayList<>();
        List<String> settings = new ArrayList<>(List.of("--spring.main.web-application-type=none",
                "--logging.level.root=WARN"));
        for (String arg : args) {
            (arg.startsWith("--watchtime.") || arg.startsWith("--spring.") ? settings : cli).add(arg);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(WatchtimeApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(settings.toArray(String[]::new))) {
            // Subcommands get the beans they need through their constructors.
            CommandLine.IFactory beans = new CommandLine.IFactory() {
                @Override
                public <K> K create(Class<K> type) throws Exception {
                    return type.getDeclaredConstructors()[0].getParameterCount() == 0
                            ? CommandLine.defaultFactory().create(type)
                            : context.getAutowireCapableBeanFactory().createBean(type);
                }
            };
            return new CommandLine(AccountCommands.class, beans)
                    .setExecutionExceptionHandler((e, line, parsed) -> {
                        line.getErr().println("error: " + e.getMessage());
                        return 1;
                    })
                    .execute(cli.toArray(String[]::new));
        }
    }

    @Command(name = "account", description = "Create and list accounts (tenants).",
            subcommands = {AccountCreate.class, AccountList.class})
    static final class AccountCommand {
    }

    @Command(name = "create", description = "Create an account; prints its id.")
    static final class AccountCreate implements Callable<Integer> {
        private final Accounts accounts;

        AccountCreate(Accounts accounts) {
            this.accounts = accounts;
        }

        @Parameters(paramLabel = "NAME", description = "a unique name, e.g. the customer's company")
        String name;

        @Override
        public Integer call() {
            Accounts.Account account = accounts.create(name);
            System.out.println("account " + account.id() + " created: " + account.name());
            System.out.println("next: java -jar watchtime-server.jar key create --account " + account.id() + " --scope read");
            return 0;
        }
    }

    @Command(name = "list", description = "List accounts.")
    static final class AccountList implements Callable<Integer> {
        private final Accounts accounts;

        AccountList(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Integer call() {
            System.out.printf("%-6s %-20s %s%n", "ID", "CREATED", "NAME");
            for (Accounts.Account a : accounts.list()) {
                System.out.printf("%-6d %-20s %s%n", a.id(), Instant.ofEpochSecond(a.createdAt()), a.name());
            }
            return 0;
        }
    }

    @Command(name = "key", description = "Create, list and revoke API keys.",
            subcommands = {KeyCreate.class, KeyList.class, KeyRevoke.class})
    static final class KeyCommand {
    }

    @Command(name = "create", description = "Create a key; it is printed once and cannot be shown again.")
    static final class KeyCreate implements Callable<Integer> {
        private final Accounts accounts;
        private final ApiKeys keys;

        KeyCreate(Accounts accounts, ApiKeys keys) {
            this.accounts = accounts;
            this.keys = keys;
        }

        @Option(names = "--account", required = true, description = "account id")
        long accountId;

        @Option(names = "--scope", required = true, description = "read (query API), ingest (events) or admin (both)")
        String scope;

        @Option(names = "--label", defaultValue = "", description = "a note to recognise the key by")
        String label;

        @Override
        public Integer call() {
            if (accounts.find(accountId).isEmpty()) {
                throw new IllegalArgumentException("no account " + accountId + "; see: account list");
            }
            ApiKeys.CreatedKey key = keys.create(accountId, Scope.fromWire(scope), label);
            System.out.println("key " + key.info().id() + " (scope " + key.info().scope().wire() + ") for account "
                    + accountId + "; store it now, it is not shown again:");
            System.out.println("Authorization: Bearer " + key.secret());
            return 0;
        }
    }

    @Command(name = "list", description = "List an account's keys (their prefixes, never the keys).")
    static final class KeyList implements Callable<Integer> {
        private final ApiKeys keys;

        KeyList(ApiKeys keys) {
            this.keys = keys;
        }

        @Option(names = "--account", required = true, description = "account id")
        long accountId;

        @Override
        public Integer call() {
            System.out.printf("%-6s %-12s %-7s %-20s %-20s %s%n", "ID", "PREFIX", "SCOPE", "CREATED", "REVOKED", "LABEL");
            for (ApiKeys.KeyInfo k : keys.list(accountId)) {
                System.out.printf("%-6d %-12s %-7s %-20s %-20s %s%n", k.id(), k.prefix(), k.scope().wire(),
                        Instant.ofEpochSecond(k.createdAt()),
                        k.revokedAt() == null ? "-" : Instant.ofEpochSecond(k.revokedAt()).toString(), k.label());
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a key at once.")
    static final class KeyRevoke implements Callable<Integer> {
        private final ApiKeys keys;

        KeyRevoke(ApiKeys keys) {
            this.keys = keys;
        }

        @Parameters(paramLabel = "KEY_ID", description = "the key's id, from key list")
        long keyId;

        @Override
        public Integer call() {
            if (!keys.revoke(keyId)) {
                throw new IllegalArgumentException("no active key " + keyId + "; see: key list --account ID");
            }
            System.out.println("key " + keyId + " revoked");
            return 0;
        }
    }
}
