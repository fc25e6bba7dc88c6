package io.watchtime.client.http;

import io.watchtime.client.WatchtimeException;
import io.watchtime.protocol.ApiResponse;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.core.JacksonException;

/**
 * Judges one attempt. The contract's envelope with code 200 is a success. A 429, a 5xx, a timeout or a broken
 * connection may pass, so they are worth retrying; anything else will not heal by waiting. Every failure is a
 * {@link WatchtimeException} with the status, the server's {@code msg} (or what went wrong) and its
 * {@code Retry-After}.
 */
final class Classifier {

    private final URI baseUrl;
    private final Duration requestTimeout;
    /** Until the server has answered once, "connection refused" means a wrong URL, not a passing fault. */
    private volatile boolean answeredOnce;

    Classifier(URI baseUrl, Duration requestTimeout) {
        this.baseUrl = baseUrl;
        this.requestTimeout = requestTimeout;
    }

    /** An answer came: its envelope as {@code reader} reads it, or why it is not a success. */
    <T> Outcome<T> answer(HttpResponse<byte[]> response, Transport.AnswerReader<T> reader) {
        answeredOnce = true;
        int status = response.statusCode();
        ApiResponse<T> body = parse(response.body(), reader);
        if (status == 200 && body != null && body.code() == 200) {
            if (body.data() != null) {
                return new Outcome.Success<>(body.data());
            }
            // Outside the contract too: said here, rather than as a NullPointerException in the caller.
            return new Outcome.Failure<>(new WatchtimeException(200, "unexpected answer: " + snippet(response.body()),
                    null, null), false);
        }
        String msg = body != null && body.msg() != null ? body.msg() : "unexpected answer: " + snippet(response.body());
        // A server of the contract may answer HTTP 200 and put the failure in the envelope's code.
        int code = status == 200 && body != null ? body.code() : status;
        boolean passing = code == 429 || code >= 500;
        return new Outcome.Failure<>(new WatchtimeException(code, msg, retryAfter(response), null), passing);
    }

    /**
     * No answer came: {@code fault} is an {@link java.io.IOException} or an unresolved host. A timeout may pass, so
     * it is retried. Anything else before the server's first answer means the URL is wrong, not that the server
     * is in trouble: nobody listens there (connection refused), or something that is not an HTTP server of this
     * scheme does (a garbled status line, a connection closed without a byte, a TLS handshake with plain HTTP), and
     * five minutes of retries would only hide that. Once the server has answered, the same faults are passing.
     */
    <T> Outcome<T> noAnswer(Exception fault) {
        if (fault instanceof HttpTimeoutException) {
            String within = Seconds.of(requestTimeout.toMillis());
            return failure("no answer from " + baseUrl + " within " + within, fault, true);
        }
        if (fault instanceof ConnectException || fault instanceof UnresolvedAddressException) {
            return failure("cannot connect to " + baseUrl + " (" + describe(fault)
                    + "); check the URL and that the server is running", fault, answeredOnce);
        }
        if (!answeredOnce) {
            return failure("no HTTP answer from " + baseUrl + " (" + describe(fault) + "); something else listens"
                    + " there: check the URL's port and http/https", fault, false);
        }
        return failure("connection to " + baseUrl + " failed: " + describe(fault), fault, true);
    }

    private static <T> Outcome<T> failure(String msg, Exception fault, boolean retryable) {
        return new Outcome.Failure<>(new WatchtimeException(0, msg, null, fault), retryable);
    }

    private static <T> ApiResponse<T> parse(byte[] bytes, Transport.AnswerReader<T> reader) {
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

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).strip().replaceAll("\\s+", " ");
        return text.isEmpty() ? "(empty body)" : text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
