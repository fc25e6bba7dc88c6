package io.watchtime.client.http;

import io.watchtime.client.Authentication;
import io.watchtime.client.CallStats;
import io.watchtime.client.RateLimit;
import io.watchtime.client.RetryPolicy;
import io.watchtime.client.Ticker;
import io.watchtime.client.WatchtimeException;
import io.watchtime.protocol.ApiResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

/**
 * One JSON POST to the server, done right: paced under the rate limit (one window per endpoint, as the
 * server counts), retried on 429 (after {@code Retry-After}), 5xx, timeouts and connection faults with
 * backoff and jitter, and given up with a clear error after {@link RetryPolicy#giveUpAfter()}.
 */
public final class Transport {

    private static final System.Logger LOG = System.getLogger(Transport.class.getName());

    private final URI baseUrl;
    private final Authentication authentication;
    private final RateLimit rateLimit;
    private final RetryPolicy retryPolicy;
    private final Ticker ticker;
    private final HttpClient http;
    private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();
    /** Until the server has answered once, "connection refused" means a wrong URL, not a passing fault. */
    private volatile boolean answeredOnce;
    private final LongAdder requests = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder retried = new LongAdder();

    public Transport(URI baseUrl, Authentication authentication, RateLimit rateLimit, RetryPolicy retryPolicy,
                     Ticker ticker, HttpClient http) {
        this.baseUrl = baseUrl;
        this.authentication = authentication;
        this.rateLimit = rateLimit;
        this.retryPolicy = retryPolicy;
        this.ticker = ticker;
        this.http = http;
    }

    /**
     * Reads an answer's bytes into the envelope; returns null or throws {@link JacksonException} when they are
     * not the contract's envelope (a proxy's page, a broken answer). Lets a caller read only part of a large answer before the call
     * returns and bind the rest later (see {@code Viewings}).
     */
    @FunctionalInterface
    public interface AnswerReader<T> {
        ApiResponse<T> read(byte[] body);
    }

    /** POSTs {@code body} as JSON to {@code path} and returns the answer's {@code data}, read as {@code dataType}. */
    public <T> T post(String path, Object body, Class<T> dataType) {
        JavaType type = Json.MAPPER.getTypeFactory().constructParametricType(ApiResponse.class, dataType);
        return post(path, body, bytes -> Json.MAPPER.readValue(bytes, type));
    }

    /**
     * POSTs {@code body} as JSON to {@code path} and returns the answer's {@code data} as {@code reader} reads it;
     * pacing, retries and errors as for every call.
     */
    public <T> T post(String path, Object body, AnswerReader<T> reader) {
        HttpRequest request = request(path, Json.MAPPER.writeValueAsBytes(body));
        Pacer pacer = pacers.computeIfAbsent(path, p -> new Pacer(rateLimit, ticker));
        long started = ticker.millis();
        for (int attempt = 1; ; attempt++) {
            Outcome outcome;
            try {
                pacer.acquire();
                outcome = attempt(request, pacer, reader);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WatchtimeException(0, "interrupted while calling " + path, null, e);
            }
            if (outcome.result != null) {
                @SuppressWarnings("unchecked")
                T data = (T) outcome.result;
                return data;
            }
            if (!outcome.worthRetrying) {
                throw outcome.exception;
            }
            long waitMillis = outcome.exception.retryAfter().isPresent()
                    ? outcome.exception.retryAfter().get().toMillis() : backoff(attempt);
            long elapsed = ticker.millis() - started;
            if (elapsed + waitMillis > retryPolicy.giveUpAfter().toMillis()) {
                throw new WatchtimeException(outcome.exception.status(), "gave up after " + attempt + " attempts in "
                        + seconds(elapsed) + ": " + outcome.exception.msg(), outcome.exception.retryAfter().orElse(null),
                        outcome.exception.getCause());
            }
            LOG.log(System.Logger.Level.INFO, "{0} failed ({1}); attempt {2} in {3}", path,
                    outcome.exception.getMessage(), attempt + 1, seconds(waitMillis));
            retried.increment();
            try {
                ticker.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WatchtimeException(0, "interrupted while waiting to retry " + path, null, e);
            }
        }
    }

    /** What one attempt gave: a result, or an exception and whether trying again can help. */
    private record Outcome(Object result, WatchtimeException exception, boolean worthRetrying) {
        static Outcome success(Object result) {
            return new Outcome(result, null, false);
        }
    }

    private Outcome attempt(HttpRequest request, Pacer pacer, AnswerReader<?> reader) throws InterruptedException {
        HttpResponse<byte[]> response;
        requests.increment();
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            pacer.release(true);
            return new Outcome(null, new WatchtimeException(0, "no answer from " + baseUrl + " within "
                    + seconds(retryPolicy.requestTimeout().toMillis()), null, e), true);
        } catch (ConnectException | UnresolvedAddressException e) {
            pacer.release(true);
            return new Outcome(null, new WatchtimeException(0, "cannot connect to " + baseUrl + " (" + describe(e)
                    + "); check the URL and that the server is running", null, e), answeredOnce);
        } catch (IOException e) {
            pacer.release(true);
            return new Outcome(null, new WatchtimeException(0, "connection to " + baseUrl + " failed: " + describe(e),
                    null, e), true);
        }
        answeredOnce = true;
        int status = response.statusCode();
        pacer.release(status != 429);
        if (status == 429) {
            refused.increment();
        }
        Duration retryAfter = retryAfter(response);
        ApiResponse<?> body = parse(response.body(), reader);
        if (status == 200 && body != null && body.code() == 200) {
            return Outcome.success(body.data());
        }
        String msg = body != null && body.msg() != null ? body.msg() : "unexpected answer: " + snippet(response.body());
        int code = status == 200 && body != null ? body.code() : status;
        boolean passing = code == 429 || code >= 500;
        return new Outcome(null, new WatchtimeException(code, msg, retryAfter, null), passing);
    }

    public CallStats stats() {
        return new CallStats(requests.sum(), refused.sum(), retried.sum());
    }

    private HttpRequest request(String path, byte[] json) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path.substring(1))) // keeps a path prefix of the base URL
                .timeout(retryPolicy.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        authentication.headers().forEach(builder::header);
        return builder.build();
    }

    private static ApiResponse<?> parse(byte[] bytes, AnswerReader<?> reader) {
        try {
            return reader.read(bytes);
        } catch (JacksonException e) {
            return null; // not the contract's envelope: a proxy's page or a broken answer
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> v.trim().matches("[0-9]{1,9}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.trim())))
                .orElse(null);
    }

    /** Exponential, capped, with jitter: half the step fixed, half random, so that many clients spread out. */
    private long backoff(int attempt) {
        long step = retryPolicy.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(step, retryPolicy.maxBackoff().toMillis());
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1);
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String snippet(byte[] body) {
        String text = new String(body, java.nio.charset.StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? "(empty body)" : text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
