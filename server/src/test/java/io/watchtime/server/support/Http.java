package io.watchtime.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The tests' one way to send a request to a server on this machine, in-process or a child JVM. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** Any method, any headers, any bytes (null body: none); a refused or cut connection is an IOException. */
    public static HttpResponse<String> send(int port, String method, String path, Map<String, String> headers,
            byte[] body, Duration timeout) throws IOException, InterruptedException {
        return CLIENT.send(request(port, method, path, headers, body, timeout),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** As {@link #send}, with the body's bytes as they came: a gzipped answer stays gzipped. */
    public static HttpResponse<byte[]> sendForBytes(int port, String method, String path, Map<String, String> headers,
            byte[] body, Duration timeout) throws IOException, InterruptedException {
        return CLIENT.send(request(port, method, path, headers, body, timeout), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest request(int port, String method, String path, Map<String, String> headers,
            byte[] body, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return request.build();
    }

    /** A JSON POST with a bearer key, as every client of the two endpoints sends it. */
    public static HttpResponse<String> postJson(int port, String path, String key, String json, Duration timeout)
            throws IOException, InterruptedException {
        return send(port, "POST", path, Map.of("Authorization", "Bearer " + key, "Content-Type", "application/json"),
                json.getBytes(StandardCharsets.UTF_8), timeout);
    }
}
