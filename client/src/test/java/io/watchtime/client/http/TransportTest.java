package io.watchtime.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import io.watchtime.client.RetryPolicy;
import io.watchtime.client.WatchtimeClient;
import io.watchtime.client.WatchtimeException;
import io.watchtime.client.support.FakeTime;
import io.watchtime.protocol.DurationListRequest;
import io.watchtime.protocol.Sort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * How a call judges answers and retries, against a scripted server (no Watchtime behind it): which failures are
 * waited out, which end the call at once, and what the error then says. Waits run on fake time.
 */
class TransportTest {

    private static final DurationListRequest PAGE = new DurationListRequest(1, 10, Sort.ASC, 0, 0, 0);
    private static final String SUCCESS = "{\"code\":200,\"msg\":\"Success\",\"data\":{\"total\":3,\"list\":[]}}";

    /** One scripted answer: after {@code delayMillis} of real time, {@code status} with {@code body}. */
    private record Answer(int status, String retryAfter, String body, long delayMillis) {
        static Answer of(int status, String body) {
            return new Answer(status, null, body, 0);
        }
    }

    private final Queue<Answer> script = new ConcurrentLinkedQueue<>(); // the server answers on threads of its own
    /** When set, the scripted server gzips an answer whose request asked for it, as Watchtime does. */
    private volatile boolean gzipWhenAsked;
    private volatile String lastAcceptEncoding;
    private final FakeTime time = new FakeTime();
    private final HttpServer server = start();

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aServerErrorIsRetriedAfterABackoffAndTheCallSucceeds() {
        script.add(Answer.of(503, "{\"code\":503,\"msg\":\"busy\",\"data\":null}"));
        script.add(Answer.of(200, SUCCESS));
        WatchtimeClient client = client(RetryPolicy.DEFAULT);
        long start = time.millis();
        assertThat(client.viewings().page(PAGE).total()).isEqualTo(3);
        assertThat(client.stats().requests()).isEqualTo(2);
        assertThat(client.stats().retried()).isEqualTo(1);
        assertThat(time.millis() - start).as("half the first step fixed, half random").isBetween(100L, 200L);
    }

    @Test
    void a429IsWaitedOutByItsRetryAfter() {
        script.add(new Answer(429, "7", "{\"code\":429,\"msg\":\"slow down\",\"data\":null}", 0));
        script.add(Answer.of(200, SUCCESS));
        WatchtimeClient client = client(RetryPolicy.DEFAULT);
        long start = time.millis();
        assertThat(client.viewings().page(PAGE).total()).isEqualTo(3);
        assertThat(time.millis() - start).isEqualTo(7_000);
        assertThat(client.stats().refused()).isEqualTo(1);
    }

    @Test
    void theClientAsksForGzipAndReadsAGzippedAnswer() {
        gzipWhenAsked = true;
        script.add(Answer.of(200, SUCCESS));
        script.add(Answer.of(400, "{\"code\":400,\"msg\":\"page_size too large\",\"data\":null}"));
        WatchtimeClient client = client(RetryPolicy.DEFAULT);
        assertThat(client.viewings().page(PAGE).total()).isEqualTo(3);
        assertThat(lastAcceptEncoding).isEqualTo("gzip");
        assertThat(failureOf(client).msg()).as("a gzipped failure is read too").isEqualTo("page_size too large");
    }

