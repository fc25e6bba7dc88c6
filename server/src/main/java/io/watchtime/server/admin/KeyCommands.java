package io.watchtime.server.admin;

import io.watchtime.server.account.Accounts;
import io.watchtime.server.account.ApiKeys;
import io.watchtime.server.account.Scope;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code key create|list|revoke}: keys are stored as hashes and printed once, at creation. */
@Command(name = "key", description = "Create, list and revoke API keys.",
        subcommands = {KeyCommands.Create.class, KeyCommands.ListAll.class, KeyCommands.Revoke.class})
public final class KeyCommands {

    @Command(name = "create", description = "Create a key; it is printed once and cannot be shown again.")
    static final class Create implements Callable<Integer> {
        private final AdminSession session;

        Create(AdminSession session) {
            this.session = session;
        }

        @Option(names = "--account", required = true, description = "account id")
        long accountId;

        @Option(names = "--scope", required = true, description = "read (query API), ingest (events) or admin (both)")
        String scope;

        @Option(names = "--label", defaultValue = "", description = "a note to recognise the key by")
        String label;

        @Override
        public Integer call() {
            if (session.bean(Accounts.class).find(accountId).isEmpty()) {
                throw new IllegalArgumentException("no account " + accountId + "; see: account list");
            }
            ApiKeys.CreatedKey key = session.bean(ApiKeys.class).create(accountId, Scope.fromWire(scope), label);
            System.out.println("key " + key.info().id() + " (scope " + key.info().scope().wire() + ") for account "
                    + accountId + "; store it now, it is not shown again:");
            System.out.println("Authorization: Bearer " + key.secret());
            return 0;
        }
    }

    @Command(name = "list", description = "List an account's keys (their prefixes, never the keys).")
    static final class ListAll implements Callable<Integer> {
        private final AdminSession session;

        ListAll(AdminSession session) {
            this.session = session;
        }

        @Option(names = "--account", required = true, description = "account id")
        long accountId;

        @Override
        public Integer call() {
            System.out.printf("%-6s %-12s %-7s %-20s %-20s %s%n", "ID", "PREFIX", "SCOPE", "CREATED", "REVOKED", "LABEL");
            for (ApiKeys.KeyInfo k : session.bean(ApiKeys.class).list(accountId)) {
                System.out.printf("%-6d %-12s %-7s %-20s %-20s %s%n", k.id(), k.prefix(), k.scope().wire(),
                        Instant.ofEpochSecond(k.createdAt()),
                        k.revokedAt() == null ? "-" : Instant.ofEpochSecond(k.revokedAt()).toString(), k.label());
            }
            return 0;
        }
    }

    @Command(name = "revoke", description = "Revoke a key at once.")
    static final class Revoke implements Callable<Integer> {
        private final AdminSession session;

        Revoke(AdminSession session) {
            this.session = session;
        }

        @Parameters(paramLabel = "KEY_ID", description = "the key's id, from key list")
        long keyId;

        @Override
        public Integer call() {
            if (!session.bean(ApiKeys.class).revoke(keyId)) {
                throw new IllegalArgumentException("no active key " + keyId + "; see: key list --account ID");
            }
            System.out.println("key " + keyId + " revoked");
            return 0;
        }
    }
}
