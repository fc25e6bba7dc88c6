package io.watchtime.client.http;

import io.watchtime.client.Authentication;
import io.watchtime.client.CallStats;
import io.watchtime.client.RateLimit;
import io.watchtime.client.RetryPolicy;
import io.watchtime.client.Ticker;
import io.watchtime.protocol.ApiResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JavaType;

/**
 * One JSON POST to the server, done right, in steps that each run the next, outermost first:
 * <ol>
 *   <li>{@link RetryLoop} makes attempts until one succeeds or fails for good, waiting out passing failures
 *       (backoff, or the server's {@code Retry-After}) up to {@link RetryPolicy#giveUpAfter()};</li>
 *   <li>the endpoint's {@link Pacer} sends each attempt only when it fits under the rate limit (one window per
 *       endpoint, as the server counts);</li>
 *   <li>{@link Classifier} judges what came back, or that nothing did: success, worth retrying, or a failure
 *       for good, as a {@link io.watchtime.client.WatchtimeException} with status, {@code msg} and
 *       {@code Retry-After}.</li>
 * </ol>
 */
public final class Transport {

    private final URI baseUrl;
    private final Authentication authentication;
    private final Duration requestTimeout;
    private final RateLimit rateLimit;
    private final Ticker ticker;
    private final HttpClient http;
    private final RetryLoop retryLoop;
    private final Map<String, Pacer> pacers = new ConcurrentHashMap<>();
    private final Classifier classifier;
    private final LongAdder requests = new LongAdder();
    private final LongAdder refused = new LongAdder();

    public Transport(URI baseUrl, Authentication authentication, RateLimit rateLimit, RetryPolicy retryPolicy,
                     Ticker ticker, HttpClient http) {
        this.baseUrl = baseUrl;
        this.authentication = authentication;
        this.requestTimeout = retryPolicy.requestTimeout();
        this.rateLimit = rateLimit;
        this.ticker = ticker;
        this.http = http;
        this.retryLoop = new RetryLoop(retryPolicy, ticker);
        this.classifier = new Classifier(baseUrl, requestTimeout);
    }

    /**
     * Reads an answer's bytes into the envelope; returns null or throws {@link JacksonException} when they are
     * not the contract's envelope (a proxy's page, a broken answer). Lets a caller read only part of a large
     * answer before the call returns and bind the rest later (see {@code Viewings}).
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
        return retryLoop.run(path, () -> attempt(request, pacer, reader));
    }

    public CallStats stats() {
        return new CallStats(requests.sum(), refused.sum(), retryLoop.retries());
    }

    /** One attempt: sent once within the endpoint's window, then what came back (or did not) judged. */
    private <T> Outcome<T> attempt(HttpRequest request, Pacer pacer, AnswerReader<T> reader)
            throws InterruptedException {
        HttpResponse<byte[]> response;
        try {
            response = pacer.paced(() -> send(request));
        } catch (IOException | UnresolvedAddressException e) {
            return classifier.noAnswer(e);
        }
        return classifier.answer(response, reader);
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws IOException, InterruptedException {
        requests.increment();
        HttpResponse<byte[]> response = http.send(request, Transport::body);
        if (response.statusCode() == 429) {
            refused.increment();
        }
        return response;
    }

    /**
     * The answer's bytes, gunzipped when the server gzipped them: a page of 500 records travels as ~30 KB instead
     * of ~250 KB. Java's HttpClient neither asks for nor decodes gzip by itself.
     */
    private static HttpResponse.BodySubscriber<byte[]> body(HttpResponse.ResponseInfo info) {
        boolean gzipped = info.headers().firstValue("Content-Encoding").filter(e -> e.equalsIgnoreCase("gzip")).isPresent();
        return gzipped ? HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(), Transport::gunzip)
                : HttpResponse.BodySubscribers.ofByteArray();
    }

    private static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 64 * 1024)) {
            return in.readAllBytes();
        } catch (IOException e) {
            // the call fails with it as an IOException: no usable answer, judged like a cut connection
            throw new UncheckedIOException("the answer's gzip body is broken: " + e.getMessage(), e);
        }
    }

    private HttpRequest request(String path, byte[] json) {
        // Resolved without its leading slash, so that a path prefix of the base URL is kept.
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path.substring(1)))
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Accept-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        authentication.headers().forEach(builder::header);
        return builder.build();
    }
}
