package io.watchtime.server.storage;

import java.util.ArrayList;
import java.util.List;

/** A statement's text and its parameters, appended together so that no value is ever spliced in by position. */
public final class Sql {

    private final StringBuilder text = new StringBuilder();
    private final List<Object> args = new ArrayList<>();

    public Sql append(String fragment, Object... values) {
        text.append(fragment);
        args.addAll(List.of(values));
        return this;
    }

    /** Values for placeholders already in the text, after those given so far. */
    public Sql bind(Object... values) {
        args.addAll(List.of(values));
        return this;
    }

    public String text() {
        return text.toString();
    }

    public Object[] args() {
        return args.toArray();
    }

    @Override
    public String toString() {
        return text + " " + args;
    }
}
