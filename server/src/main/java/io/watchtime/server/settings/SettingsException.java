package io.watchtime.server.settings;

/** A setting that cannot be used; the message names it and says what to do, and is shown without a stack trace. */
public final class SettingsException extends RuntimeException {

    public SettingsException(String message) {
        super(message, null, false, false);
    }
}
