package io.watchtime.client.support;

import io.watchtime.client.WatchtimeClient;
import io.watchtime.server.WatchtimeApplication;
import io.watchtime.server.account.Accounts;
import io.watchtime.server.account.ApiKeys;
import io.watchtime.server.account.Scope;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The real Watchtime server in the test JVM, on a random port and a SQLite file of its own; one per kind,
 * started once and shared (every test makes its own account, so none sees another's data).
 */
public final class TestServer {

    public enum Kind {
        /** Everything on, the system clock. */
        CURSOR,
        /** The cursor extension switched off: the server speaks the documented contract only. */
        NO_CURSOR,
        /** Everything on, on a {@link FakeTime} that the test's clients share. */
        FAKE_CLOCK
    }

    private static final Map<Kind, TestServer> RUNNING = new ConcurrentHashMap<>();

    private final ConfigurableApplicationContext context;
    private final FakeTime fakeTime;

    private TestServer(ConfigurableApplicationContext context, FakeTime fakeTime) {
        this.context = context;
        this.fakeTime = fakeTime;
    }

    public static TestServer get(Kind kind) {
        return RUNNING.computeIfAbsent(kind, TestServer::start);
    }

    private static TestServer start(Kind kind) {
        FakeTime fakeTime = kind == Kind.FAKE_CLOCK ? new FakeTime() : null;
        SpringApplicationBuilder app = new SpringApplicationBuilder(WatchtimeApplication.class);
        if (fakeTime != null) {
            app.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean("fakeTime", Clock.class, () -> fakeTime, bean -> bean.setPrimary(true)));
        }
        // As command-line arguments: they win over the server's application.properties.
        ConfigurableApplicationContext context = app.run("--server.port=0",
                "--watchtime.database.url=jdbc:sqlite:" + freshSqliteFile(),
                "--watchtime.cursor.enabled=" + (kind != Kind.NO_CURSOR),
                "--logging.level.io.watchtime=WARN");
        Runtime.getRuntime().addShutdownHook(new Thread(context::close));
        return new TestServer(context, fakeTime);
    }

    public String baseUrl() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public FakeTime fakeTime() {
        return fakeTime;
    }

    /** A new account with a read key and an ingest key. */
    public TestAccount newAccount() {
        Accounts.Account account = context.getBean(Accounts.class).create("client-test-" + UUID.randomUUID());
        ApiKeys keys = context.getBean(ApiKeys.class);
        return new TestAccount(account.id(), keys.create(account.id(), Scope.READ, "test").secret(),
                keys.create(account.id(), Scope.INGEST, "test").secret());
    }

    /** A client of this server with the given key (and this server's fake time, if it has one). */
    public WatchtimeClient.Builder client(String key) {
        WatchtimeClient.Builder builder = WatchtimeClient.builder().baseUrl(baseUrl()).apiKey(key);
        return fakeTime == null ? builder : builder.ticker(fakeTime);
    }

    public record TestAccount(long id, String readKey, String ingestKey) {
    }

    private static Path freshSqliteFile() {
        try {
            return Files.createDirectories(Path.of("target", "test-db")).resolve(UUID.randomUUID() + ".db").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
