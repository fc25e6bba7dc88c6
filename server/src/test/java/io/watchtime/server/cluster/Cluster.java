package io.watchtime.server.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A cluster started by {@code deploy/cluster.sh} exactly as an operator starts one: N nodes behind HAProxy on a
 * PostgreSQL database of its own ({@code wt_cluster_...}, dropped by {@link #close()}) and the Redis given. The
 * script needs the jar that {@code package} built, so tests using it run in the integration-test phase.
 */
final class Cluster implements AutoCloseable {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent(); // tests run in server/
    private static final Path SCRIPT = ROOT.resolve("deploy/cluster.sh");
    private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/";

    private final Path dir;
    private final String database;
    private final int port;

    private Cluster(Path dir, String database, int port) {
        this.dir = dir;
        this.database = database;
        this.port = port;
    }

    /** Starts {@code nodes} nodes; fails loudly, with the script's words, when haproxy, PostgreSQL or Redis is missing. */
    static Cluster start(String name, int nodes, String redisUrl) throws IOException, InterruptedException {
        Path dir = Path.of("target", "cluster", name).toAbsolutePath();
        String database = "wt_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Cluster cluster = new Cluster(dir, database, 0);
        try {
            cluster.script(Duration.ofMinutes(4), List.of("start", Integer.toString(nodes)), redisUrl);
        } catch (AssertionError e) {
            cluster.dropDatabase();
            throw e;
        }
        int port = Integer.parseInt(Files.readString(dir.resolve("balancer.port")).strip());
        return new Cluster(dir, database, port);
    }

    /** The balancer's port: every request of the tests goes there. */
    int port() {
        return port;
    }

    /** The database's URL with credentials, for making accounts in it. */
    String jdbcUrl() {
        return POSTGRESQL + database + "?user=postgres";
    }

    /** SIGKILL to node {@code i}: no shutdown hook, no graceful end, as a machine that loses power. */
    void kill(int node) throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(dir.resolve("node-" + node + ".pid")).strip());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError("node " + node + " is not running"));
        process.destroyForcibly(); // SIGKILL on Linux
        for (int i = 0; i < 500 && process.isAlive(); i++) {
            Thread.sleep(20);
        }
        if (process.isAlive()) {
            throw new AssertionError("node " + node + " (pid " + pid + ") outlived SIGKILL");
        }
    }

    /** Starts node {@code i} again on its port; returns once it is ready. */
    void restartNode(int node) throws IOException, InterruptedException {
        script(Duration.ofMinutes(3), List.of("restart-node", Integer.toString(node)), null);
    }

    /** HAProxy's view of node {@code i} ("UP", "DOWN", ...), from the script's status. */
    String balancerView(int node) throws IOException, InterruptedException {
        String status = script(Duration.ofSeconds(30), List.of("status"), null);
        return status.lines().filter(l -> l.startsWith("node" + node + " ")).map(l -> l.substring(l.lastIndexOf(' ') + 1))
                .findFirst().orElse("unknown");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            script(Duration.ofMinutes(1), List.of("stop"), null);
        } finally {
            dropDatabase();
        }
    }

    private String script(Duration timeout, List<String> args, String redisUrl) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("CLUSTER_DIR", dir.toString());
        builder.environment().put("CLUSTER_DATABASE", database);
        if (redisUrl != null) {
            builder.environment().put("CLUSTER_REDIS_URL", redisUrl);
        }
        Files.createDirectories(dir.getParent());
        Path out = dir.getParent().resolve(dir.getFileName() + "-" + args.get(0) + ".out");
        builder.redirectOutput(out.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("deploy/cluster.sh " + String.join(" ", args) + " took over " + timeout);
        }
        String output = Files.readString(out, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError("deploy/cluster.sh " + String.join(" ", args) + " failed (exit "
                    + process.exitValue() + "):\n" + output);
        }
        return output;
    }

    private void dropDatabase() {
        try (Connection c = DriverManager.getConnection(POSTGRESQL + "postgres?user=postgres");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("could not drop " + database + ": " + e.getMessage());
        }
    }
}
