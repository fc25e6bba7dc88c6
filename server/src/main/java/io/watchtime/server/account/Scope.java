package io.watchtime.server.account;

import java.util.Locale;

/** What a key may do. {@code admin} may do everything. */
public enum Scope {
    READ, INGEST, ADMIN;

    public boolean allows(Scope needed) {
        return this == ADMIN || this == needed;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope fromWire(String text) {
        for (Scope scope : values()) {
            if (scope.wire().equalsIgnoreCase(text)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope \"" + text + "\"; use read, ingest or admin");
    }
}
