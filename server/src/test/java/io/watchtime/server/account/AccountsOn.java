package io.watchtime.server.account;

import io.watchtime.server.support.HttpTest.TestAccount;
import java.time.Clock;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Accounts and keys made straight in a database that servers in other processes use (a cluster's), by the
 * server's own account and key code, as the admin CLI does, without starting a JVM per key.
 */
public final class AccountsOn {

    private AccountsOn() {
    }

    /** A new account with a read, an ingest and an admin key. */
    public static TestAccount newAccount(String jdbcUrl) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(jdbcUrl, true);
        try {
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            Clock clock = Clock.systemUTC();
            ApiKeys keys = new ApiKeys(jdbc, clock);
            Accounts.Account account = new Accounts(jdbc, clock).create("cluster-" + UUID.randomUUID());
            return new TestAccount(account.id(), keys.create(account.id(), Scope.READ, "cluster test").secret(),
                    keys.create(account.id(), Scope.INGEST, "cluster test").secret(),
                    keys.create(account.id(), Scope.ADMIN, "cluster test").secret());
        } finally {
            dataSource.destroy();
        }
    }
}
