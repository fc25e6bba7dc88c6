package io.watchtime.client;

import io.watchtime.client.http.Transport;
import io.watchtime.client.ingest.Ingest;
import io.watchtime.client.viewing.Viewings;
import io.watchtime.protocol.DurationListRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

/**
 * The Watchtime SDK: {@code WatchtimeClient.builder().baseUrl(url).apiKey(key).build()}, then
 * {@link #viewings()} to pull records and {@link #ingest()} to send events. Thread-safe and immutable; it
 * paces itself under the server's rate limit and retries passing failures (see {@link RetryPolicy}).
 */
public final class WatchtimeClient {

    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Viewings viewings;
    private final Ingest ingest;
    private final Builder settings;
    private final Transport transport;

    private WatchtimeClient(Builder settings) {
        this.settings = settings;
        // A server that is up accepts in milliseconds: a host that does not answer is found out (and the attempt
        // retried) after 10 s, not after a whole request's timeout.
        Duration requestTimeout = settings.retryPolicy.requestTimeout();
        Duration connectTimeout = requestTimeout.compareTo(MAX_CONNECT_TIMEOUT) < 0 ? requestTimeout : MAX_CONNECT_TIMEOUT;
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade round trip on plain http
                .connectTimeout(connectTimeout)
                .build();
        this.transport = new Transport(settings.baseUrl, settings.authentication, settings.rateLimit,
                settings.retryPolicy, settings.ticker, http);
        this.viewings = new Viewings(transport, settings.pageSize);
        this.ingest = new Ingest(transport);
    }

    public static Builder builder() {
        return new Builder(null, null, RateLimit.DEFAULT, RetryPolicy.DEFAULT, Ticker.SYSTEM,
                DurationListRequest.MAX_PAGE_SIZE);
    }

    /** A builder holding this client's settings, to make a variant. */
    public Builder newBuilder() {
        return settings;
    }

    public Viewings viewings() {
        return viewings;
    }

    public Ingest ingest() {
        return ingest;
    }

    /** The clock this client paces by (the system's unless set). */
    public Ticker ticker() {
        return settings.ticker;
    }

    /** Requests sent, refused (429) and retried by this client so far. */
    public CallStats stats() {
        return transport.stats();
    }

    /** Immutable: every setter returns a new builder. */
    public static final class Builder {
        private final URI baseUrl;
        private final Authentication authentication;
        private final RateLimit rateLimit;
        private final RetryPolicy retryPolicy;
        private final Ticker ticker;
        private final int pageSize;

        private Builder(URI baseUrl, Authentication authentication, RateLimit rateLimit, RetryPolicy retryPolicy,
                        Ticker ticker, int pageSize) {
            this.baseUrl = baseUrl;
            this.authentication = authentication;
            this.rateLimit = rateLimit;
            this.retryPolicy = retryPolicy;
            this.ticker = ticker;
            this.pageSize = pageSize;
        }

        /** The server, like {@code https://watchtime.example.com} (a path prefix is kept). */
        public Builder baseUrl(String url) {
            Objects.requireNonNull(url, "baseUrl");
            URI uri;
            try {
                uri = URI.create(url.trim().endsWith("/") ? url.trim() : url.trim() + "/");
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a URL: \"" + url + "\"; give one like http://localhost:8080");
            }
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) URL: \"" + url + "\"; give one like http://localhost:8080");
            }
            return new Builder(uri, authentication, rateLimit, retryPolicy, ticker, pageSize);
        }

        /** A Watchtime key, sent as {@code Authorization: Bearer <key>}. */
        public Builder apiKey(String apiKey) {
            return authentication(Authentication.bearer(apiKey));
        }

        /** Other headers, for a server of the same contract that authenticates differently. */
        public Builder authentication(Authentication newAuthentication) {
            return new Builder(baseUrl, Objects.requireNonNull(newAuthentication), rateLimit, retryPolicy, ticker, pageSize);
        }

        /** The server's limit per account and endpoint (default 1000 in 10 s); the client never goes above it. */
        public Builder rateLimit(RateLimit newRateLimit) {
            return new Builder(baseUrl, authentication, Objects.requireNonNull(newRateLimit), retryPolicy, ticker, pageSize);
        }

        public Builder retryPolicy(RetryPolicy newRetryPolicy) {
            return new Builder(baseUrl, authentication, rateLimit, Objects.requireNonNull(newRetryPolicy), ticker, pageSize);
        }

        /** The clock and sleeper the client paces and backs off by (tests pass a fake one). */
        public Builder ticker(Ticker newTicker) {
            return new Builder(baseUrl, authentication, rateLimit, retryPolicy, Objects.requireNonNull(newTicker), pageSize);
        }

        /** Records per request when pulling (1..500, default 500, the most the contract allows). */
        public Builder pageSize(int newPageSize) {
            return new Builder(baseUrl, authentication, rateLimit, retryPolicy, ticker, newPageSize);
        }

        public WatchtimeClient build() {
            if (baseUrl == null) {
                throw new IllegalStateException("baseUrl is not set");
            }
            if (authentication == null) {
                throw new IllegalStateException("no API key: set apiKey(...) or authentication(...)");
            }
            return new WatchtimeClient(this);
        }
    }
}
