package io.watchtime.server.support;

import io.lettuce.core.api.sync.RedisCommands;
import io.watchtime.server.redis.Redis;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A Redis of a test's own, on a free port, that the test can stop and start again to see what a node does
 * while Redis is away and when it comes back. Keeps nothing on disk.
 */
public final class RedisProcess implements AutoCloseable {

    private final int port;
    private Process process;

    private RedisProcess(int port) {
        this.port = port;
    }

    public static RedisProcess start() throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RedisProcess redis = new RedisProcess(port);
        redis.restart();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public void restart() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 100; i++) {
            try {
                commands(RedisCommands::ping);
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("redis-server did not start on port " + port);
    }

    /** A command on a connection of its own, apart from the node's under test. */
    public <T> T commands(Function<RedisCommands<String, String>, T> command) {
        try (Redis redis = Redis.of(TestRedis.settings(url(), ""))) {
            return redis.call(command);
        }
    }

    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
