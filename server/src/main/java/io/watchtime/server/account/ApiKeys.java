package io.watchtime.server.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * API keys: 32 random bytes, shown once at creation and stored only as their SHA-256 (a slow hash buys
 * nothing for keys this random, and the lookup runs on every request).
 */
@Repository
public class ApiKeys {

    public record KeyInfo(long id, long accountId, String prefix, Scope scope, String label, long createdAt,
                          Long revokedAt) {
    }

    /** A new key: {@code secret} is the only copy there will ever be. */
    public record CreatedKey(KeyInfo info, String secret) {
    }

    private static final String KEY_PREFIX = "wt_";
    private static final String COLUMNS = "id, account_id, prefix, scope, label, created_at, revoked_at";

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("api_keys")
                .usingColumns("account_id", "key_hash", "prefix", "scope", "label", "created_at")
                .usingGeneratedKeyColumns("id");
    }

    public CreatedKey create(long accountId, Scope scope, String label) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = secret.substring(0, 10);
        long now = clock.instant().getEpochSecond();
        String safeLabel = label == null ? "" : label;
        long id = insert.executeAndReturnKey(Map.of("account_id", accountId, "key_hash", hash(secret), "prefix", prefix,
                "scope", scope.wire(), "label", safeLabel, "created_at", now)).longValue();
        return new CreatedKey(new KeyInfo(id, accountId, prefix, scope, safeLabel, now, null), secret);
    }

    /** The caller behind a presented key, unless the key is unknown or revoked. */
    public Optional<Principal> authenticate(String secret) {
        if (secret == null || !secret.startsWith(KEY_PREFIX) || secret.length() > 100) {
            return Optional.empty();
        }
        return jdbc.query("SELECT id, account_id, scope FROM api_keys WHERE key_hash = ? AND revoked_at IS NULL",
                (rs, row) -> new Principal(rs.getLong("account_id"), rs.getLong("id"), Scope.fromWire(rs.getString("scope"))),
                hash(secret)).stream().findFirst();
    }

    public List<KeyInfo> list(long accountId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_keys WHERE account_id = ? ORDER BY id", this::map, accountId);
    }

    /** Revokes a key at once; false when there is no such key or it was revoked before. */
    public boolean revoke(long keyId) {
        return jdbc.update("UPDATE api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                clock.instant().getEpochSecond(), keyId) == 1;
    }

    private KeyInfo map(ResultSet rs, int row) throws SQLException {
        long revokedAt = rs.getLong("revoked_at");
        Long revoked = rs.wasNull() ? null : revokedAt;
        return new KeyInfo(rs.getLong("id"), rs.getLong("account_id"), rs.getString("prefix"),
                Scope.fromWire(rs.getString("scope")), rs.getString("label"), rs.getLong("created_at"),
                revoked);
    }

    private static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
