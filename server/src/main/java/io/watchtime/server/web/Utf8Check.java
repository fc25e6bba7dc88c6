package io.watchtime.server.web;

import io.watchtime.protocol.InvalidRequestException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON bodies must be UTF-8 (RFC 8259), strictly: the JSON parser decodes overlong forms ({@code C0 AF} as "/") and
 * UTF-8-encoded surrogates ({@code ED A0 80}) without a word, which would let text past our checks in a disguise and
 * store strings no database can hold. The JDK's decoder refuses every malformed sequence.
 */
final class Utf8Check {

    private Utf8Check() {
    }

    /** Refuses a body that is not valid UTF-8, naming the field whose string holds the first bad byte when it can. */
    static void require(byte[] body, JsonMapper json) {
        int bad = firstInvalidByte(body);
        if (bad < 0) {
            return;
        }
        String where = String.format("byte 0x%02X at offset %d", body[bad] & 0xFF, bad);
        String field = stringFieldEndingAt(json, body, bad);
        throw new InvalidRequestException(field == null || field.isEmpty()
                ? "request body is not valid UTF-8 (" + where + "); send JSON encoded in UTF-8"
                : field + " is not valid UTF-8 (" + where + "); send text encoded in UTF-8");
    }

    /** The offset of the first byte of the first malformed sequence, or -1; decodes in small steps, allocating little. */
    static int firstInvalidByte(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            if (result.isError()) {
                return in.position();
            }
            if (result.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /**
     * The path of the string value that the bytes before {@code end} leave open, or null when the bad byte is not in
     * a string value (a field name, or outside any string). The parser reads a string value's text only when asked,
     * so an open one is a string token whose text cannot be read.
     */
    private static String stringFieldEndingAt(JsonMapper json, byte[] body, int end) {
        try (JsonParser parser = json.createParser(body, 0, end)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.VALUE_STRING) {
                    try {
                        parser.getString();
                    } catch (JacksonException open) {
                        return JsonProblems.path(parser.streamReadContext());
                    }
                }
            }
            return null;
        } catch (JacksonException elsewhere) {
            return null;
        }
    }
}
