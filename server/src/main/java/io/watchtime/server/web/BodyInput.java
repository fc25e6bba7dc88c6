package io.watchtime.server.web;

import io.watchtime.protocol.InvalidRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Reads a request body within a size and a time limit. A body over the size is read to its end and thrown away
 * before the 413, because a client that is still sending would otherwise see its connection cut instead of the
 * answer; within the time limit only, so that neither a huge body nor a trickling one holds a worker for long.
 */
final class BodyInput {

    private static final int CHUNK = 64 * 1024;

    private BodyInput() {
    }

    static byte[] read(HttpServletRequest request, int maxBytes, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long declared = request.getContentLengthLong();
        boolean tooLarge = declared > maxBytes;
        ByteArrayOutputStream body = new ByteArrayOutputStream(tooLarge ? 0 : (int) Math.min(Math.max(declared, 0), maxBytes));
        byte[] chunk = new byte[CHUNK];
        try {
            InputStream in = request.getInputStream();
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                tooLarge = tooLarge || body.size() + n > maxBytes;
                if (!tooLarge) {
                    body.write(chunk, 0, n);
                }
                if (System.nanoTime() - deadline > 0) {
                    UnreadBodyValve.abandon(request);
                    throw tooLarge ? tooLarge(maxBytes) : tooSlow(timeout);
                }
            }
        } catch (SocketTimeoutException e) {
            UnreadBodyValve.abandon(request);
            throw tooSlow(timeout);
        } catch (IOException e) {
            UnreadBodyValve.abandon(request);
            throw new InvalidRequestException("could not read the request body: " + e.getMessage());
        }
        if (tooLarge) {
            throw tooLarge(maxBytes);
        }
        return body.toByteArray();
    }

    private static ApiException tooLarge(int maxBytes) {
        return new ApiException(413, "request body is larger than " + maxBytes + " bytes; send less at a time");
    }

    private static ApiException tooSlow(Duration timeout) {
        return new ApiException(408, "request body did not arrive within " + timeout.toSeconds()
                + " s; send the whole body at once");
    }
}
