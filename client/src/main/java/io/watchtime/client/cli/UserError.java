package io.watchtime.client.cli;

/** A mistake the user can fix; its message says how, and it is shown without a stack trace. */
final class UserError extends RuntimeException {

    UserError(String message) {
        super(message, null, false, false);
    }
}
