package io.watchtime.server.web;

import io.watchtime.protocol.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Response;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error envelope, {@code {"code":status,"msg":...,"data":null}} with the same HTTP status and, when the
 * client should come back later, {@code Retry-After}: for Spring MVC's advice, the servlet filters that run
 * before it, and Tomcat's own refusals.
 */
public final class ErrorBody {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorBody() {
    }

    /** For the MVC advice and error controller. */
    public static ResponseEntity<ApiResponse<Void>> entity(ApiException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            builder.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return builder.body(ApiResponse.failure(e.status(), e.getMessage()));
    }

    /** For code that runs outside Spring MVC: the filters. */
    public static void write(HttpServletResponse response, ApiException e) throws IOException {
        head(response, e);
        response.getOutputStream().write(json(e));
    }

    /**
     * For Tomcat's error report, which must go through its reporter writer; the head comes first, since the
     * writer takes its encoding from the response when it is made. Nothing is written to a suspended response.
     */
    static void report(Response response, ApiException e) throws IOException {
        head(response, e);
        Writer reporter = response.getReporter();
        if (reporter != null) {
            reporter.write(new String(json(e), StandardCharsets.UTF_8));
            response.finishResponse();
        }
    }

    private static void head(HttpServletResponse response, ApiException e) {
        response.setStatus(e.status());
        if (e.retryAfterSeconds() > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    }

    private static byte[] json(ApiException e) {
        return JSON.writeValueAsBytes(ApiResponse.failure(e.status(), e.getMessage()));
    }
}
