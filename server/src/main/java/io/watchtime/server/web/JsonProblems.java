package io.watchtime.server.web;

import java.util.ArrayDeque;
import java.util.Deque;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/** Says where in a JSON body a parser stopped, as the field paths of the API's messages ({@code events[3].room_id}). */
final class JsonProblems {

    private JsonProblems() {
    }

    /** The path of the value the parser is at, like {@code events[3].room_id}; "" at the top level. */
    static String path(TokenStreamContext context) {
        Deque<String> segments = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                segments.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            } else if (c.currentName() != null) {
                segments.push("." + c.currentName());
            }
        }
        String path = String.join("", segments);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** A client's message for a body the parser refused with {@code e}: where, in which field when known, and why. */
    static String parseFailure(JacksonException e, JsonMapper json, byte[] body) {
        String field = pathOfFailure(json, body);
        if (field.length() > 80) {
            // A path hundreds of levels deep says no more than its beginning.
            field = field.substring(0, 77) + "...";
        }
        String why = firstLine(e.getOriginalMessage());
        if (e instanceof StreamConstraintsException) {
            // A parser limit (a number's length, the nesting depth): "too long", not "malformed".
            return (field.isEmpty() ? "request body" : field) + " is too long or too deep: " + why;
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return "malformed JSON" + where + (field.isEmpty() ? "" : " (in " + field + ")") + ": " + why;
    }

    /**
     * Where a streaming read of the body fails: the tree reader's exceptions do not say which field they were in.
     * Runs on refused bodies only; string values are read out because the parser checks their text lazily.
     */
    private static String pathOfFailure(JsonMapper json, byte[] body) {
        try (JsonParser parser = json.createParser(body)) {
            try {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    if (token == JsonToken.VALUE_STRING) {
                        parser.getString();
                    }
                }
            } catch (JacksonException failure) {
                return path(parser.streamReadContext());
            }
        }
        return "";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        // Jackson appends where the error started ("(start marker at [Source: ...])") and which setting a limit
        // comes from; we say line and column, and the setting is ours, not the client's.
        int cut = message.length();
        for (String tail : new String[] {"\n", " (start marker at", " at [Source", ", from `"}) {
            int at = message.indexOf(tail);
            if (at >= 0 && at < cut) {
                cut = at;
            }
        }
        String line = message.substring(0, cut);
        return cut < message.length() && message.startsWith(", from `", cut) ? line + ")" : line;
    }
}
