package io.watchtime.client.http;

import io.watchtime.client.RateLimit;
import io.watchtime.client.Ticker;
import java.io.IOException;
import java.net.http.HttpResponse;

/**
 * Keeps one endpoint's requests within the server's sliding window. The server counts a request when it
 * accepts it, somewhere between our send and the answer; we log the time the answer arrived (never earlier
 * than the server's count) and send the next request only when the {@code limit}-th last answer is a full
 * window old. So the server always sees at least a window between a request and the one {@code limit}
 * later: a client alone on its account is never refused, and no safety margin is needed.
 */
final class Pacer {

    private final int limit;
    private final long windowMillis;
    private final Ticker ticker;
    /** Answer times, oldest first from {@code next}; the ring holds at most {@code limit - inFlight}. */
    private final long[] answered;
    private int next;
    private int size;
    private int inFlight;

    Pacer(RateLimit rateLimit, Ticker ticker) {
        this.limit = rateLimit.requests();
        this.windowMillis = rateLimit.window().toMillis();
        this.ticker = ticker;
        this.answered = new long[limit];
    }

    /** One exchange with the server, which the pacer fits into the window. */
    @FunctionalInterface
    interface Send {
        HttpResponse<byte[]> send() throws IOException, InterruptedException;
    }

    /**
     * Sends inside the window: waits until one more request fits, and logs the moment its answer came, before
     * anyone reads it. A 429 is not logged (the server does not count what it refused); a send that failed is,
     * as it may have reached the server.
     */
    HttpResponse<byte[]> paced(Send send) throws IOException, InterruptedException {
        acquire();
        boolean counted = true;
        try {
            HttpResponse<byte[]> response = send.send();
            counted = response.statusCode() != 429;
            return response;
        } finally {
            release(counted);
        }
    }

    /** Waits until one more request fits in the window, and counts it as in flight. */
    private void acquire() throws InterruptedException {
        while (true) {
            long waitMillis;
            synchronized (this) {
                long now = ticker.millis();
                while (size > 0 && answered[next] + windowMillis <= now) { // out of the window: forget it
                    next = (next + 1) % limit;
                    size--;
                }
                if (size + inFlight < limit) {
                    inFlight++;
                    return;
                }
                // When every slot is in flight there is nothing to wait for but an answer: poll briefly.
                waitMillis = size > 0 ? answered[next] + windowMillis - now : 10;
            }
            ticker.sleep(waitMillis);
        }
    }

    /** Ends an in-flight request; {@code counted}: the server may have counted it (anything but a 429). */
    private synchronized void release(boolean counted) {
        inFlight--;
        if (counted) {
            answered[(next + size) % limit] = ticker.millis();
            size++;
        }
    }
}
