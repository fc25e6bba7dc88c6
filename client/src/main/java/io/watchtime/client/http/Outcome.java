package io.watchtime.client.http;

import io.watchtime.client.WatchtimeException;

/**
 * What one attempt at a call gave: the answer's data, or a failure, with whether waiting may heal it (a 429, a
 * 5xx, a timeout, a broken connection) or not (a refused key, a bad request, an answer outside the contract).
 */
sealed interface Outcome<T> {

    record Success<T>(T data) implements Outcome<T> {
    }

    record Failure<T>(WatchtimeException error, boolean retryable) implements Outcome<T> {
    }
}
