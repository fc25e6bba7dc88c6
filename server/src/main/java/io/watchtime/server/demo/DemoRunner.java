package io.watchtime.server.demo;

import io.watchtime.protocol.IngestBatch;
import io.watchtime.protocol.IngestEvent;
import io.watchtime.server.account.Accounts;
import io.watchtime.server.account.ApiKeys;
import io.watchtime.server.account.Scope;
import io.watchtime.protocol.Paths;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --demo}: the account "demo" (made once; a restart reuses it and its data), a fresh read key
 * printed for the curl line, and a simulator that sends its events through the real ingest endpoint
 * over HTTP: a day of history on first start, then live every few seconds.
 */
@Component
class DemoRunner implements ApplicationRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);
    private static final String ACCOUNT = "demo";
    private static final long HISTORY_SECONDS = 24 * 3600;
    private static final long TICK_SECONDS = 5;
    private static final int BATCH = 5000;

    private final Accounts accounts;
    private final ApiKeys keys;
    private final Environment environment;
    private final Clock clock;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private long simulatedUntil; // only the simulator thread reads and writes it after start-up
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-simulator");
        thread.setDaemon(true);
        return thread;
    });

    DemoRunner(Accounts accounts, ApiKeys keys, Environment environment, Clock clock, JsonMapper json) {
        this.accounts = accounts;
        this.keys = keys;
        this.environment = environment;
        this.clock = clock;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("demo")) {
            return;
        }
        boolean firstRun = accounts.findByName(ACCOUNT).isEmpty();
        long accountId = firstRun ? accounts.create(ACCOUNT).id() : accounts.findByName(ACCOUNT).orElseThrow().id();
        // Keys are stored only as hashes, so each start makes new ones and retires the previous start's.
        keys.list(accountId).stream().filter(k -> k.label().startsWith("demo-") && k.revokedAt() == null)
                .forEach(k -> keys.revoke(k.id()));
        String readKey = keys.create(accountId, Scope.READ, "demo-read").secret();
        String ingestKey = keys.create(accountId, Scope.INGEST, "demo-ingest").secret();
        String base = "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");

        long now = clock.instant().getEpochSecond();
        DemoWorld world = new DemoWorld(now, Long.toString(now, 36));
        if (firstRun) {
            log.info("demo: simulating the last 24 h of six live rooms through {}{} ...", base, Paths.INGEST);
            List<IngestEvent> history = world.advance(now - HISTORY_SECONDS - TICK_SECONDS, now, TICK_SECONDS);
            history.addAll(0, world.roomsAt(now - HISTORY_SECONDS));
            for (int i = 0; i < history.size(); i += BATCH) {
                send(base, ingestKey, history.subList(i, Math.min(history.size(), i + BATCH)));
            }
            log.info("demo: {} history events ingested", history.size());
        } else {
            send(base, ingestKey, world.roomsAt(now));
        }
        System.out.println();
        System.out.println("Watchtime demo: account \"" + ACCOUNT + "\" (id " + accountId + "), live rooms simulated every "
                + TICK_SECONDS + " s. Read key:");
        System.out.println("Authorization: Bearer " + readKey);
        System.out.println("curl -s -X POST " + base.replace("127.0.0.1", "localhost")
                + Paths.DURATION_LIST + " -H 'Content-Type: application/json'"
                + " -H 'Authorization: Bearer " + readKey + "' -d '{\"page\":1,\"page_size\":10,\"sort\":\"desc\"}'");
        // The key rides in the fragment, which the browser never sends: it stays out of every log. The console
        // moves it into the tab's session storage and clears the address.
        System.out.println("Console (signs in at once): " + base.replace("127.0.0.1", "localhost") + "/console/#key="
                + readKey);
        System.out.println();
        simulatedUntil = now;
        scheduler.scheduleWithFixedDelay(() -> {
            long at = clock.instant().getEpochSecond();
            List<IngestEvent> events = world.advance(simulatedUntil, at, 1);
            simulatedUntil = at;
            if (!events.isEmpty()) {
                send(base, ingestKey, events);
            }
        }, TICK_SECONDS, TICK_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        scheduler.shutdownNow();
    }

    private void send(String base, String key, List<IngestEvent> events) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + Paths.INGEST))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(new IngestBatch(events))))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                log.warn("demo: ingest answered {}: {}", response.statusCode(), response.body());
            }
        } catch (IOException e) {
            log.warn("demo: ingest call failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