    @Test
    void aRefusedKeyEndsTheCallAtOnceWithTheServersMsg() {
        script.add(Answer.of(401, "{\"code\":401,\"msg\":\"unknown key\",\"data\":null}"));
        WatchtimeException e = failureOf(client(RetryPolicy.DEFAULT));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.msg()).isEqualTo("unknown key");
        assertThat(e).hasMessage("HTTP 401: unknown key");
        assertThat(script).isEmpty();
    }

    @Test
    void aFailureInTheEnvelopeOfAnHttp200IsJudgedByItsCode() {
        script.add(Answer.of(200, "{\"code\":500,\"msg\":\"db down\",\"data\":null}"));
        script.add(Answer.of(200, "{\"code\":400,\"msg\":\"page_size too large\",\"data\":null}"));
        WatchtimeClient client = client(RetryPolicy.DEFAULT);
        WatchtimeException e = failureOf(client);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.msg()).isEqualTo("page_size too large");
        assertThat(client.stats().retried()).as("the 500 was retried, the 400 was not").isEqualTo(1);
    }

    @Test
    void aSuccessWithoutDataIsAnUnexpectedAnswer() {
        script.add(Answer.of(200, "{\"code\":200,\"msg\":\"Success\",\"data\":null}"));
        WatchtimeException e = failureOf(client(RetryPolicy.DEFAULT));
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.msg()).isEqualTo("unexpected answer: {\"code\":200,\"msg\":\"Success\",\"data\":null}");
    }

    @Test
    void aProxysPageIsRetriedUntilTheTimeIsUpThenNamedInTheError() {
        for (int i = 0; i < 50; i++) {
            script.add(new Answer(502, "2", "<html><body>\n<h1>502 Bad Gateway</h1>\n</body></html>", 0));
        }
        RetryPolicy policy = RetryPolicy.DEFAULT.withGiveUpAfter(Duration.ofSeconds(5));
        WatchtimeException e = failureOf(client(policy));
        assertThat(e.status()).isEqualTo(502);
        assertThat(e.msg()).isEqualTo("gave up after 3 attempts in 4.0 s: unexpected answer: "
                + "<html><body> <h1>502 Bad Gateway</h1> </body></html>");
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    @Test
    void aTimeoutIsRetried() {
        script.add(new Answer(200, null, SUCCESS, 2_000));
        script.add(Answer.of(200, SUCCESS));
        RetryPolicy policy = new RetryPolicy(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1),
                Duration.ofMillis(200));
        WatchtimeClient client = client(policy);
        assertThat(client.viewings().page(PAGE).total()).isEqualTo(3);
        assertThat(client.stats().retried()).isEqualTo(1);
    }

    @Test
    void aRefusedConnectionIsAWrongUrlUntilTheServerHasAnsweredAndAPassingFaultAfter() {
        server.stop(0);
        WatchtimeException wrongUrl = failureOf(client(RetryPolicy.DEFAULT));
        assertThat(wrongUrl.status()).isZero();
        assertThat(wrongUrl.msg()).startsWith("cannot connect to " + baseUrl(server)).endsWith(
                "; check the URL and that the server is running");

        HttpServer other = start();
        try {
            script.add(Answer.of(200, SUCCESS));
            WatchtimeClient client = client(other, RetryPolicy.DEFAULT.withGiveUpAfter(Duration.ofSeconds(10)));
            client.viewings().page(PAGE);
            other.stop(0);
            WatchtimeException gone = failureOf(client);
            assertThat(gone.status()).isZero();
            assertThat(gone.msg()).startsWith("gave up after ");
            assertThat(client.stats().retried()).isPositive();
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aPortThatDoesNotSpeakHttpIsAWrongUrlAndNotRetried() throws IOException {
        try (RawServer garbage = new RawServer(answered -> "hello, this is not HTTP\r\n\r\n")) {
            WatchtimeClient client = client(garbage.url(), RetryPolicy.DEFAULT);
            WatchtimeException e = failureOf(client);
            assertThat(e.status()).isZero();
            assertThat(e.msg()).isEqualTo("no HTTP answer from " + garbage.url() + "/ (Invalid status line: \"hello, this is"
                    + " not HTTP\"); something else listens there: check the URL's port and http/https");
            assertThat(client.stats().retried()).isZero();
        }
    }

    @Test
    void aConnectionClosedWithoutAnAnswerIsAPassingFaultOnceTheServerHasAnswered() throws IOException {
        String ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + SUCCESS.length()
                + "\r\nConnection: close\r\n\r\n" + SUCCESS;
        try (RawServer flaky = new RawServer(answered -> answered == 0 ? ok : "")) {
            WatchtimeClient client = client(flaky.url(), RetryPolicy.DEFAULT.withGiveUpAfter(Duration.ofSeconds(10)));
            assertThat(client.viewings().page(PAGE).total()).isEqualTo(3);
            WatchtimeException gone = failureOf(client);
            assertThat(gone.msg()).startsWith("gave up after ").contains("received no bytes");
            assertThat(client.stats().retried()).isPositive();
        }
    }

    private static WatchtimeException failureOf(WatchtimeClient client) {
        return catchThrowableOfType(WatchtimeException.class, () -> client.viewings().page(PAGE));
    }

    private WatchtimeClient client(RetryPolicy policy) {
        return client(server, policy);
    }

    private WatchtimeClient client(HttpServer of, RetryPolicy policy) {
        return client(baseUrl(of), policy);
    }

    private WatchtimeClient client(String baseUrl, RetryPolicy policy) {
        return WatchtimeClient.builder().baseUrl(baseUrl).apiKey("wt_test").ticker(time).retryPolicy(policy).build();
    }

    /**
     * A TCP server below HTTP: reads each request's head, writes what {@code reply} gives for the n-th connection
     * (raw bytes; empty: nothing) and hangs up. It plays the ports that are not Watchtime.
     */
    private static final class RawServer implements AutoCloseable {
        private final ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());

        RawServer(IntFunction<String> reply) throws IOException {
            Thread thread = new Thread(() -> {
                for (int n = 0; !socket.isClosed(); n++) {
                    try (Socket s = socket.accept()) {
                        readHead(s.getInputStream());
                        s.getOutputStream().write(reply.apply(n).getBytes(StandardCharsets.UTF_8));
                        s.getOutputStream().flush();
                    } catch (IOException e) {
                        return; // closed by the test
                    }
                }
            }, "raw-server");
            thread.setDaemon(true);
            thread.start();
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }

        private static void readHead(InputStream in) throws IOException {
            for (int last4 = 0, b; (b = in.read()) >= 0 && last4 != 0x0D0A0D0A; ) {
                last4 = last4 << 8 | b;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static String baseUrl(HttpServer of) {
        return "http://127.0.0.1:" + of.getAddress().getPort();
    }

    /** A server on a free port that answers from the script, in order. */
    private HttpServer start() {
        try {
            HttpServer started = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            started.setExecutor(Executors.newCachedThreadPool(task -> { // a slow answer must not hold up the next
                Thread thread = new Thread(task, "scripted-server");
                thread.setDaemon(true);
                return thread;
            }));
            started.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                Answer answer = script.poll();
                if (answer == null) {
                    answer = Answer.of(500, "script ran out");
                }
                sleep(answer.delayMillis());
                if (answer.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
                }
                byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
                lastAcceptEncoding = exchange.getRequestHeaders().getFirst("Accept-Encoding");
                if (gzipWhenAsked && "gzip".equals(lastAcceptEncoding)) {
                    body = gzip(body);
                    exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                }
                exchange.sendResponseHeaders(answer.status(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            started.start();
            return started;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
