package io.watchtime.protocol;

/** Bad input from a client; the message names the field and says what is wrong, ready to show as {@code msg}. */
public final class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message, null, false, false);
    }
}
