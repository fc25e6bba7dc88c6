package io.watchtime.server.support;

import io.watchtime.protocol.Paths;
import io.watchtime.server.account.Accounts;
import io.watchtime.server.account.ApiKeys;
import io.watchtime.server.account.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of tests that talk to the real server over real HTTP, on a real SQLite file of their own.
 * Subclasses with the same configuration share one server (Spring caches the context), so every test
 * makes its own account with {@link #newAccount()} and never sees another test's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HttpTest {

    public static final String LIST_PATH = Paths.DURATION_LIST;
    public static final String INGEST_PATH = Paths.INGEST;
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    protected int port;
    @Autowired
    protected Accounts accounts;
    @Autowired
    protected ApiKeys apiKeys;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = TestDatabase.freshUrl();
        registry.add("watchtime.database.url", () -> url);
    }

    /** An account of its own, with a key of each scope. */
    protected TestAccount newAccount() {
        Accounts.Account account = accounts.create("test-" + UUID.randomUUID());
        return new TestAccount(account.id(),
                apiKeys.create(account.id(), Scope.READ, "test").secret(),
                apiKeys.create(account.id(), Scope.INGEST, "test").secret(),
                apiKeys.create(account.id(), Scope.ADMIN, "test").secret());
    }

    public record TestAccount(long id, String readKey, String ingestKey, String adminKey) {
    }

    /** An answer as the client saw it. */
    public record Reply(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    protected Reply post(String path, String key, String contentType, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (key != null) {
            headers.put("Authorization", "Bearer " + key);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return send("POST", path, headers, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Any method, any headers, any bytes (null body: none). */
    protected Reply send(String method, String path, Map<String, String> headers, byte[] body) {
        try {
            HttpResponse<String> response = Http.send(port, method, path, headers, body, Duration.ofSeconds(60));
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** getAccountUserDurationList with a JSON body. */
    protected Reply list(String key, String body) {
        return post(LIST_PATH, key, "application/json", body);
    }

    /** The ingest call with a JSON body; fails the test unless it is acknowledged. */
    protected JsonNode ingest(String key, String body) {
        Reply reply = post(INGEST_PATH, key, "application/json", body);
        if (reply.status() != 200) {
            throw new AssertionError("ingest answered " + reply.status() + ": " + reply.raw().body());
        }
        return reply.json().get("data");
    }
}
