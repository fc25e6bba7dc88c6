package io.watchtime.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.watchtime.protocol.Paths;
import io.watchtime.server.account.Accounts;
import io.watchtime.server.account.ApiKeys;
import io.watchtime.server.account.Scope;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.Http;
import io.watchtime.server.support.TcpProxy;
import io.watchtime.server.support.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database goes away under a running server (its connections dropped, new ones refused) and comes back: every
 * request meanwhile gets a quick 503 with Retry-After, readiness is DOWN, and afterwards all works again by itself
 * with every acknowledged event kept. On the SQLite pass it runs against PostgreSQL: a file cannot be unreachable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OutageTest {

    private static final String KIND = TestDatabase.kind().equals("sqlite") ? "postgresql" : TestDatabase.kind();
    private static TcpProxy proxy;

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    ApiKeys keys;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws Exception {
        proxy = new TcpProxy(TestDatabase.port(KIND));
        String url = TestDatabase.freshUrl(KIND).replace(":" + TestDatabase.port(KIND) + "/", ":" + proxy.port() + "/");
        registry.add("watchtime.database.url", () -> url);
    }

    @AfterAll
    static void stopProxy() throws Exception {
        proxy.close();
    }

    @Test
    void anUnreachableDatabaseIsAQuick503AndReadinessFollowsIt() throws Exception {
        long account = accounts.create("outage").id();
        String read = keys.create(account, Scope.READ, "t").secret();
        String ingest = keys.create(account, Scope.INGEST, "t").secret();
        long now = Instant.now().getEpochSecond();
        assertThat(post(Paths.INGEST, ingest, batch(now - 60)).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        proxy.cut();
        for (String[] call : List.of(new String[] {Paths.DURATION_LIST, read, "{\"page\":1,\"page_size\":10,\"sort\":\"asc\"}"},
                new String[] {Paths.INGEST, ingest, batch(now - 30)})) {
            long started = System.nanoTime();
            HttpResponse<String> answer = post(call[0], call[1], call[2]);
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            assertThat(answer.statusCode()).as(call[0] + ": " + answer.body()).isEqualTo(503);
            assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            assertThat(answer.body()).contains("\"code\":503").contains("database");
            assertThat(seconds).as("answered without waiting out a long timeout").isLessThan(10);
        }
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);

        proxy.restore();
        HttpResponse<String> page = null;
        for (int i = 0; i < 60 && (page == null || page.statusCode() != 200); i++) {
            Thread.sleep(500);
            page = post(Paths.DURATION_LIST, read, "{\"page\":1,\"page_size\":10,\"sort\":\"asc\"}");
        }
        assertThat(page.statusCode()).as("serving again by itself").isEqualTo(200);
        assertThat(page.body()).as("the acknowledged batch is there").contains("\"stay_duration\":30");
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }

    /** One viewer's enter and a beat 30 s later. */
    private static String batch(long at) {
        return Events.body(List.of(Events.enter(7, 8, "s" + at, at, null), Events.beat(7, 8, "s" + at, at + 30)));
    }

    private HttpResponse<String> post(String path, String key, String json) throws Exception {
        return Http.postJson(port, path, key, json, Duration.ofSeconds(30));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return Http.send(port, "GET", path, Map.of(), null, Duration.ofSeconds(30));
    }
}
