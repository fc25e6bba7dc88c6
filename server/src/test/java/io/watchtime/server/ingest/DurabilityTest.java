package io.watchtime.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.watchtime.protocol.IngestEvent;
import io.watchtime.protocol.Paths;
import io.watchtime.protocol.WatchMode;
import io.watchtime.server.Main;
import io.watchtime.server.support.Events;
import io.watchtime.server.support.Http;
import io.watchtime.server.support.HttpTest;
import io.watchtime.server.support.TestDatabase;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An acknowledged ingest batch survives the abrupt death of the server (SIGKILL while other batches are in
 * flight): the real server runs as a child JVM on a SQLite file, is killed, and restarted on the same file.
 */
class DurabilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int SENDERS = 4;
    private static final int VIEWERS_PER_BATCH = 10;
    private static final long STAY = 20;

    private final String database = TestDatabase.freshUrl();
    private final Path logs = Path.of("target", "test-db").toAbsolutePath();

    @Test
    @Timeout(value = 150, unit = TimeUnit.SECONDS)
    void acknowledgedBatchesSurviveAKill() throws Exception {
        String account = parse(runCli("account", "create", "durability"), "account (\\d+) created");
        String key = parse(runCli("key", "create", "--account", account, "--scope", "admin"),
                "Authorization: Bearer (\\S+)");

        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        int inFlightAtKill;
        Server first = startServer("first");
        try {
            inFlightAtKill = sendUntilKilled(first, key, acknowledged);
        } finally {
            first.destroy();
        }
        assertThat(acknowledged).as("acknowledged batches before the kill").hasSizeGreaterThanOrEqualTo(20);

        Server restarted = startServer("restarted");
        try {
            Map<Long, Map<Long, Long>> stayByRoomAndViewer = everyRecord(restarted.port(), key);
            for (long batch : acknowledged) {
                Map<Long, Long> viewers = stayByRoomAndViewer.get(room(batch));
                assertThat(viewers).as("records of acknowledged batch %d", batch).isNotNull();
                for (long v = 1; v <= VIEWERS_PER_BATCH; v++) {
                    assertThat(viewers.get(v)).as("stay of batch %d, viewer %d", batch, v).isEqualTo(STAY);
                }
            }
            // A batch is one transaction: even one that was not acknowledged is whole or absent.
            stayByRoomAndViewer.forEach((room, viewers) ->
                    assertThat(viewers).as("room %d", room).hasSize(VIEWERS_PER_BATCH));
            System.out.printf("durability: %d batches acknowledged, %d stored, %d requests in flight at the kill%n",
                    acknowledged.size(), stayByRoomAndViewer.size(), inFlightAtKill);
        } finally {
            restarted.destroy();
        }
    }

    /**
     * Senders post batches in a loop; once enough are acknowledged, the server is killed while the senders go on.
     * Returns how many requests were in flight at the moment of the kill.
     */
    private int sendUntilKilled(Server server, String key, Set<Long> acknowledged) throws Exception {
        AtomicLong nextBatch = new AtomicLong(1);
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger inFlight = new AtomicInteger();
        List<String> unexpected = new ArrayList<>();
        long at = Instant.now().getEpochSecond() - 600;
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            for (int i = 0; i < SENDERS; i++) {
                senders.submit(() -> {
                    while (!killed.get()) {
                        long batch = nextBatch.getAndIncrement();
                        inFlight.incrementAndGet();
                        try {
                            HttpResponse<String> response = post(server.port(), Paths.INGEST, key,
                                    batchBody(batch, at));
                            if (response.statusCode() == 200) {
                                acknowledged.add(batch);
                            } else if (response.statusCode() != 429 && response.statusCode() != 503) {
                                synchronized (unexpected) {
                                    unexpected.add(response.statusCode() + " " + response.body());
                                }
                            }
                        } catch (IOException e) {
                            if (!killed.get()) {
                                synchronized (unexpected) {
                                    unexpected.add(e.toString());
                                }
                            }
                            return null;
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                    return null;
                });
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (acknowledged.size() < 150 && System.nanoTime() < deadline && server.process().isAlive()) {
                Thread.sleep(20);
            }
            int inFlightNow = inFlight.get();
            killed.set(true);
            server.process().destroyForcibly(); // SIGKILL: no shutdown hook, no graceful stop
            assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).as("the server died").isTrue();
            synchronized (unexpected) {
                assertThat(unexpected).as("failures before the kill").isEmpty();
            }
            return inFlightNow;
        } finally {
            senders.shutdownNow();
            assertThat(senders.awaitTermination(20, TimeUnit.SECONDS)).as("senders stopped").isTrue();
        }
    }

    /** Batch n: viewers 1..10 enter room 1000 + n and beat 20 s later; each batch makes records of its own. */
    private static String batchBody(long batch, long at) {
        List<IngestEvent> events = new ArrayList<>();
        for (long v = 1; v <= VIEWERS_PER_BATCH; v++) {
            events.add(Events.enter(room(batch), v, "s" + v, at, WatchMode.PLAYBACK));
            events.add(Events.beat(room(batch), v, "s" + v, at + STAY));
        }
        return Events.body(events);
    }

    private static long room(long batch) {
        return 1000 + batch;
    }

    /** room -> viewer -> stay_duration, walking every page. */
    private static Map<Long, Map<Long, Long>> everyRecord(int port, String key) throws Exception {
        Map<Long, Map<Long, Long>> records = new HashMap<>();
        long total = -1;
        int walked = 0;
        for (int page = 1; total < 0 || walked < total; page++) {
            HttpResponse<String> response = post(port, HttpTest.LIST_PATH, key,
                    "{\"page\":" + page + ",\"page_size\":500,\"sort\":\"asc\"}");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode data = JSON.readTree(response.body()).get("data");
            total = data.get("total").asLong();
            JsonNode list = data.get("list");
            assertThat(list.isEmpty()).as("page %d of %d records", page, total).isFalse();
            for (JsonNode r : list) {
                Long previous = records.computeIfAbsent(r.get("room_id").asLong(), k -> new HashMap<>())
                        .put(r.get("wechat_user_space_id").asLong(), r.get("stay_duration").asLong());
                assertThat(previous).as("a record seen twice").isNull();
                walked++;
            }
        }
        return records;
    }

    private static HttpResponse<String> post(int port, String path, String key, String body)
            throws IOException, InterruptedException {
        return Http.postJson(port, path, key, body, Duration.ofSeconds(10));
    }

    // --- the child JVMs -------------------------------------------------------------------------------

    /** A server child JVM that answers on its port. */
    private record Server(Process process, int port) {
        void destroy() throws InterruptedException {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the server on a free port and waits until it answers; fails with its log if it does not in 60 s. */
    private Server startServer(String name) throws Exception {
        int port = freePort();
        Process process = java("--server.port=" + port, databaseSetting())
                .redirectErrorStream(true).redirectOutput(log(name).toFile()).start();
        Server server = new Server(process, port);
        try {
            awaitReady(server, name);
            return server;
        } catch (Throwable e) {
            server.destroy();
            throw e;
        }
    }

    private void awaitReady(Server server, String name) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.process().isAlive()) {
                fail("the " + name + " server exited with " + server.process().exitValue() + ":\n" + tail(log(name)));
            }
            try {
                HttpResponse<String> health = Http.send(server.port(), "GET", "/actuator/health", Map.of(), null,
                        Duration.ofSeconds(2));
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        fail("the " + name + " server did not answer within 60 s:\n" + tail(log(name)));
    }

    /** Runs the admin CLI of the jar in a child JVM; returns what it printed. */
    private String runCli(String... args) throws Exception {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.add(databaseSetting());
        ProcessBuilder builder = java(all.toArray(String[]::new)).redirectErrorStream(true);
        Process cli = builder.start();
        try {
            byte[] output = cli.getInputStream().readAllBytes();
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("CLI finished").isTrue();
            String text = new String(output, StandardCharsets.UTF_8);
            assertThat(cli.exitValue()).as("CLI %s: %s", all, text).isZero();
            return text;
        } finally {
            cli.destroyForcibly();
        }
    }

    private String databaseSetting() {
        return "--watchtime.database.url=" + database;
    }

    /** The main code and its libraries, without the test classes (no test configuration gets scanned). */
    private static ProcessBuilder java(String... args) {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath, Main.class.getName()));
        command.addAll(Arrays.asList(args));
        return new ProcessBuilder(command);
    }

    private Path log(String name) throws IOException {
        Files.createDirectories(logs);
        return logs.resolve("durability-" + Integer.toHexString(database.hashCode()) + "." + name + ".log");
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String parse(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("%s in:\n%s", regex, text).isTrue();
        return m.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
