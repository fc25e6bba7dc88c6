package io.watchtime.server.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/** The tenants. */
@Repository
public class Accounts {

    public record Account(long id, String name, long createdAt) {
    }

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;
    private final Clock clock;

    Accounts(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("accounts").usingColumns("name", "created_at")
                .usingGeneratedKeyColumns("id");
    }

    public Account create(String requestedName) {
        String name = requestedName == null ? null : requestedName.strip();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("an account name must have 1 to 200 characters");
        }
        if (findByName(name).isPresent()) {
            throw new IllegalArgumentException("an account named \"" + name + "\" exists already");
        }
        long now = clock.instant().getEpochSecond();
        long id = insert.executeAndReturnKey(Map.of("name", name, "created_at", now)).longValue();
        return new Account(id, name, now);
    }

    public Optional<Account> findByName(String name) {
        return jdbc.query("SELECT id, name, created_at FROM accounts WHERE name = ?", this::map, name).stream().findFirst();
    }

    public Optional<Account> find(long id) {
        return jdbc.query("SELECT id, name, created_at FROM accounts WHERE id = ?", this::map, id).stream().findFirst();
    }

    public List<Account> list() {
        return jdbc.query("SELECT id, name, created_at FROM accounts ORDER BY id", this::map);
    }

    private Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("name"), rs.getLong("created_at"));
    }
}
