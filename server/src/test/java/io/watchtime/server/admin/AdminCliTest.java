package io.watchtime.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.server.launch.CliRun;
import io.watchtime.server.support.TestDatabase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The jar's admin CLI, in-process, on a database file of its own. */
class AdminCliTest {

    private final String database = "--watchtime.database.url=" + TestDatabase.freshUrl();

    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void createsAccountsAndKeysListsAndRevokesThem() {
        Run account = cli("account", "create", "Acme Live");
        assertThat(account.exitCode()).isZero();
        assertThat(account.out()).contains("account 1 created: Acme Live");

        Run key = cli("key", "create", "--account", "1", "--scope", "read", "--label", "crm");
        assertThat(key.exitCode()).isZero();
        Matcher secret = Pattern.compile("^Authorization: Bearer (wt_\\S{43})$", Pattern.MULTILINE).matcher(key.out());
        assertThat(secret.find()).as(key.out()).isTrue();

        Run list = cli("key", "list", "--account", "1");
        assertThat(list.out()).contains(secret.group(1).substring(0, 10)).contains("read").contains("crm")
                .doesNotContain(secret.group(1));

        assertThat(cli("key", "revoke", "1").out()).contains("key 1 revoked");
        assertThat(cli("key", "list", "--account", "1").out()).doesNotContain(" - ");
    }

    @Test
    void mistakesExitNonZeroWithAMessageThatSaysWhatToDo() {
        assertThat(cli("key", "create", "--account", "42", "--scope", "read").err()).contains("no account 42");
        cli("account", "create", "Acme");
        Run badScope = cli("key", "create", "--account", "1", "--scope", "root");
        assertThat(badScope.exitCode()).isNotZero();
        assertThat(badScope.err()).contains("use read, ingest or admin");
        assertThat(cli("account", "create", "Acme").err()).contains("exists already");
        assertThat(cli("key", "revoke", "99").err()).contains("no active key 99");
    }

    private Run cli(String... args) {
        String[] withDatabase = new String[args.length + 1];
        System.arraycopy(args, 0, withDatabase, 0, args.length);
        withDatabase[args.length] = database;
        CliRun run = CliRun.of(withDatabase);
        assertThat(run.starts()).as("an admin command started the server").isEmpty();
        return new Run(run.exitCode(), run.out(), run.err());
    }
}
