package io.watchtime.server.web;

import io.watchtime.protocol.InvalidRequestException;
import io.watchtime.server.settings.WatchtimeProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body as JSON with our own checks, so every way a body can be wrong gets a 4xx that
 * says what to fix, instead of a framework's message.
 */
@Component
public class JsonBodies {

    /**
     * The parser's bound on a JSON number's length (its default, said here because the API relies on it): a longer
     * number is refused while it is read, before anything converts it, which costs time that grows with the square
     * of the length. Fields that hold integers refuse more than 20 characters (JsonFields).
     */
    static final int MAX_NUMBER_CHARS = 1000;

    private final JsonMapper strict = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_NUMBER_CHARS).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final Duration readTimeout;

    JsonBodies(WatchtimeProperties properties) {
        this.readTimeout = properties.bodyReadTimeout();
    }

    public JsonNode read(HttpServletRequest request, int maxBytes) {
        requireJsonContentType(request.getContentType());
        byte[] body = BodyInput.read(request, maxBytes, readTimeout);
        if (isBlank(body)) {
            throw new InvalidRequestException("request body is empty; send a JSON object");
        }
        Utf8Check.require(body, strict);
        try {
            return strict.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidRequestException(JsonProblems.parseFailure(e, strict, body));
        }
    }

    private static void requireJsonContentType(String contentType) {
        if (contentType == null) {
            throw new InvalidRequestException("Content-Type is missing; send Content-Type: application/json");
        }
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType() && !type.isWildcardSubtype()) {
                return;
            }
        } catch (InvalidMediaTypeException e) {
            // falls through to the message below
        }
        throw new InvalidRequestException("Content-Type must be application/json, got " + contentType);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }
}
