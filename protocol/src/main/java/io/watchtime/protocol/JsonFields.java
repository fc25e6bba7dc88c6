package io.watchtime.protocol;

import java.math.BigInteger;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeType;

/**
 * Reads fields of a JSON object the way PHP-style clients send them: integers as JSON numbers or as
 * strings of digits. Every failure names the field and says why, so it can go to the client as is.
 */
public final class JsonFields {

    /** Larger than any unix time in seconds for the next three centuries; a millisecond value is above it. */
    public static final long MAX_UNIX_SECONDS = 9_999_999_999L;

    /**
     * The longest integer text read: int64 has 19 digits, and a sign or a leading zero leaves room for one more.
     * Longer text is refused by its length alone, because converting it costs time that grows with the square of
     * its length (two million digits took a minute of CPU).
     */
    public static final int MAX_INTEGER_CHARS = 20;

    private static final Pattern DIGITS = Pattern.compile("-?[0-9]+");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private JsonFields() {
    }

    /** The object's field, or null when it is absent or JSON null. */
    public static JsonNode optional(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value == null || value.isNull() ? null : value;
    }

    public static JsonNode required(JsonNode object, String field) {
        JsonNode value = optional(object, field);
        if (value == null) {
            throw new InvalidRequestException(field + " is required");
        }
        return value;
    }

    /** A non-negative integer within [min, max], from a JSON number or a string of digits. */
    public static long integer(String field, JsonNode value, long min, long max) {
        BigInteger number = switch (value.getNodeType()) {
            case NUMBER -> {
                if (!value.isIntegralNumber()) {
                    throw new InvalidRequestException(field + " must be an integer, got " + describe(value));
                }
                // A JSON number was converted by the parser, which bounds its length (server: JsonBodies).
                yield value.bigIntegerValue();
            }
            case STRING -> {
                String text = value.stringValue().trim();
                if (text.length() > MAX_INTEGER_CHARS) {
                    throw tooLong(field, text.length());
                }
                if (!DIGITS.matcher(text).matches()) {
                    throw new InvalidRequestException(field + " must be an integer, got " + quote(value.stringValue()));
                }
                yield new BigInteger(text);
            }
            default -> throw new InvalidRequestException(field + " must be an integer, got " + describe(value));
        };
        if (number.signum() < 0) {
            throw new InvalidRequestException(field + " must not be negative, got " + abbreviate(number.toString()));
        }
        if (number.compareTo(LONG_MAX) > 0) {
            throw new InvalidRequestException(field + " is too large: " + abbreviate(number.toString()) + " is beyond int64");
        }
        long result = number.longValue();
        if (result < min) {
            throw new InvalidRequestException(field + " must be at least " + min + ", got " + result);
        }
        if (result > max) {
            throw new InvalidRequestException(field + " must be at most " + max + ", got " + result);
        }
        return result;
    }

    private static InvalidRequestException tooLong(String field, int length) {
        return new InvalidRequestException(field + " is too long for an integer: " + length
                + " characters, at most " + MAX_INTEGER_CHARS);
    }

    /** Unix seconds; 0 allowed. A millisecond timestamp is refused with a hint, since it is the usual mistake. */
    public static long unixSeconds(String field, JsonNode value) {
        long seconds = integer(field, value, 0, Long.MAX_VALUE);
        if (seconds > MAX_UNIX_SECONDS) {
            throw new InvalidRequestException(field + " must be unix seconds, got " + seconds
                    + " (that looks like milliseconds; divide by 1000)");
        }
        return seconds;
    }

    /** A string of at most maxLength characters. */
    public static String string(String field, JsonNode value, int maxLength) {
        if (value.getNodeType() != JsonNodeType.STRING) {
            throw new InvalidRequestException(field + " must be a string, got " + describe(value));
        }
        String text = value.stringValue();
        if (text.length() > maxLength) {
            throw new InvalidRequestException(field + " must be at most " + maxLength + " characters, got " + text.length());
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidRequestException(field + " must not contain the NUL character (\\u0000)");
        }
        return text;
    }

    public static String describe(JsonNode value) {
        return switch (value.getNodeType()) {
            case STRING -> quote(value.stringValue());
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case BOOLEAN -> value.toString();
            case NULL -> "null";
            default -> abbreviate(value.toString());
        };
    }

    private static String quote(String text) {
        return "\"" + abbreviate(text) + "\"";
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }
}
