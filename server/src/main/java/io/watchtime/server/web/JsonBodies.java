package io.watchtime.server.web;

import io.watchtime.protocol.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body as JSON with our own checks, so every way a body can be wrong gets a 4xx that
 * says what to fix, instead of a framework's message.
 */
@Component
public class JsonBodies {

    private final JsonMapper strict = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public JsonNode read(HttpServletRequest request, int maxBytes) {
        requireJsonContentType(request.getContentType());
        byte[] body = readAtMost(request, maxBytes);
        if (isBlank(body)) {
            throw new InvalidRequestException("request body is empty; send a JSON object");
        }
        try {
            return strict.readTree(body);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new InvalidRequestException("malformed JSON" + where + ": " + firstLine(e.getOriginalMessage()));
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

    private static byte[] readAtMost(HttpServletRequest request, int maxBytes) {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw tooLarge(maxBytes);
            }
            return body;
        } catch (IOException e) {
            throw new InvalidRequestException("could not read the request body: " + e.getMessage());
        }
    }

    private static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, "request body is larger than " + maxBytes + " bytes");
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Jackson appends where the error started ("(start marker at [Source: ...])"); we say line and column.
        int cut = message.length();
        for (String tail : new String[] {"\n", " (start marker at", " at [Source"}) {
            int at = message.indexOf(tail);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        return message.substring(0, cut);
    }
}
